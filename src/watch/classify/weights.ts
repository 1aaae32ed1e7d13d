import { FEATURE_BUCKETS } from './features.ts';
import { CLASS_COUNT, PRIORITY_COUNT } from './labels.ts';

/** Columns per bucket: one per class, then one per priority (the priority head). */
export const STRIDE = CLASS_COUNT + PRIORITY_COUNT;
/** First column of the priority head. */
export const PRIORITY_COLUMN = CLASS_COUNT;

/** Initial slots of the row index (a power of two); it doubles when more than half full. */
const INITIAL_SLOTS = 1024;

/**
 * The weight matrix (bucket × column, Float32), holding only the rows that were ever written.
 * A trained model has ~13,000 non-zero rows of 262,144 buckets; a dense matrix (20 MB) made every
 * feature lookup a cache and TLB miss, so the rows are packed one after another (`values`, about
 * 1 MB) and found through an open-addressing index on the bucket (linear probing; buckets are
 * already well-mixed hashes, so the low bits serve as the slot). A bucket without a row reads as
 * zeros.
 *
 * Clones share the arrays until one of them writes, which then copies them (about 1 MB): the lead
 * keeps a model per organisation, and most organisations never give feedback.
 */
export class Weights {
  /** Per slot, side by side (one cache line for both): 1 + bucket (0: empty), and the row's offset in `rows`. */
  private slots: Int32Array;
  /** Slot count minus one. */
  private mask: number;
  private rowCount: number;
  /** Packed rows of STRIDE floats; only the first `rowCount` rows are in use. */
  private rows: Float32Array;
  /** False while the arrays may be shared with a clone. */
  private owned: boolean;

  private constructor(slots: Int32Array, rows: Float32Array, rowCount: number, readonly bias: Float32Array) {
    this.slots = slots;
    this.mask = slots.length / 2 - 1;
    this.rows = rows;
    this.rowCount = rowCount;
    this.owned = true;
  }

  static empty(): Weights {
    return new Weights(new Int32Array(2 * INITIAL_SLOTS), new Float32Array(INITIAL_SLOTS * STRIDE), 0, new Float32Array(STRIDE));
  }

  /** Copies the non-zero rows of a dense matrix of FEATURE_BUCKETS × STRIDE. */
  static fromDense(dense: Float32Array, bias: Float32Array): Weights {
    if (dense.length !== FEATURE_BUCKETS * STRIDE || bias.length !== STRIDE) throw new Error('weights: wrong shape');
    const weights = Weights.empty();
    for (let bucket = 0; bucket < FEATURE_BUCKETS; bucket++) {
      const from = bucket * STRIDE;
      if (isZero(dense, from)) continue;
      const at = weights.writableRow(bucket);
      weights.rows.set(dense.subarray(from, from + STRIDE), at);
    }
    weights.bias.set(bias);
    return weights;
  }

  /** The packed rows; a row found with `row` or `writableRow` starts at the offset returned. */
  get values(): Float32Array {
    return this.rows;
  }

  /** Offset of the bucket's row in `values`, or −1 when the bucket has none (reads as zeros). */
  row(bucket: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const key = bucket + 1;
    for (let slot = bucket & mask; ; slot = (slot + 1) & mask) {
      const found = slots[2 * slot]!;
      if (found === key) return slots[2 * slot + 1]!;
      if (found === 0) return -1;
    }
  }

  /**
   * Offset of the bucket's row, created (zeros) when missing; the arrays become this instance's
   * own first. May replace `values`: read it again after this call.
   */
  writableRow(bucket: number): number {
    if (!this.owned) {
      this.slots = this.slots.slice();
      this.rows = this.rows.slice(0, Math.max(INITIAL_SLOTS, this.rowCount * 2) * STRIDE);
      this.owned = true;
    }
    const existing = this.row(bucket);
    if (existing >= 0) return existing;
    if ((this.rowCount + 1) * 2 > this.mask + 1) this.rehash(2 * (this.mask + 1));
    if ((this.rowCount + 1) * STRIDE > this.rows.length) {
      const grown = new Float32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const at = this.rowCount++ * STRIDE;
    this.place(bucket, at);
    return at;
  }

  /** A copy that shares the arrays with this one until either writes. */
  clone(): Weights {
    this.owned = false;
    const copy = new Weights(this.slots, this.rows, this.rowCount, Float32Array.from(this.bias));
    copy.owned = false;
    return copy;
  }

  /** Calls `visit` for each bucket with a non-zero row, in ascending bucket order (for serialisation). */
  forEachRow(visit: (bucket: number, values: Float32Array, offset: number) => void): void {
    const slots = this.slots;
    const present: number[] = [];
    for (let slot = 0; slot <= this.mask; slot++) if (slots[2 * slot] !== 0) present.push(slot);
    present.sort((a, b) => slots[2 * a]! - slots[2 * b]!);
    for (const slot of present) {
      const at = slots[2 * slot + 1]!;
      if (!isZero(this.rows, at)) visit(slots[2 * slot]! - 1, this.rows, at);
    }
  }

  private place(bucket: number, at: number): void {
    let slot = bucket & this.mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = bucket + 1;
    this.slots[2 * slot + 1] = at;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.place(old[i]! - 1, old[i + 1]!);
  }
}

function isZero(values: Float32Array, from: number): boolean {
  for (let k = 0; k < STRIDE; k++) if (values[from + k] !== 0) return false;
  return true;
}
