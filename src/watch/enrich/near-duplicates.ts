import { FNV_PRIME, finishHash, HASH_START } from '#core/hash.ts';
import type { Token } from './tokenize.ts';

export interface NearDuplicateOptions {
  /** Posts remembered; the oldest is forgotten first. */
  maxEntries: number;
  /** Jaccard similarity of word shingles from which a post is a near duplicate (default 0.6). */
  threshold?: number;
}

export interface NearDuplicateResult {
  /** The first post of the chain this post continues, or null. */
  duplicateOf: string | null;
  /** Jaccard similarity to the closest earlier post (0 when none is near). */
  similarity: number;
}

/**
 * MinHash over word unigrams and bigrams with LSH banding: BANDS bands of ROWS rows. The chance
 * that a pair with Jaccard similarity s becomes a candidate is 1 − (1 − s^ROWS)^BANDS: 0.91 at
 * s = 0.6, 0.99 at 0.7, 0.29 at 0.3. Candidates are then checked exactly on the stored shingles,
 * so banding costs recall only, never precision. (SimHash was considered and not tried: for
 * posts of 10–20 shingles a Jaccard of 0.6 is an angle of about 41°, so each bit differs with
 * chance 0.23 and a 16-bit band agrees with chance 0.015 — four such bands would find ~6%.)
 */
const ROWS = 3;
const BANDS = 10;
const HASHES = ROWS * BANDS;
/** Keys per entry: one per band, and last the hash of the whole shingle set (verbatim copies). */
const KEYS = BANDS + 1;
const EXACT = BANDS;
/** Int32 values per slot record: a key and a link per key. */
const STRIDE = 2 * KEYS;
/** Below this many words a post ("dit dus", "klopt dit?") says too little to call it a copy. */
const MIN_WORDS = 4;
const DEFAULT_THRESHOLD = 0.6;
/**
 * Candidates checked per bucket, newest first. A bucket grows long only when many posts share
 * a band (a repost wave); any member of a chain leads to the chain's root, so the newest few
 * suffice and the cost per post stays bounded.
 */
const BUCKET_SCAN = 8;
/** Entries walked per bucket chain at most, other keys sharing the table slot included. */
const CHAIN_STEPS = 16;
/** Exact comparisons per post at most, so a burst of look-alike posts cannot slow ingest down. */
const MAX_COMPARISONS = 32;
/** Shingle counts up to this are sorted by insertion; longer posts use the built-in sort. */
const INSERTION_SORT_MAX = 48;
/** Shingle storage per ring slot, on average (posts have 10–40 shingles); see `arena`. */
const ARENA_PER_SLOT = 32;
/** The arena holds at least this many shingles, so that one long post always fits. */
const MIN_ARENA = 1 << 16;

/** Odd multipliers and xor seeds of the HASHES permutations `x ↦ (x ^ seed) · multiplier`. */
const SEEDS = Int32Array.from({ length: HASHES }, (_, i) => finishHash(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));
const MULTIPLIERS = Int32Array.from({ length: HASHES }, (_, i) => finishHash(0x7f4a7c15 ^ Math.imul(i + 1, 0xc2b2ae35)) | 1);

/**
 * Finds reposts and copy-paste chains with small mutations (a prefix like "Doorgestuurd:", a
 * suffix, a dropped word, different case, hashtags removed) among recent posts. Memory is
 * bounded by `maxEntries`; the caller keeps one index per organisation.
 *
 * Layout (all in typed arrays, so memory is fixed at construction and forgetting costs nothing):
 * entries are numbered in the order added (sequence numbers) and live in a ring of 2^k ≥
 * maxEntries slots. Each of an entry's KEYS keys hangs in a chained hash table: `heads` holds the
 * newest slot per table bucket, and each slot record holds its keys and, per key, the slot of
 * the next older entry in the same bucket. Along a chain sequence numbers fall; an entry more
 * than maxEntries posts old is dead and so is everything behind it, so a chain is walked until
 * the first dead or overwritten slot. Candidates are verified on the stored shingles, so a walk
 * that strays into another chain costs a step, never a false match.
 */
export class NearDuplicateIndex {
  private readonly maxEntries: number;
  private readonly threshold: number;
  /** Ring size minus one; the hash tables have the same size. */
  private readonly mask: number;
  /** KEYS tables: per bucket, 1 + the slot of the newest entry with a key there (0: none). */
  private readonly heads: Int32Array;
  /** Per slot, KEYS pairs [key, 1 + slot of the next older entry in the key's bucket]. */
  private readonly records: Int32Array;
  /** Per slot, [sequence number, sequence number of the add that last compared against it]. */
  private readonly stamps: Float64Array;
  private readonly roots: string[];
  /**
   * The shingles of the remembered posts, written one after another round a ring (a typed array
   * allocated once, so remembering a post allocates nothing the garbage collector must promote).
   * Positions are counted without wrapping (`arenaEnd`); a post is at `start % arena.length`
   * and is intact until writing has gone a whole arena length past its start.
   */
  private readonly arena: Uint32Array;
  /** Per slot: the post's position in the arena (unwrapped) and its shingle count (−1: none stored). */
  private readonly arenaStarts: Float64Array;
  private readonly arenaLengths: Int32Array;
  private arenaEnd = 0;
  private readonly signature = new Int32Array(HASHES);
  private readonly entryKeys = new Int32Array(KEYS);
  private count = 0;

