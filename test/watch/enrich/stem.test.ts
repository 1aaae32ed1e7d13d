import { describe, expect, it } from 'vitest';
import { stem } from '#watch/enrich/stem.ts';

describe('stem', () => {
  it('stems Dutch with the Dutch Snowball algorithm', () => {
    expect(stem('vertrekken', 'nl')).toBe('vertrek');
    expect(stem('bussen', 'nl')).toBe('buss');
    expect(stem('steekpartijen', 'nl')).toBe(stem('steekpartij', 'nl'));
  });

  it('stems English with the English Snowball algorithm', () => {
    expect(stem('running', 'en')).toBe('run');
    expect(stem('stabbed', 'en')).toBe(stem('stabbing', 'en'));
  });

  it('gives the same answer from the cache, also past a generation swap', () => {
    const first = stem('brandweerlieden', 'nl');
    for (let i = 0; i < 45_000; i++) stem(`woord${i}`, 'nl');
    expect(stem('brandweerlieden', 'nl')).toBe(first);
  });
});
