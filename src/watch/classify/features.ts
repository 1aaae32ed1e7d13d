import { CATEGORY_IDS } from '#core/taxonomy.ts';
import type { StemLanguage } from '#watch/enrich/stem.ts';
import type { Token } from '#watch/enrich/tokenize.ts';
import {
  BIGRAM, CHARS, CUE, EMOJI, FEATURE_MASK, featureBucket, GRAM, GRAM_STRIDE, GRAM_WEIGHT, HASHTAG, LEXICON, LEXICON_WEIGHT, MENTION, NUMBER, P2000, P2000_WEIGHT, PREFIXES, STEM,
} from './feature-space.ts';
import { p2000Urgency, type P2000Urgency } from '#watch/enrich/p2000.ts';
import { bucketOf, hashOf } from '#core/hash.ts';
import { stemInfo, wordInfo, type WordInfo } from './words.ts';

export { FEATURE_BITS, FEATURE_BUCKETS } from './feature-space.ts';

const CUES = ['question', 'exclamation', 'caps', 'url', 'time', 'number', 'mention'] as const;
type Cue = (typeof CUES)[number];
const CUE_BUCKETS = CUES.map((c) => featureBucket(CUE, c));
const LEXICON_BUCKETS = CATEGORY_IDS.map((c) => featureBucket(LEXICON, c));
/** The names of the features that are the same for every post, made once. */
const CUE_NAMES = CUES.map((c) => PREFIXES[CUE]! + c);
const LEXICON_NAMES = CATEGORY_IDS.map((c) => PREFIXES[LEXICON]! + c);
const P2000_CODES: readonly P2000Urgency[] = ['A1', 'A2', 'B', 'P1', 'P2', 'P3'];
const P2000_BUCKETS = P2000_CODES.map((c) => featureBucket(P2000, c));
const P2000_NAMES = P2000_CODES.map((c) => PREFIXES[P2000]! + c);

/** Numbers that mean something in a safety post (emergency and police lines); others become a cue. */
const KNOWN_NUMBERS = new Set(['112', '0900-8844', '0900', '8844', '911', '999', '144', '113', '2000']);

/** Features a fresh PostFeatures has room for; it grows (doubling) for longer posts. */
const INITIAL_CAPACITY = 64;

/**
 * The features of one post: hashed bucket ids and values, plus, for the current post only,
 * enough to name each feature in an explanation ("stem:reanim", "bigram:uitgang vast") without
 * a reverse map: hashing a feature's name gives its bucket. Values are scaled to unit length
 * (`finish`), so long and short posts weigh alike.
 *
 * Features 0…size−1 live in typed arrays that are only scratch space beyond `size`, so that one
 * instance can be `reset` and refilled for every post a classifier sees (no allocation per post
 * on the ingest path); training keeps one instance per example.
 */
export class PostFeatures {
  private bucketIds = new Int32Array(INITIAL_CAPACITY);
  private weights = new Float64Array(INITIAL_CAPACITY);
  /** Per feature: kind, and up to two references (string indexes, offsets, cue or category ids). */
  private kinds = new Uint8Array(INITIAL_CAPACITY);
  private refA = new Int32Array(INITIAL_CAPACITY);
  private refB = new Int32Array(INITIAL_CAPACITY);
  /** Kept strings 0…stringCount−1; entries beyond are stale and overwritten by the next post. */
  private readonly strings: string[] = [];
  private stringCount = 0;
  private count = 0;
  private cueBits = 0;

  constructor(private lang: StemLanguage) {}

  /** The stemming language the features were made in. */
  get language(): StemLanguage {
    return this.lang;
  }

  /** Number of features. */
  get size(): number {
    return this.count;
  }

  /** Bucket ids; only the first `size` entries are this post's. */
  get buckets(): Int32Array {
    return this.bucketIds;
  }

  /** Values (unit length once finished); only the first `size` entries are this post's. */
  get values(): Float64Array {
    return this.weights;
  }

  /** Empties the features for another post. */
  reset(language: StemLanguage): this {
    this.lang = language;
    this.count = 0;
    this.stringCount = 0;
    this.cueBits = 0;
    return this;
  }

