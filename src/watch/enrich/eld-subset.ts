/**
 * eld's n-gram scoring (package `eld`, static `small` database), re-implemented for a subset of
 * its languages so that it gives the same answer at a fraction of the cost. eld builds a string
 * per byte, an object keyed by n-gram and, per call, arrays, closures and result objects (about
 * 13 µs and 14 kB per post); here the n-grams are packed into numbers and looked up in typed
 * arrays built once from eld's own database, and nothing is allocated per call.
 *
 * The answer is eld's to the digit: the same text processing (eld's own separator regex, trim,
 * lower case, the byte dictionary, the cut after 350/380 bytes), the same n-grams (4 bytes, stride
 * 3, a space before the first and after the last of each word), integer score sums in the same
 * order, and eld's `isReliable` and `getScores` on the subset, quirks included. A word of more
 * than 70 bytes, whose last n-gram eld takes up to the word's end, is left to eld itself
 * (`score` returns false). A test holds the two to the same results on thousands of lines.
 *
 * The database is read from eld's package files (resolved from its `eld/small` entry); when that
 * fails (another eld layout), `loadEldSubset` returns null and the caller uses eld.
 */

/** What eld's result says, for the subset: `reliable`, and per subset language its score or NaN (absent). */
export interface SubsetScores {
  reliable: boolean;
  /** Indexed like the `codes` the scorer was made for; NaN where eld's `getScores()` has no entry. */
  scores: Float64Array;
}

interface EldDatabase {
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

/** eld subtracts this from every stored score to make its files smaller (languageDetector.js). */
const BASE_NGRAM_SCORE = 53;
/** eld's constants: words are cut at 70 bytes; text after 350 bytes at the next space, after 380 anywhere. */
const WORD_BYTES = 70;
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
const SCORE_SCALE = 25;
const RELIABLE_RATIO = 0.75;
const MAX_TEXT = 1000;
const SPACE = 0x20;
/** Longest n-gram: a space, four bytes and a space. */
const MAX_GRAM = 6;

export class EldSubset {
  private readonly codes: readonly string[];
  /** Subset languages in eld's index order (the order eld's loops visit them), as positions in `codes`. */
  private readonly order: Int32Array;
  /** eld's index of the language at each position of `codes`. */
  private readonly eldIndexes: Int32Array;
  private readonly averages: Float64Array;
  /** Open-addressing table of packed n-grams: two 32-bit halves per slot, and 1 + entry (0: empty). */
  private readonly lows: Int32Array;
  private readonly highs: Int32Array;
  private readonly entries: Int32Array;
  private readonly mask: number;
  /** Per entry, per subset position: the amount eld adds (score + 53), 0 where the language is absent. */
  private readonly amounts: Int32Array;
  /** eld's byte dictionary as character codes. */
  private readonly dictionary: Uint16Array;

  // Scratch, reused by every call (calls are synchronous).
  private bytes = new Uint16Array(512);
  private wordEnds = new Int32Array(256);
  private readonly sums: Float64Array;
  private readonly seenLows = new Int32Array(1024);
  private readonly seenHighs = new Int32Array(1024);
  private readonly seenStamp = new Int32Array(1024);
  private stamp = 0;
  private readonly result: SubsetScores;
  private readonly ranked: Int32Array;
  private readonly scaled: Float64Array;

