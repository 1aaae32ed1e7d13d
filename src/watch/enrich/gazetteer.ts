import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize, wordHash, type Token } from './tokenize.ts';
import { WordTable } from './word-table.ts';

export type PlaceKind = 'municipality' | 'town' | 'station' | 'venue' | 'street';

export interface Place {
  name: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** CBS code (GMxxxx) of the municipality the place lies in, when known. */
  municipalityCode: string | null;
}

/**
 * A place named in a post. `start`/`end` are UTF-16 offsets of the matched words; `text` is
 * the matched text (the source slice when `match` was given the source, else the tokens joined
 * by spaces); `score` in 0–1 ranks matches (more specific kinds and longer names score higher).
 */
export type PlaceMatch = Place & { start: number; end: number; text: string; score: number };

/** Alias flags in the data files (data/gazetteer/README.md). */
export const NEEDS_CUE = 1;
export const HASHTAG_OK = 2;

/** One gazetteer file: places as [name, kind, lat, lon, municipalityCode] and aliases as [alias, placeIndex, flags]. */
export interface GazetteerFile {
  places: [string, PlaceKind, number, number, string | null][];
  aliases: [string, number, number][];
}

interface Entry {
  place: Place;
  parts: number;
  flags: number;
  /** Another place shares this alias (e.g. two towns called Bergen). */
  contested: boolean;
}

const KIND_RANK: Record<PlaceKind, number> = { municipality: 1, town: 2, station: 3, street: 4, venue: 5 };
/**
 * Words after which a common-word place name is read as a place ("in Best", "naar Hoorn", "bij
 * de Dom"); an article may stand between the cue and the name.
 */
const CUES = new Set([
  'in', 'bij', 'naar', 'te', 'op', 'rond', 'richting', 'vanuit', 'uit', 'via', 'nabij', 'langs', 'tot',
  'near', 'at', 'to', 'from', 'around', 'towards',
]);
const ARTICLES = new Set(['de', 'het', "'t", 'the']);
const MAX_PARTS = 5;
const NO_SECONDS = new Int32Array(0);

const DEFAULT_DIR = fileURLToPath(new URL('../../../data/gazetteer/', import.meta.url));
const cache = new Map<string, Gazetteer>();

/** The aliases whose first key part is one word: where matching at a text part starts. */
interface Head {
  /** The one-part alias, if any. */
  single: Entry | undefined;
  /** Longer aliases, longest first, with their key parts after the first (and those parts' word hashes). */
  longer: { rest: readonly string[]; restHashes: Int32Array; entry: Entry }[];
  /**
   * The word hash of each longer alias's second part, in the same order: most words that start
   * an alias start many ("de": De Bilt, De Wolden, …), and the next word rules out nearly all.
   */
  seconds: Int32Array;
}

/**
 * The key parts of the tokens being matched (word, number or hashtag norms, hyphenated words
 * split), kept in reused arrays so that a post costs one map lookup per part and no allocation
 * unless it names a place. Matching is synchronous, so one set of arrays serves every call.
 */
const partNorms: string[] = [];
/** Index of the token each part comes from. */
const partTokens: number[] = [];
/** The word hash of each part, compared before the part itself. */
const partHashes: number[] = [];
/** The Head for a word part, the Entry for a hashtag part, or undefined. */
const partHits: (Head | Entry | undefined)[] = [];

/**
 * Dutch places (municipalities, towns, stations) and the venues and streets of configured areas,
 * matched in tokenised posts. Load once with `Gazetteer.load()`; matching is pure and allocation
 * is limited to the matches found.
 */
export class Gazetteer {
  private readonly byKey = new Map<string, Entry>();
  private readonly byCompactKey = new Map<string, Entry>();
  /** byCompactKey by word hash, for hashtags. */
  private readonly compactKeys: WordTable<Entry>;
  /** Aliases by their first key part, built from byKey once all files are read. */
  private readonly byFirstPart: WordTable<Head>;
  /**
   * A bit per first part's `filterBit`: a word whose bit is clear starts no alias, which settles
   * most words (a post's words are rarely place names) without a table lookup.
   */
  private readonly firstPartBits = new Uint8Array(1 << (FILTER_BITS - 3));
  readonly size: number;

