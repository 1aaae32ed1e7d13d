import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordHash } from '#watch/enrich/tokenize.ts';
import { WordTable } from '#watch/enrich/word-table.ts';

describe('WordTable', () => {
  it('behaves as a Map keyed on the word, through growth and clearing (property)', () => {
    const word = fc.oneof(fc.constantFrom('de', 'het', 'brand', 'vredenburg', 'é', '🙂'), fc.string({ minLength: 1, maxLength: 12 }));
    const op = fc.oneof(
      fc.record({ set: word, value: fc.integer() }),
      fc.record({ get: word }),
      fc.constant({ clear: true as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const table = new WordTable<number>();
        const map = new Map<string, number>();
        for (const o of ops) {
          if ('set' in o) {
            table.set(wordHash(o.set), o.set, o.value);
            map.set(o.set, o.value);
          } else if ('get' in o) {
            expect(table.get(wordHash(o.get), o.get)).toBe(map.get(o.get));
          } else {
            table.clear();
            map.clear();
          }
          expect(table.size).toBe(map.size);
        }
        const seen = new Map<string, number>();
        table.forEach((value, w) => seen.set(w, value));
        expect(seen).toEqual(map);
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart words whose hashes collide', () => {
    const table = new WordTable<string>();
    table.set(7, 'een', 'first');
    table.set(7, 'twee', 'second');
    expect(table.get(7, 'een')).toBe('first');
    expect(table.get(7, 'twee')).toBe('second');
    expect(table.get(7, 'drie')).toBeUndefined();
  });
});
