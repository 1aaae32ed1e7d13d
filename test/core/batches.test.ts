import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked } from '#core/batches.ts';

describe('chunked', () => {
  it('keeps every item in order, within the count and weight bounds (an overweight item alone)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100 }), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }), (weights, maxCount, maxWeight) => {
        const chunks = chunked(weights, maxCount, maxWeight, (w) => w);
        expect(chunks.flat()).toEqual(weights);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(maxCount);
          const total = chunk.reduce((a, b) => a + b, 0);
          if (maxWeight !== undefined && chunk.length > 1) expect(total).toBeLessThanOrEqual(maxWeight);
        }
        // Greedy: a chunk was closed only because the next item did not fit.
        for (let i = 0; i + 1 < chunks.length; i++) {
          const chunk = chunks[i]!;
          const next = chunks[i + 1]![0]!;
          const full = chunk.length === maxCount || (maxWeight !== undefined && chunk.reduce((a, b) => a + b, 0) + next > maxWeight);
          expect(full).toBe(true);
        }
      }),
    );
  });

  it('copies a small input rather than handing the caller its own array', () => {
    const items = [1, 2, 3];
    const [chunk] = chunked(items, 10);
    expect(chunk).toEqual(items);
    expect(chunk).not.toBe(items);
    expect(chunked([], 10)).toEqual([]);
  });
});
