import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIdAt, isId, newId } from '#core/ids.ts';

describe('ids (UUID v7)', () => {
  it('are valid version-7 UUIDs, unique, and ordered by time', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newId(1_780_000_000_000 + i));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(isId(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('start each millisecond at firstIdAt: ids of that millisecond and later sort at or after it, earlier ones before (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 47 }), (ms) => {
        const floor = firstIdAt(ms);
        expect(isId(floor)).toBe(true);
        expect(newId(ms) >= floor).toBe(true);
        expect(newId(ms + 1) >= floor).toBe(true);
        expect(newId(ms - 1) < floor).toBe(true);
      }),
    );
  });
});
