import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketSeries, canTake, claimShingles, claimSimilarity, decideClaim, linksIn, normaliseLink, velocity } from '#watch/rumours/claims.ts';

const T = Date.parse('2026-07-04T21:20:00Z');
const MIN = 60_000;

describe('rumour claims (pure)', () => {
  it('measures spread velocity per 10 minutes, its acceleration and unique authors', () => {
    const members = [
      { at: T - 15 * MIN, author: 'a' },
      { at: T - 9 * MIN, author: 'b' },
      { at: T - 2 * MIN, author: 'b' },
      { at: T - MIN, author: 'c' },
      { at: T + MIN, author: 'later' },
    ];
    expect(velocity(members, T)).toEqual({ perWindow: 3, acceleration: 2, uniqueAuthors: 3 });
  });

  it('buckets times per 10 minutes with running totals, zero-filled', () => {
    const series = bucketSeries([T, T + MIN, T + 25 * MIN], T, T + 25 * MIN);
    expect(series.map((p) => p.count)).toEqual([2, 0, 1]);
    expect(series.map((p) => p.cumulative)).toEqual([2, 2, 3]);
    expect(series[0]!.at).toBe('2026-07-04T21:20:00.000Z');
  });

  it('allows actions only from the right states', () => {
    expect(canTake('mark', 'observed')).toBe(true);
    expect(canTake('mark', 'verifying')).toBe(false);
    expect(canTake('verify', 'marked_rumour')).toBe(true);
    expect(canTake('verify', 'denied')).toBe(false);
    expect(canTake('correct', 'observed')).toBe(false);
    expect(canTake('correct', 'denied')).toBe(true);
  });

  it('normalises shared links so that the same page is one key', () => {
    expect(linksIn('Kijk: https://www.Nieuws.example/artikel/123/?utm_source=x#top en http://nieuws.example/artikel/123')).toEqual(['nieuws.example/artikel/123']);
    expect(normaliseLink('https://a.example/p?id=4&fbclid=zz')).toBe('a.example/p?id=4');
    expect(normaliseLink('not a url at all')).toBeNull();
  });

  it('never throws on any text, and every link it finds is normalised (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.webUrl(), (noise, url) => {
        const found = linksIn(`${noise} ${url} ${noise}`);
        for (const link of found) expect(normaliseLink(link)).toBe(link);
        expect(() => claimShingles(noise)).not.toThrow();
      }),
    );
  });

  it('joins a repeat to its claim, by repost, link or words, and opens a claim only for a relevant repeat', () => {
    const shingles = claimShingles('er is iemand neergestoken bij het vredenburg zeggen ze');
    const lookups = { claimOfPost: (id: string) => (id === 'p1' ? 'c1' : undefined), claimOfLink: (l: string) => (l === 'x.example/a' ? 'c2' : undefined), textClaims: [{ id: 'c3', shingles }] };
    const base = { postId: 'p9', relevant: true, shingles: null, links: [] as string[], repeats: [] as string[] };
    expect(decideClaim({ ...base, repeats: ['p1'] }, lookups)).toEqual({ join: 'c1' });
    expect(decideClaim({ ...base, links: ['x.example/a'] }, lookups)).toEqual({ join: 'c2' });
    expect(decideClaim({ ...base, shingles: claimShingles('Er is iemand neergestoken bij het Vredenburg zeggen ze!!') }, lookups)).toEqual({ join: 'c3' });
    expect(decideClaim({ ...base, repeats: ['p5'] }, lookups)).toEqual({ open: { root: 'p5' } });
    expect(decideClaim({ ...base, relevant: false, repeats: ['p5'] }, lookups)).toBeNull();
    expect(decideClaim(base, lookups)).toBeNull();
    expect(claimSimilarity(shingles, claimShingles('wat een mooie avond op het plein met vrienden'))).toBeLessThan(0.2);
  });
});