  private constructor(files: readonly GazetteerFile[]) {
    let size = 0;
    for (const file of files) {
      const places = file.places.map(([name, kind, lat, lon, code]): Place => ({ name, kind, lat, lon, municipalityCode: code }));
      size += places.length;
      for (const [alias, index, flags] of file.aliases) {
        const place = places[index];
        if (place !== undefined) this.add(alias, place, flags);
      }
    }
    this.size = size;
    this.byFirstPart = new WordTable<Head>(this.byKey.size);
    for (const [key, entry] of this.byKey) {
      const [first = '', ...rest] = key.split(' ');
      const hash = wordHash(first);
      let head = this.byFirstPart.get(hash, first);
      if (head === undefined) {
        head = { single: undefined, longer: [], seconds: NO_SECONDS };
        this.byFirstPart.set(hash, first, head);
      }
      if (rest.length === 0) head.single = entry;
      else head.longer.push({ rest, restHashes: Int32Array.from(rest, wordHash), entry });
      const bit = filterBit(hash);
      this.firstPartBits[bit >>> 3]! |= 1 << (bit & 7);
    }
    this.byFirstPart.forEach((head) => {
      head.longer.sort((x, y) => y.rest.length - x.rest.length);
      head.seconds = Int32Array.from(head.longer, (alias) => alias.restHashes[0]!);
    });
    this.compactKeys = new WordTable<Entry>(this.byCompactKey.size);
    for (const [compact, entry] of this.byCompactKey) this.compactKeys.set(wordHash(compact), compact, entry);
  }

  /**
   * Loads (once per directory) `places.json` and every `areas/*.json` under `dir`, by default
   * the repository's data/gazetteer.
   */
  static load(dir: string = DEFAULT_DIR): Gazetteer {
    const cached = cache.get(dir);
    if (cached !== undefined) return cached;
    const files: GazetteerFile[] = [];
    const national = join(dir, 'places.json');
    if (existsSync(national)) files.push(JSON.parse(readFileSync(national, 'utf8')) as GazetteerFile);
    const areas = join(dir, 'areas');
    if (existsSync(areas)) {
      for (const name of readdirSync(areas).sort()) {
        if (name.endsWith('.json')) files.push(JSON.parse(readFileSync(join(areas, name), 'utf8')) as GazetteerFile);
      }
    }
    const gazetteer = new Gazetteer(files);
    cache.set(dir, gazetteer);
    return gazetteer;
  }

  /** A gazetteer over the given files, for tests and for areas configured at run time. */
  static fromFiles(files: readonly GazetteerFile[]): Gazetteer {
    return new Gazetteer(files);
  }

  private add(alias: string, place: Place, flags: number): void {
    const parts = keyParts(tokenize(alias));
    if (parts.length === 0 || parts.length > MAX_PARTS) return;
    const key = parts.join(' ');
    const existing = this.byKey.get(key);
    const entry: Entry = { place, parts: parts.length, flags, contested: false };
    if (existing !== undefined) {
      const same = existing.place.lat === place.lat && existing.place.lon === place.lon;
      // The more specific kind wins a shared alias; among equals the first listed (the data orders towns that give a municipality its name first).
      if (KIND_RANK[place.kind] > KIND_RANK[existing.place.kind]) {
        this.byKey.set(key, { ...entry, contested: existing.contested });
      } else if (!same && KIND_RANK[place.kind] === KIND_RANK[existing.place.kind] && existing.place.name !== place.name) {
        existing.contested = true;
      }
    } else {
      this.byKey.set(key, entry);
    }
    if (parts.length > 1 || (flags & NEEDS_CUE) === 0 || (flags & HASHTAG_OK) !== 0) {
      const compact = parts.join('').replace(/'/g, '');
      if (!this.byCompactKey.has(compact)) this.byCompactKey.set(compact, this.byKey.get(key)!);
    }
  }

  /**
   * Places named in the tokens, left to right, longest match first and without overlaps.
   * A name that is also a common word ("Best", "Hoorn", "Echt") counts only after a cue
   * ("in", "bij", "naar", "te", …, optionally followed by an article) or when written with a
   * capital inside a sentence. Pass the source text for exact `text` slices and for sentence
   * boundaries. Never throws.
   */
  match(tokens: readonly Token[], source?: string): PlaceMatch[] {
    const count = this.collectParts(tokens);
    if (count < 0) return [];
    const matches: PlaceMatch[] = [];
    let i = 0;
    while (i < count) {
      const hit = partHits[i];
      if (hit === undefined) {
        i++;
        continue;
      }
      if (tokens[partTokens[i]!]!.kind === 'hashtag') {
        matches.push(toMatch(hit as Entry, tokens, i, 1, source));
        i++;
        continue;
      }
      const head = hit as Head;
      let found: Entry | undefined;
      let length = 0;
      const next = i + 1 < count ? partHashes[i + 1]! : 0;
      const seconds = head.seconds;
      for (let a = 0; a < seconds.length; a++) {
        if (seconds[a] !== next) continue;
        const alias = head.longer[a]!;
        const n = alias.rest.length + 1;
        if (n > count - i || !followsOn(tokens, alias.rest, alias.restHashes, i)) continue;
        if ((alias.entry.flags & NEEDS_CUE) === 0 || cued(tokens, i, source, alias.entry.flags)) {
          found = alias.entry;
          length = n;
          break;
        }
      }
      const single = head.single;
      if (found === undefined && single !== undefined && ((single.flags & NEEDS_CUE) === 0 || cued(tokens, i, source, single.flags))) {
        found = single;
        length = 1;
      }
      if (found === undefined) {
        i++;
        continue;
      }
      matches.push(toMatch(found, tokens, i, length, source));
      i += length;
    }
    return matches;
  }

  /**
   * Fills the part arrays from the tokens and looks each part up. Returns the number of parts, or
   * −1 when no part can start a match (most posts name no place).
   */
  private collectParts(tokens: readonly Token[]): number {
    let count = 0;
    let any = false;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      const kind = token.kind;
      if (kind === 'hashtag') {
        const entry = this.compactKeys.get(token.hash, token.norm);
        if (entry !== undefined) any = true;
        partHashes[count] = token.hash;
        partNorms[count] = token.norm;
        partTokens[count] = index;
        partHits[count++] = entry;
      } else if (kind === 'word' || kind === 'number') {
        const norm = token.norm;
        if (norm.includes('-')) {
          for (const p of norm.split('-')) {
            const hash = wordHash(p);
            const head = this.byFirstPart.get(hash, p);
            if (head !== undefined) any = true;
            partHashes[count] = hash;
            partNorms[count] = p;
            partTokens[count] = index;
            partHits[count++] = head;
          }
        } else {
          const bit = filterBit(token.hash);
          const head = (this.firstPartBits[bit >>> 3]! & (1 << (bit & 7))) === 0 ? undefined : this.byFirstPart.get(token.hash, norm);
          if (head !== undefined) any = true;
          partHashes[count] = token.hash;
          partNorms[count] = norm;
          partTokens[count] = index;
          partHits[count++] = head;
        }
      }
    }
    return any ? count : -1;
  }
}

