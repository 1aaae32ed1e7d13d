import { FEATURE_BUCKETS } from './features.ts';
import { CLASS_COUNT, PRIORITY_COUNT } from './labels.ts';

/** Columns per bucket: one per class, then one per priority (the priority head). */
export const STRIDE = CLASS_COUNT + PRIORITY_COUNT;
/** First column of the priority head. */
export const PRIORITY_COLUMN = CLASS_COUNT;

const PAGE_BITS = 10;
const PAGE_BUCKETS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_BUCKETS - 1;
const PAGE_COUNT = FEATURE_BUCKETS >>> PAGE_BITS;
const PAGE_SIZE = PAGE_BUCKETS * STRIDE;

/**
 * The weight matrix (bucket × column, Float32), stored in pages of 1,024 buckets that clones
 * share until one of them writes: the lead keeps a model per organisation, and each organisation's
 * feedback touches only the pages of the features it corrected, so a clone costs 256 pointers
 * instead of 20 MB. A page that was never written is null and reads as zeros.
 */
export class Weights {
  private constructor(
    private readonly pages: (Float32Array | null)[],
    private readonly owned: Uint8Array,
    readonly bias: Float32Array,
  ) {}

  static empty(): Weights {
    return new Weights(new Array<Float32Array | null>(PAGE_COUNT).fill(null), new Uint8Array(PAGE_COUNT), new Float32Array(STRIDE));
  }

  /** Wraps a dense matrix of FEATURE_BUCKETS × STRIDE (views, not copies; all-zero pages become null). */
  static fromDense(dense: Float32Array, bias: Float32Array): Weights {
    if (dense.length !== FEATURE_BUCKETS * STRIDE || bias.length !== STRIDE) throw new Error('weights: wrong shape');
    const pages: (Float32Array | null)[] = [];
    for (let p = 0; p < PAGE_COUNT; p++) {
      const page = dense.subarray(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
      pages.push(isZero(page) ? null : page);
    }
    return new Weights(pages, new Uint8Array(PAGE_COUNT), Float32Array.from(bias));
  }

  /** The page holding a bucket's row, or null when it is all zeros. The row starts at `offset(bucket)`. */
  page(bucket: number): Float32Array | null {
    return this.pages[bucket >>> PAGE_BITS]!;
  }

  /** Like `page`, but the page is this instance's own (copied or created on first write). */
  writablePage(bucket: number): Float32Array {
    const p = bucket >>> PAGE_BITS;
    let page = this.pages[p]!;
    if (this.owned[p] === 0 || page === null) {
      page = page === null ? new Float32Array(PAGE_SIZE) : page.slice();
      this.pages[p] = page;
      this.owned[p] = 1;
    }
    return page;
  }

  /** A copy that shares every page with this one until either writes. */
  clone(): Weights {
    this.owned.fill(0);
    return new Weights(this.pages.slice(), new Uint8Array(PAGE_COUNT), Float32Array.from(this.bias));
  }

  /** Calls `visit` for each bucket with a non-zero row (for serialisation). */
  forEachRow(visit: (bucket: number, page: Float32Array, offset: number) => void): void {
    for (let p = 0; p < PAGE_COUNT; p++) {
      const page = this.pages[p];
      if (!page) continue;
      for (let i = 0; i < PAGE_BUCKETS; i++) {
        const offset = i * STRIDE;
        for (let k = 0; k < STRIDE; k++) {
          if (page[offset + k] !== 0) {
            visit((p << PAGE_BITS) | i, page, offset);
            break;
          }
        }
      }
    }
  }
}

/** Offset of a bucket's row inside its page. */
export function offset(bucket: number): number {
  return (bucket & PAGE_MASK) * STRIDE;
}

function isZero(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) return false;
  return true;
}
