import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';

const enricher = (): Enricher => new Enricher({ gazetteer: Gazetteer.load(), maxDuplicateEntries: 1000 });
const post = (text: string, overrides: Partial<Parameters<Enricher['enrich']>[0]> = {}) => ({
  id: 'p1', organisationId: 'org-a', text, language: null, location: null, ...overrides,
});

describe('Enricher', () => {
  it('takes the source language hint when there is one, else detects', () => {
    const e = enricher();
    expect(e.enrich(post('this is clearly English text', { language: 'nl-NL' })).language).toEqual({ code: 'nl', confidence: 1 });
    expect(e.enrich(post('ik sta al een uur in de rij', { id: 'p2' })).language.code).toBe('nl');
    expect(e.enrich(post('🔥🔥', { id: 'p3', language: 'und' })).language.code).toBeNull();
    for (const [hint, code] of [['en', 'en'], ['EN', 'en'], [' nl ', 'nl'], ['nl_BE', 'nl'], ['e1', null], ['eng', null]] as const) {
      expect(e.enrich(post('ok', { id: `h-${hint}`, language: hint })).language.code).toBe(code);
    }
  });

  it('stems words in the post language, Dutch by default', () => {
    const e = enricher();
    expect(e.enrich(post('brandende auto’s', { language: 'nl' })).stems).toEqual(['brandend', "auto'"]);
    expect(e.enrich(post('cars burning', { id: 'p2', language: 'en' })).stems).toEqual(['car', 'burn']);
    expect(e.enrich(post('😂😂', { id: 'p3' })).stems).toEqual([]);
  });

  it('prefers explicit coordinates and falls back to the best place named', () => {
    const e = enricher();
    const explicit = e.enrich(post('druk op de Neude', { location: { lat: 52.1, lon: 5.1 } }));
    expect(explicit.location).toEqual({ lat: 52.1, lon: 5.1, precision: 'exact', placeName: null });
    expect(explicit.places[0]?.name).toBe('Neude');
    const named = e.enrich(post('in Utrecht, druk op de Neude', { id: 'p2' }));
    expect(named.location).toMatchObject({ precision: 'place', placeName: 'Neude', lat: 52.0931, lon: 5.1196 });
    expect(e.enrich(post('geen plaats hier', { id: 'p3' })).location).toBeNull();
  });

  it('keeps near-duplicate detection per organisation', () => {
    const e = enricher();
    const text = 'pas op het vredenburg, er is een steekpartij geweest zeggen ze';
    expect(e.enrich(post(text, { id: 'a1' })).nearDuplicateOf).toBeNull();
    expect(e.enrich(post(text, { id: 'a2' })).nearDuplicateOf).toBe('a1');
    expect(e.enrich(post(text, { id: 'b1', organisationId: 'org-b' })).nearDuplicateOf).toBeNull();
  });

  it('does not call a post seen again (its batch analysed twice) a copy of itself', () => {
    const e = enricher();
    const text = 'pas op het vredenburg, er is een steekpartij geweest zeggen ze';
    expect(e.enrich(post(text, { id: 'a1' })).nearDuplicateOf).toBeNull();
    expect(e.enrich(post(text, { id: 'a1' })).nearDuplicateOf).toBeNull();
    expect(e.enrich(post(`${text}!`, { id: 'a2' })).nearDuplicateOf).toBe('a1');
  });

  it('never throws on any text', () => {
    const e = enricher();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.nat(), (text, n) => {
        const result = e.enrich(post(text, { id: String(n) }));
        expect(result.stems.length).toBe(result.tokens.filter((t) => t.kind === 'word').length);
      }),
      { numRuns: 300 },
    );
  });
});