  constructor(
    database: EldDatabase,
    dictionary: readonly string[],
    averages: Record<string, number>,
    private readonly separators: RegExp,
    codes: readonly string[],
  ) {
    this.codes = codes;
    const indexOf = new Map<string, number>();
    for (const [index, code] of Object.entries(database.languages)) indexOf.set(code, Number(index));
    const positions = codes.map((_, p) => p).filter((p) => indexOf.has(codes[p]!));
    positions.sort((a, b) => indexOf.get(codes[a]!)! - indexOf.get(codes[b]!)!);
    this.order = Int32Array.from(positions);
    this.eldIndexes = Int32Array.from(codes, (c) => indexOf.get(c) ?? -1);
    this.averages = Float64Array.from(codes, (c) => averages[c] ?? NaN);
    this.dictionary = Uint16Array.from(dictionary, (ch) => {
      if (ch.length !== 1 || ch.charCodeAt(0) > 0xff || ch.charCodeAt(0) === 0) throw new Error('eld-subset: unexpected dictionary entry');
      return ch.charCodeAt(0);
    });
    const byIndex = new Map<number, number>();
    for (const p of positions) byIndex.set(indexOf.get(codes[p]!)!, p);
    const kept: [number, number, Int32Array][] = [];
    for (const [gram, langs] of Object.entries(database.ngrams)) {
      let amounts: Int32Array | null = null;
      for (const [lang, score] of Object.entries(langs)) {
        const p = byIndex.get(Number(lang));
        if (p === undefined) continue;
        amounts ??= new Int32Array(codes.length);
        amounts[p] = score + BASE_NGRAM_SCORE;
      }
      if (amounts === null || gram.length > MAX_GRAM) continue;
      const units = Array.from(gram, (ch) => ch.charCodeAt(0));
      if (units.some((u) => u === 0 || u > 0xff)) continue;
      kept.push([packLow(units, 0, units.length), packHigh(units, 0, units.length), amounts]);
    }
    let slots = 16;
    while (slots < kept.length * 2) slots *= 2;
    this.mask = slots - 1;
    this.lows = new Int32Array(slots);
    this.highs = new Int32Array(slots);
    this.entries = new Int32Array(slots);
    this.amounts = new Int32Array(kept.length * codes.length);
    kept.forEach(([low, high, amounts], entry) => {
      let slot = slotOf(low, high) & this.mask;
      while (this.entries[slot] !== 0) slot = (slot + 1) & this.mask;
      this.lows[slot] = low;
      this.highs[slot] = high;
      this.entries[slot] = entry + 1;
      this.amounts.set(amounts, entry * codes.length);
    });
    this.sums = new Float64Array(codes.length);
    this.ranked = new Int32Array(codes.length);
    this.scaled = new Float64Array(codes.length);
    this.result = { reliable: false, scores: new Float64Array(codes.length) };
  }

  /**
   * eld's `detect(text)` restricted to the subset: whether its result `isReliable()`, and its
   * `getScores()`. Returns false when the text has a word eld scores in a way not re-implemented
   * here (over 70 bytes); the result object is reused by the next call.
   */
  score(text: string): SubsetScores | false {
    let words = this.encodeAscii(text);
    if (words < 0) words = this.encode(text.substring(0, MAX_TEXT).replace(this.separators, ' ').trim().toLowerCase());
    const sums = this.sums;
    sums.fill(0);
    const stamp = this.nextStamp();
    const bytes = this.bytes;
    const ends = this.wordEnds;
    let distinct = 0;
    let start = 0;
    for (let w = 0; w < words; w++) {
      const end = ends[w]!;
      const length = end - start;
      if (length > WORD_BYTES) return false;
      let j = 0;
      for (; j + 4 < length; j += 3) distinct += this.count(bytes, start + j, 4, j === 0, false, stamp);
      const from = length !== 3 ? Math.max(0, length - 4) : 0;
      distinct += this.count(bytes, start + from, length - from, j === 0, true, stamp);
      start = end;
    }
    return this.decide(distinct);
  }

