import { describe, expect, it } from 'vitest';
import { FEATURE_BUCKETS } from '#watch/classify/features.ts';
import { fromBytes, toBytes } from '#watch/classify/serialise.ts';
import { STRIDE, Weights } from '#watch/classify/weights.ts';

/** Reads a bucket's row as a plain array (zeros when it has none). */
function rowOf(weights: Weights, bucket: number): number[] {
  const at = weights.row(bucket);
  return at < 0 ? new Array<number>(STRIDE).fill(0) : Array.from(weights.values.subarray(at, at + STRIDE));
}

function write(weights: Weights, bucket: number, column: number, value: number): void {
  const at = weights.writableRow(bucket);
  weights.values[at + column] = value;
}

describe('compact weight store', () => {
  it('reads what was written, for thousands of buckets across growth, and zeros elsewhere', () => {
    const weights = Weights.empty();
    const buckets: number[] = [];
    for (let i = 0; i < 5000; i++) buckets.push((Math.imul(i, 0x9e3779b1) >>> 0) % FEATURE_BUCKETS);
    const unique = [...new Set(buckets)];
    unique.forEach((b, i) => write(weights, b, i % STRIDE, i + 1));
    unique.forEach((b, i) => expect(rowOf(weights, b)[i % STRIDE]).toBe(i + 1));
    const missing = Array.from({ length: FEATURE_BUCKETS }, (_, b) => b).find((b) => !unique.includes(b))!;
    expect(weights.row(missing)).toBe(-1);
  });

  it('keeps a clone and its original apart once either writes', () => {
    const base = Weights.empty();
    write(base, 7, 0, 1.5);
    const clone = base.clone();
    write(clone, 7, 0, -2);
    write(clone, 9, 3, 4);
    expect(rowOf(base, 7)[0]).toBe(1.5);
    expect(base.row(9)).toBe(-1);
    expect(rowOf(clone, 7)[0]).toBe(-2);
    write(base, 7, 1, 8);
    expect(rowOf(clone, 7)[1]).toBe(0);
  });

  it('keeps only the non-zero rows of a dense matrix and serialises them in bucket order', () => {
    const dense = new Float32Array(FEATURE_BUCKETS * STRIDE);
    for (const b of [FEATURE_BUCKETS - 1, 5, 70_000]) dense[b * STRIDE + 2] = b / 10;
    const bias = new Float32Array(STRIDE).fill(0.25);
    const weights = Weights.fromDense(dense, bias);
    const visited: number[] = [];
    weights.forEachRow((bucket) => visited.push(bucket));
    expect(visited).toEqual([5, 70_000, FEATURE_BUCKETS - 1]);
    const restored = fromBytes(toBytes(weights));
    for (const b of visited) expect(rowOf(restored, b)).toEqual(rowOf(weights, b));
    expect(Array.from(restored.bias)).toEqual(Array.from(bias));
    expect(toBytes(restored)).toEqual(toBytes(weights));
  });
});
