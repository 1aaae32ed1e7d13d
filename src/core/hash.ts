/**
 * String hashing for the watch module's hot paths (the classifier's feature space, the
 * tokeniser's word hashes): FNV-1a over UTF-16 units, finished with murmur3's fmix32 so that the
 * low bits depend on every input character. Hashes are built incrementally
 * (`hashOf(hashOf(seed, a), b)`) so that a feature such as "bigram:a b" is hashed without
 * concatenating its string.
 */
const FNV_OFFSET = 0x811c9dc5;
/** The FNV prime, for loops that hash character by character inline (`Math.imul(h ^ unit, FNV_PRIME)`). */
export const FNV_PRIME = 0x01000193;

/** The hash state before any input. */
export const HASH_START = FNV_OFFSET;

/** Continues a hash with the characters of `s`. */
export function hashOf(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Continues a hash with the characters `s[from..to)`. */
export function hashRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Continues a hash with one UTF-16 unit (a separator). */
export function hashUnit(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME);
}

/** Finishes a hash (murmur3's fmix32) into a signed 32-bit integer, which V8 keeps unboxed. */
export function finishHash(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Finishes a hash into a bucket in `[0, mask]` (`mask` is a power of two minus one). */
export function bucketOf(h: number, mask: number): number {
  return finishHash(h) & mask;
}

/** Plain FNV-1a of a string as an unsigned 32-bit integer: a seed from a label. */
export function fnv1a(s: string): number {
  return hashOf(HASH_START, s) >>> 0;
}
