/**
 * A 64-bit perceptual hash (the DCT "pHash"): the image as 32 × 32 grey pixels, its 2-D
 * discrete cosine transform, and one bit per low-frequency coefficient of the top-left 8 × 8
 * block — set when the coefficient is above the block's median (DC term left out of the median).
 * Resizing, recompression and small colour changes keep most bits; a different photo flips about
 * half. Near duplicates are hashes within a small Hamming distance.
 */
export const PHASH_SIDE = 32;
const LOW = 8;

// cos((2x + 1) u π / 2N) for u, x < N, computed once.
const COS = (() => {
  const table = new Float64Array(PHASH_SIDE * PHASH_SIDE);
  for (let u = 0; u < PHASH_SIDE; u++) {
    for (let x = 0; x < PHASH_SIDE; x++) table[u * PHASH_SIDE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * PHASH_SIDE));
  }
  return table;
})();

/** The hash of 32 × 32 grey pixels (row-major, one byte each), as 16 hex digits. */
export function phashOfGrey(pixels: Uint8Array): string {
  if (pixels.length !== PHASH_SIDE * PHASH_SIDE) throw new Error(`phash needs ${PHASH_SIDE * PHASH_SIDE} grey pixels, got ${pixels.length}`);
  // Only the 8 × 8 low frequencies are needed: rows first (8 u × 32 y), then columns.
  const rows = new Float64Array(LOW * PHASH_SIDE);
  for (let u = 0; u < LOW; u++) {
    for (let y = 0; y < PHASH_SIDE; y++) {
      let sum = 0;
      for (let x = 0; x < PHASH_SIDE; x++) sum += pixels[y * PHASH_SIDE + x]! * COS[u * PHASH_SIDE + x]!;
      rows[u * PHASH_SIDE + y] = sum;
    }
  }
  const coefficients = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < PHASH_SIDE; y++) sum += rows[u * PHASH_SIDE + y]! * COS[v * PHASH_SIDE + y]!;
      coefficients[v * LOW + u] = sum;
    }
  }
  const median = medianOf(coefficients.subarray(1));
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | (coefficients[nibble * 4 + bit]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function popcount32(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The number of differing bits between two 16-hex-digit hashes. */
export function hammingDistance(a: string, b: string): number {
  return popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount32(parseInt(a.slice(8, 16), 16) ^ parseInt(b.slice(8, 16), 16));
}