  /** Adds an n-gram (`count` bytes at `at`, with a leading and/or trailing space) once per text; 1 if it was new. */
  private count(bytes: Uint16Array, at: number, count: number, lead: boolean, trail: boolean, stamp: number): number {
    const units = GRAM_UNITS;
    let n = 0;
    if (lead) units[n++] = SPACE;
    for (let k = 0; k < count; k++) units[n++] = bytes[at + k]!;
    if (trail) units[n++] = SPACE;
    const low = packLow(units, 0, n);
    const high = packHigh(units, 0, n);
    const mask = this.seenStamp.length - 1;
    let seen = slotOf(low, high) & mask;
    for (; this.seenStamp[seen] === stamp; seen = (seen + 1) & mask) {
      if (this.seenLows[seen] === low && this.seenHighs[seen] === high) return 0;
    }
    this.seenStamp[seen] = stamp;
    this.seenLows[seen] = low;
    this.seenHighs[seen] = high;
    let slot = slotOf(low, high) & this.mask;
    for (let entry = this.entries[slot]!; entry !== 0; slot = (slot + 1) & this.mask, entry = this.entries[slot]!) {
      if (this.lows[slot] !== low || this.highs[slot] !== high) continue;
      const amounts = this.amounts;
      const base = (entry - 1) * this.codes.length;
      for (let p = 0; p < this.codes.length; p++) this.sums[p] = this.sums[p]! + amounts[base + p]!;
      break;
    }
    return 1;
  }

  /** eld's filterLangSubset, getMaxLang, orderAndScale, isReliable and getScores, on the sums. */
  private decide(numNgrams: number): SubsetScores {
    const { order, sums, ranked, scaled, result } = this;
    result.scores.fill(NaN);
    let language = -1;
    let max = 0;
    let count = 0;
    for (let i = 0; i < order.length; i++) {
      const p = order[i]!;
      const sum = sums[p]!;
      if (!(sum > 0)) continue;
      if (sum > max) {
        max = sum;
        language = p;
      }
      const ngramScore = sum / numNgrams;
      scaled[p] = ngramScore / (ngramScore + SCORE_SCALE);
      // Insertion keeps ties in index order, as eld's stable sort does.
      let at = count++;
      while (at > 0 && scaled[ranked[at - 1]!]! < scaled[p]) {
        ranked[at] = ranked[at - 1]!;
        at--;
      }
      ranked[at] = p;
    }
    if (language < 0) {
      result.reliable = false;
      return result;
    }
    for (let r = 0; r < count; r++) result.scores[ranked[r]!] = scaled[ranked[r]!]!;
    const top = scaled[ranked[0]!]!;
    // eld compares with results[1][0], the second language's index, not its score; kept as is.
    const next = count > 1 ? this.eldIndexes[ranked[1]!]! : 0;
    result.reliable = numNgrams >= 3 && !(this.averages[language]! * RELIABLE_RATIO > top || 0.01 > Math.abs(top - next));
    return result;
  }