  constructor(options: NearDuplicateOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
    this.maxEntries = options.maxEntries;
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    let size = 16;
    while (size < this.maxEntries) size *= 2;
    this.mask = size - 1;
    this.heads = new Int32Array(KEYS * size);
    this.records = new Int32Array(STRIDE * size);
    this.stamps = new Float64Array(2 * size);
    this.roots = new Array<string>(size).fill('');
    let arena = MIN_ARENA;
    while (arena < size * ARENA_PER_SLOT) arena *= 2;
    this.arena = new Uint32Array(arena);
    this.arenaStarts = new Float64Array(size);
    this.arenaLengths = new Int32Array(size).fill(-1);
  }

  /** Checks a post against the remembered ones, then remembers it. */
  add(id: string, tokens: readonly Token[]): NearDuplicateResult {
    const n = collectShingles(tokens);
    if (n < 0) return NOT_NEAR;
    const shingles = scratch;
    const seq = this.count + 1;
    const exactKey = setHash(shingles, n);
    const same = this.findExact(seq, exactKey, shingles, n);
    if (same >= 0) {
      const root = this.roots[same]!;
      this.remember(seq, root, shingles, n, same);
      return { duplicateOf: root, similarity: 1 };
    }
    const keys = this.entryKeys;
    this.sign(shingles, n);
    for (let b = 0; b < BANDS; b++) keys[b] = bandKey(this.signature, b);
    keys[EXACT] = exactKey;
    const { heads, records, stamps, mask } = this;
    const oldest = seq - this.maxEntries;
    let best = -1;
    let bestSimilarity = 0;
    let budget = MAX_COMPARISONS;
    for (let b = 0; b < BANDS && bestSimilarity < 1 && budget > 0; b++) {
      const key = keys[b]!;
      let next = heads[b * (mask + 1) + (key & mask)]!;
      let newer = seq;
      let hits = 0;
      for (let steps = 0; next !== 0 && steps < CHAIN_STEPS; steps++) {
        const slot = next - 1;
        const stamp = stamps[2 * slot]!;
        if (stamp < oldest || stamp >= newer) break;
        newer = stamp;
        const at = slot * STRIDE + 2 * b;
        next = records[at + 1]!;
        if (records[at] !== key) continue;
        if (++hits > BUCKET_SCAN) break;
        if (stamps[2 * slot + 1] === seq) continue;
        stamps[2 * slot + 1] = seq;
        if (--budget < 0) break;
        const similarity = this.similarityTo(slot, shingles, n);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = slot;
          if (similarity === 1) break;
        }
      }
    }
    const duplicate = best >= 0 && bestSimilarity >= this.threshold ? this.roots[best]! : null;
    this.remember(seq, duplicate ?? id, shingles, n, -1);
    return duplicate === null ? NOT_NEAR : { duplicateOf: duplicate, similarity: bestSimilarity };
  }

  /** Jaccard similarity of `shingles[0…n)` to the slot's stored shingles (0 when they were overwritten). */
  private similarityTo(slot: number, shingles: Uint32Array, n: number): number {
    const length = this.arenaLengths[slot]!;
    const start = this.arenaStarts[slot]!;
    if (length < 0 || this.arenaEnd > start + this.arena.length) return 0;
    return jaccardRange(shingles, 0, n, this.arena, start % this.arena.length, length);
  }

  /** The slot of a live post with exactly these shingles, or −1. */
  private findExact(seq: number, key: number, shingles: Uint32Array, n: number): number {
    const { records, stamps, mask } = this;
    const oldest = seq - this.maxEntries;
    let next = this.heads[EXACT * (mask + 1) + (key & mask)]!;
    let newer = seq;
    for (let steps = 0; next !== 0 && steps < CHAIN_STEPS; steps++) {
      const slot = next - 1;
      const stamp = stamps[2 * slot]!;
      if (stamp < oldest || stamp >= newer) break;
      newer = stamp;
      const at = slot * STRIDE + 2 * EXACT;
      next = records[at + 1]!;
      if (records[at] === key && this.arenaLengths[slot] === n && this.similarityTo(slot, shingles, n) === 1) return slot;
    }
    return -1;
  }

  /**
   * MinHash signature: per permutation, the least image of any shingle. Permutations go in
   * threes (HASHES is a multiple of ROWS), so that each shingle is read once per three.
   */
  private sign(shingles: Uint32Array, n: number): void {
    const sig = this.signature;
    for (let i = 0; i < HASHES; i += 3) {
      const s0 = SEEDS[i]!;
      const s1 = SEEDS[i + 1]!;
      const s2 = SEEDS[i + 2]!;
      const m0 = MULTIPLIERS[i]!;
      const m1 = MULTIPLIERS[i + 1]!;
      const m2 = MULTIPLIERS[i + 2]!;
      let min0 = 0x7fffffff;
      let min1 = 0x7fffffff;
      let min2 = 0x7fffffff;
      for (let k = 0; k < n; k++) {
        const x = shingles[k]!;
        const v0 = Math.imul(x ^ s0, m0);
        const v1 = Math.imul(x ^ s1, m1);
        const v2 = Math.imul(x ^ s2, m2);
        if (v0 < min0) min0 = v0;
        if (v1 < min1) min1 = v1;
        if (v2 < min2) min2 = v2;
      }
      sig[i] = min0;
      sig[i + 1] = min1;
      sig[i + 2] = min2;
    }
  }

  /**
   * Stores the post as sequence number `seq` in its ring slot, with `shingles[0…n)`. `copyOf` is
   * the slot of an identical post whose keys are reused (no signature was computed), else −1
   * (entryKeys hold them).
   */
  private remember(seq: number, root: string, shingles: Uint32Array, n: number, copyOf: number): void {
    const { heads, records, mask } = this;
    const slot = (seq - 1) & mask;
    const at = slot * STRIDE;
    for (let k = 0; k < KEYS; k++) {
      const key = copyOf >= 0 ? records[copyOf * STRIDE + 2 * k]! : this.entryKeys[k]!;
      const bucket = k * (mask + 1) + (key & mask);
      records[at + 2 * k] = key;
      records[at + 2 * k + 1] = heads[bucket]!;
      heads[bucket] = slot + 1;
    }
    this.stamps[2 * slot] = seq;
    this.stamps[2 * slot + 1] = 0;
    this.roots[slot] = root;
    this.store(slot, shingles, n);
    this.count = seq;
  }

  /** Writes the shingles at the arena's end, wrapping to its start rather than splitting a post. */
  private store(slot: number, shingles: Uint32Array, n: number): void {
    const size = this.arena.length;
    if (n > size / 2) {
      this.arenaLengths[slot] = -1;
      return;
    }
    let start = this.arenaEnd;
    if ((start % size) + n > size) start += size - (start % size);
    // A loop rather than set(subarray): the view would be an allocation per post.
    const arena = this.arena;
    const at = start % size;
    for (let i = 0; i < n; i++) arena[at + i] = shingles[i]!;
    this.arenaStarts[slot] = start;
    this.arenaLengths[slot] = n;
    this.arenaEnd = start + n;
  }
}