const FILTER_BITS = 16;

/** The first part's bit in the filter: the hash's top bits (its low bits pick the table slot). */
function filterBit(hash: number): number {
  return hash >>> (32 - FILTER_BITS);
}

/**
 * Whether the parts after `from` are `rest`, word by word, with no hashtag among them and no
 * other token (an emoji, a url) between them.
 */
function followsOn(tokens: readonly Token[], rest: readonly string[], restHashes: Int32Array, from: number): boolean {
  for (let k = 0; k < rest.length; k++) {
    const at = from + 1 + k;
    if (partHashes[at] !== restHashes[k] || partNorms[at] !== rest[k]) return false;
    const index = partTokens[at]!;
    if (index - partTokens[at - 1]! > 1 || tokens[index]!.kind === 'hashtag') return false;
  }
  return true;
}

function keyParts(tokens: readonly Token[]): string[] {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    if (t.norm.includes('-')) for (const p of t.norm.split('-')) parts.push(p);
    else parts.push(t.norm);
  }
  return parts;
}

function cued(tokens: readonly Token[], at: number, source: string | undefined, flags: number): boolean {
  const token = tokens[partTokens[at]!]!;
  // "#030": platforms do not make an all-digit hashtag, but people write it as one.
  if ((flags & HASHTAG_OK) !== 0 && source !== undefined && source.charCodeAt(token.start - 1) === 0x23) return true;
  let back = at - 1;
  if (back >= 0 && ARTICLES.has(partNorms[back]!)) back--;
  if (back >= 0 && CUES.has(partNorms[back]!)) return true;
  const first = token.text.charCodeAt(0);
  const capital = first >= 0x41 && first <= 0x5a ? true : first > 0x7f && token.text[0] !== token.text[0]!.toLowerCase();
  if (!capital || token.text === token.text.toUpperCase()) return false;
  return !sentenceStart(tokens, at, source);
}

function sentenceStart(tokens: readonly Token[], at: number, source: string | undefined): boolean {
  if (at === 0) return true;
  if (source === undefined) return false;
  const end = tokens[partTokens[at]!]!.start;
  for (let i = tokens[partTokens[at - 1]!]!.end; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x0a) return true;
  }
  return false;
}

function toMatch(entry: Entry, tokens: readonly Token[], from: number, length: number, source: string | undefined): PlaceMatch {
  const first = tokens[partTokens[from]!]!;
  const last = tokens[partTokens[from + length - 1]!]!;
  let text: string;
  if (source !== undefined) text = source.slice(first.start, last.end);
  else {
    text = first.text;
    for (let k = from + 1; k < from + length; k++) if (partTokens[k] !== partTokens[k - 1]) text += ` ${tokens[partTokens[k]!]!.text}`;
  }
  let score = 0.45 + 0.08 * KIND_RANK[entry.place.kind] + 0.05 * Math.min(length - 1, 3);
  if ((entry.flags & NEEDS_CUE) !== 0) score -= 0.1;
  if (entry.contested) score -= 0.15;
  const { name, kind, lat, lon, municipalityCode } = entry.place;
  return { name, kind, lat, lon, municipalityCode, start: first.start, end: last.end, text, score: Math.max(0.05, Math.min(1, score)) };
}