  /** The feature's name, as in an explanation. */
  describe(i: number): string {
    const kind = this.kinds[i]!;
    const a = this.refA[i]!;
    if (kind === CUE) return CUE_NAMES[a]!;
    if (kind === LEXICON) return LEXICON_NAMES[a]!;
    if (kind === P2000) return P2000_NAMES[a]!;
    const prefix = PREFIXES[kind]!;
    if (kind === BIGRAM) return `${prefix}${this.strings[a]!} ${this.strings[this.refB[i]!]!}`;
    if (kind === CHARS) return prefix + this.strings[a]!.slice(this.refB[i], this.refB[i]! + GRAM);
    return prefix + this.strings[a]!;
  }

  /**
   * True for features many unrelated posts share (lexicon hits, cues, emoji, P2000 codes).
   * Operator feedback leaves them alone, so that correcting one post moves what is particular to
   * it rather than, say, every post that contains a fire keyword.
   */
  isShared(i: number): boolean {
    const kind = this.kinds[i]!;
    return kind === LEXICON || kind === CUE || kind === EMOJI || kind === P2000;
  }

  /** Keeps a string for later reference; returns its index. */
  keep(s: string): number {
    this.strings[this.stringCount] = s;
    return this.stringCount++;
  }

  /** A feature whose name is its kind's prefix and the kept string `index`. */
  addString(kind: number, bucket: number, index: number): void {
    this.push(bucket, kind, index, 0, 1);
  }

  /**
   * The bigram of kept strings `a` and `b`, given the hash state of "bigram:<a> " (kept per word
   * as `StemInfo.bigramPrefix`, so only `b` is hashed here).
   */
  addBigramFrom(prefix: number, a: number, b: number): void {
    this.push(bucketOf(hashOf(prefix, this.strings[b]!), FEATURE_MASK), BIGRAM, a, b, 1);
  }

  /** The word's character n-grams (`grams[k]` starts at character k × GRAM_STRIDE). */
  addCharGrams(word: number, grams: readonly number[]): void {
    for (let k = 0; k < grams.length; k++) this.push(grams[k]!, CHARS, word, k * GRAM_STRIDE, GRAM_WEIGHT);
  }

  addCue(cue: Cue): void {
    const id = CUES.indexOf(cue);
    if ((this.cueBits & (1 << id)) !== 0) return;
    this.cueBits |= 1 << id;
    this.push(CUE_BUCKETS[id]!, CUE, id, 0, 1);
  }

  /** One "lexicon:<category>" feature per category whose keywords the post contains. */
  addLexicon(bits: number): void {
    for (let i = 0; bits !== 0; i++, bits >>>= 1) if ((bits & 1) !== 0) this.push(LEXICON_BUCKETS[i]!, LEXICON, i, 0, LEXICON_WEIGHT);
  }

  /** The urgency code of a P2000 pager message ("p2000:A1"). */
  addP2000(code: P2000Urgency): void {
    const id = P2000_CODES.indexOf(code);
    this.push(P2000_BUCKETS[id]!, P2000, id, 0, P2000_WEIGHT);
  }

  /** Scales the values to unit length; call once, after the last feature. */
  finish(): this {
    const values = this.weights;
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += values[i]! * values[i]!;
    const scale = sum === 0 ? 0 : 1 / Math.sqrt(sum);
    for (let i = 0; i < this.count; i++) values[i] = values[i]! * scale;
    return this;
  }

  private push(bucket: number, kind: number, a: number, b: number, value: number): void {
    if (this.count === this.bucketIds.length) this.grow();
    const i = this.count++;
    this.bucketIds[i] = bucket;
    this.weights[i] = value;
    this.kinds[i] = kind;
    this.refA[i] = a;
    this.refB[i] = b;
  }