const NOT_NEAR: NearDuplicateResult = Object.freeze({ duplicateOf: null, similarity: 0 });

/** Scratch space for shingle hashes; grown when a post is longer. Calls are synchronous. */
let scratch = new Uint32Array(256);

/** Sorted, distinct 32-bit hashes of the word unigrams and bigrams, or null when too few words. */
export function shingleHashes(tokens: readonly Token[]): Uint32Array | null {
  const n = collectShingles(tokens);
  return n < 0 ? null : scratch.slice(0, n);
}

/** Fills `scratch` with the sorted, distinct shingle hashes and returns their count, or −1 when too few words. */
function collectShingles(tokens: readonly Token[]): number {
  let words = 0;
  for (let t = 0; t < tokens.length; t++) {
    const kind = tokens[t]!.kind;
    if (kind === 'word' || kind === 'number') words++;
  }
  if (words < MIN_WORDS) return -1;
  const total = words * 2 - 1;
  if (scratch.length < total) scratch = new Uint32Array(total * 2);
  const all = scratch;
  let n = 0;
  let previous = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    const h = token.hash;
    all[n++] = h;
    if (n > 1) all[n++] = finishHash(Math.imul(previous, 0x9e3779b1) ^ h);
    previous = h;
  }
  if (n <= INSERTION_SORT_MAX) insertionSort(all, n);
  else all.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[i - 1]) all[distinct++] = all[i]!;
  return distinct;
}

function insertionSort(a: Uint32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** Exact Jaccard similarity of two sorted, distinct hash arrays. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  return jaccardRange(a, 0, a.length, b, 0, b.length);
}

/** Jaccard similarity of `a[aFrom…aFrom+aLength)` and `b[bFrom…bFrom+bLength)`, both sorted and distinct. */
function jaccardRange(a: Uint32Array, aFrom: number, aLength: number, b: Uint32Array, bFrom: number, bLength: number): number {
  let i = aFrom;
  let j = bFrom;
  const aEnd = aFrom + aLength;
  const bEnd = bFrom + bLength;
  let common = 0;
  while (i < aEnd && j < bEnd) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (aLength + bLength - common);
}

function setHash(shingles: Uint32Array, n: number): number {
  let h = n;
  for (let i = 0; i < n; i++) h = finishHash(Math.imul(h ^ shingles[i]!, FNV_PRIME));
  return h | 0;
}

function bandKey(sig: Int32Array, band: number): number {
  let h = HASH_START;
  for (let r = 0; r < ROWS; r++) h = finishHash(Math.imul(h ^ sig[band * ROWS + r]!, FNV_PRIME));
  return h | 0;
}