  /**
   * For ASCII text (nearly every post that gets this far), eld's whole text processing without
   * building a string: its separator regex (which alone costs about 1 µs a post) replaces each run
   * of non-letters by a space, except that a run keeps the apostrophes (' and `) after its last
   * other character; then trim, lower case and strToUtf8Bytes, whose byte count and cuts are kept
   * exactly. Returns the word count, or −1 at the first non-ASCII character.
   */
  private encodeAscii(text: string): number {
    const n = Math.min(text.length, MAX_TEXT);
    if (this.bytes.length < n + 8) this.bytes = new Uint16Array(2 * n + 8);
    if (this.wordEnds.length < n + 1) this.wordEnds = new Int32Array(n + 1);
    const bytes = this.bytes;
    const ends = this.wordEnds;
    let length = 0;
    let wordStart = 0;
    let words = 0;
    let countBytes = 0;
    let i = 0;
    scan: while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return -1;
      if (isAsciiLetter(c)) {
        bytes[length++] = c | 0x20;
        if (++countBytes > ENFORCE_CUT_AFTER) break;
        i++;
        continue;
      }
      let j = i;
      let lastOther = -1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d >= 0x80) return -1;
        if (isAsciiLetter(d)) break;
        if (d !== 0x27 && d !== 0x60) lastOther = j;
      }
      // The run's space (none at the very start: trim), then the apostrophes it keeps.
      if (lastOther >= 0 && length > 0) {
        if (length > wordStart) {
          ends[words++] = length;
          wordStart = length;
        }
        if (countBytes > CUT_AFTER || ++countBytes > ENFORCE_CUT_AFTER) break;
      }
      for (let k = lastOther + 1 > i ? lastOther + 1 : i; k < j; k++) {
        bytes[length++] = text.charCodeAt(k);
        if (++countBytes > ENFORCE_CUT_AFTER) break scan;
      }
      i = j;
    }
    if (length > wordStart) ends[words++] = length;
    return words;
  }

  /** eld's strToUtf8Bytes: the words' bytes, each as its dictionary character, into `bytes`/`wordEnds`; returns the word count. */
  private encode(text: string): number {
    if (this.bytes.length < 4 * text.length + 8) this.bytes = new Uint16Array(4 * text.length + 8);
    if (this.wordEnds.length < text.length + 1) this.wordEnds = new Int32Array(text.length + 1);
    const bytes = this.bytes;
    const ends = this.wordEnds;
    const d = this.dictionary;
    let n = 0;
    let wordStart = 0;
    let words = 0;
    let countBytes = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c === SPACE) {
          if (n > wordStart) {
            ends[words++] = n;
            wordStart = n;
          }
          if (countBytes > CUT_AFTER) break;
        } else {
          bytes[n++] = c;
        }
        countBytes++;
      } else if (c < 0x800) {
        bytes[n++] = d[0xc0 | (c >> 6)]!;
        bytes[n++] = d[0x80 | (c & 0x3f)]!;
        countBytes += 2;
      } else if (c < 0xd800 || c >= 0xe000) {
        bytes[n++] = d[0xe0 | (c >> 12)]!;
        bytes[n++] = d[0x80 | ((c >> 6) & 0x3f)]!;
        bytes[n++] = d[0x80 | (c & 0x3f)]!;
        countBytes += 3;
      } else {
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
        bytes[n++] = d[0xf0 | (c >> 18)]!;
        bytes[n++] = d[0x80 | ((c >> 12) & 0x3f)]!;
        bytes[n++] = d[0x80 | ((c >> 6) & 0x3f)]!;
        bytes[n++] = d[0x80 | (c & 0x3f)]!;
        countBytes += 4;
      }
      if (countBytes > ENFORCE_CUT_AFTER) break;
    }
    if (n > wordStart) ends[words++] = n;
    return words;
  }

  private nextStamp(): number {
    if (++this.stamp > 0x3fffffff) {
      this.seenStamp.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

const GRAM_UNITS = new Uint16Array(MAX_GRAM);

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** The first three units (8 bits each) and the length: with `packHigh`, an n-gram of up to six units exactly. */
function packLow(units: ArrayLike<number>, from: number, n: number): number {
  let v = n;
  for (let k = 0; k < 3 && k < n; k++) v |= units[from + k]! << (8 + 8 * k);
  return v | 0;
}

function packHigh(units: ArrayLike<number>, from: number, n: number): number {
  let v = 0;
  for (let k = 3; k < n; k++) v |= units[from + k]! << (8 * (k - 3));
  return v | 0;
}

function slotOf(low: number, high: number): number {
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The scorer over eld's `small` database for `codes`, or null when eld's files are not where
 * its version 2 keeps them.
 */
export async function loadEldSubset(codes: readonly string[]): Promise<EldSubset | null> {
  try {
    const entry = import.meta.resolve('eld/small');
    const file = (name: string) => new URL(name, entry).href;
    const [{ ngramsData }, { dictionary }, { avgScore }, { separators }] = (await Promise.all([
      import(file('../ngrams/small.js')),
      import(file('../dictionary.js')),
      import(file('../avgScore.js')),
      import(file('../regexPatterns.js')),
    ])) as [{ ngramsData: EldDatabase }, { dictionary: string[] }, { avgScore: Record<string, number> }, { separators: RegExp }];
    return new EldSubset(ngramsData, dictionary, avgScore, separators, codes);
  } catch {
    return null;
  }
}