  private grow(): void {
    const capacity = this.bucketIds.length * 2;
    this.bucketIds = grown(new Int32Array(capacity), this.bucketIds);
    this.weights = grown(new Float64Array(capacity), this.weights);
    this.kinds = grown(new Uint8Array(capacity), this.kinds);
    this.refA = grown(new Int32Array(capacity), this.refA);
    this.refB = grown(new Int32Array(capacity), this.refB);
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

const tokenInfos: (WordInfo | undefined)[] = [];

/**
 * Turns a tokenised post into hashed features: stems in the post's language (not of function
 * words), stem bigrams (not of two function words), hashtags (also as stems), emoji, mention
 * handles, character 5-grams of long words (Dutch compounds such as "stroomstoring", typos),
 * keyword-lexicon categories, emergency numbers, the urgency code of a P2000 pager message, and
 * cues (question, exclamation run, a word in capitals, url, time, number, mention). Without a
 * language, Dutch or English is guessed from function words. Pass `into` to refill an existing
 * instance instead of making one. Never throws.
 */
export function extractFeatures(text: string, tokens: readonly Token[], language: StemLanguage | null, into?: PostFeatures): PostFeatures {
  // The word facts per token, in a module-level array reused by every call (calls are synchronous).
  const infos = tokenInfos;
  let vote = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const info = token.kind === 'word' || token.kind === 'hashtag' ? wordInfo(token.norm, token.hash) : undefined;
    infos[t] = info;
    if (info !== undefined && token.kind === 'word') vote += info.vote;
  }
  const lang = language ?? (vote >= 0 ? 'nl' : 'en');
  const f = into === undefined ? new PostFeatures(lang) : into.reset(lang);
  let previous = -1;
  let previousPrefix = 0;
  let previousStop = false;
  let lexicon = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const info = infos[t];
    if (info !== undefined) {
      lexicon |= info.lexicon;
      const s = stemInfo(info, token.norm, lang);
      const index = f.keep(s.stem);
      if (token.kind === 'word') {
        if (!s.stop) f.addString(STEM, s.bucket, index);
        if (previous >= 0 && !(s.stop && previousStop)) f.addBigramFrom(previousPrefix, previous, index);
        previous = index;
        previousPrefix = s.bigramPrefix;
        previousStop = s.stop;
        if (token.text.length >= 3 && isCapitals(token.text)) f.addCue('caps');
      } else {
        f.addString(HASHTAG, featureBucket(HASHTAG, token.norm), f.keep(token.norm));
        f.addString(STEM, s.bucket, index);
        previous = -1;
      }
      if (info.grams.length > 0) f.addCharGrams(f.keep(token.norm), info.grams);
      continue;
    }
    previous = -1;
    if (token.kind === 'emoji') {
      const base = emojiBase(token.norm);
      f.addString(EMOJI, featureBucket(EMOJI, base), f.keep(base));
    } else if (token.kind === 'mention') {
      const name = handleName(token.norm);
      f.addString(MENTION, featureBucket(MENTION, name), f.keep(name));
      f.addCue('mention');
    } else if (token.kind === 'number') {
      if (KNOWN_NUMBERS.has(token.norm)) f.addString(NUMBER, featureBucket(NUMBER, token.norm), f.keep(token.norm));
      else f.addCue(token.norm.includes(':') ? 'time' : 'number');
    } else if (token.kind === 'url') {
      f.addCue('url');
    }
  }
  f.addLexicon(lexicon);
  const p2000 = p2000Urgency(text);
  if (p2000 !== null) f.addP2000(p2000);
  if (text.includes('?')) f.addCue('question');
  if (text.includes('!!')) f.addCue('exclamation');
  return f.finish();
}

function isCapitals(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) return false;
  }
  return true;
}

/** The emoji without skin tone and presentation selectors, so 👍🏽 and 👍 are one feature. */
function emojiBase(emoji: string): string {
  if (emoji.length <= 2) return emoji;
  let out = '';
  for (const ch of emoji) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff)) continue;
    out += ch;
  }
  return out;
}

/**
 * The first part of a handle, so that accounts of one kind share a feature:
 * "politie.bsky.social" → "politie", "gemeente-utrecht@mastodon.example" → "gemeente".
 */
function handleName(handle: string): string {
  for (let i = 0; i < handle.length; i++) {
    const c = handle.charCodeAt(i);
    if (c === 0x2e || c === 0x40 || c === 0x2d || c === 0x5f) return handle.slice(0, i);
  }
  return handle;
}
