import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEATURE_BUCKETS } from '#watch/classify/feature-space.ts';
import { bucketOf, hashOf, HASH_START } from '#core/hash.ts';
import { Classifier, featuresOf } from '#watch/classify/index.ts';
import { guessLanguage } from '#watch/classify/language.ts';
import { categoriesOf, lexiconBits } from '#watch/classify/lexicon-match.ts';
import { tokenize } from '#watch/enrich/tokenize.ts';

const names = (text: string, language = 'nl'): string[] => {
  const f = featuresOf({ text, language });
  return Array.from({ length: f.size }, (_, i) => f.describe(i));
};

describe('classifier features', () => {
  it('names each feature so that hashing the name gives its bucket', () => {
    const f = featuresOf({ text: 'STROOMSTORING bij de uitgang!! @politie_utrecht #brand 🔥🏽 bel 112 om 22:30 https://x.example ?', language: 'nl' });
    expect(f.size).toBeGreaterThan(10);
    for (let i = 0; i < f.size; i++) expect(bucketOf(hashOf(HASH_START, f.describe(i)), FEATURE_BUCKETS - 1)).toBe(f.buckets[i]);
  });

  it('has stems, bigrams, hashtags, emoji, handles, numbers, cues and lexicon hits', () => {
    const all = names('Uitgang vast!! @politie_utrecht #stroomstoring 🔥🏽 bel 112 om 22:30?');
    expect(all).toEqual(expect.arrayContaining(['stem:uitgang', 'bigram:uitgang vast', 'hashtag:stroomstoring', 'emoji:🔥', 'mention:politie', 'number:112']));
    expect(all).toEqual(expect.arrayContaining(['cue:question', 'cue:exclamation', 'cue:time', 'cue:mention', 'lexicon:infrastructure_outage']));
    expect(all).toContain('chars:stroo');
  });

  it('leaves out function words, but keeps them in bigrams with content words', () => {
    const all = names('bij de uitgang');
    expect(all).not.toContain('stem:bij');
    expect(all).not.toContain('bigram:bij de');
    expect(all).toContain('bigram:de uitgang');
  });

  it('guesses Dutch or English when the post has no language', () => {
    expect(guessLanguage(tokenize('there is a fire at the station'))).toBe('en');
    expect(guessLanguage(tokenize('er is brand bij het station'))).toBe('nl');
    expect(featuresOf({ text: 'people are running from the fire' }).language).toBe('en');
  });

  it('matches lexicon prefixes, compound heads and whole words only where asked', () => {
    expect(categoriesOf(lexiconBits('brandweer'))).toEqual(['fire']);
    expect(categoriesOf(lexiconBits('woningbrand'))).toEqual(['fire']);
    expect(categoriesOf(lexiconBits('mes'))).toEqual(['violence_weapons']);
    expect(categoriesOf(lexiconBits('mest'))).toEqual([]);
    expect(categoriesOf(lexiconBits('geweldig'))).toEqual([]);
    expect(categoriesOf(lexiconBits('ünïcode'))).toEqual([]);
  });

  it('keeps false friends off a category: sunscreen, fuel and brand-new things are no fire', () => {
    for (const word of ['zonnebrand', 'zonnebrandcreme', 'brandstofprijzen', 'brandnieuwe', 'branding']) expect(categoriesOf(lexiconBits(word)), word).toEqual([]);
    expect(categoriesOf(lexiconBits('brand'))).toEqual(['fire']);
    expect(categoriesOf(lexiconBits('bermbrand'))).toEqual(['fire']);
    expect(categoriesOf(lexiconBits('brandende'))).toEqual(['fire']);
  });

  it('gives every post unit-length values and never throws on any text', { timeout: 60_000 }, () => {
    const model = Classifier.load();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.option(fc.constantFrom('nl', 'en', 'de', 'nl-NL', '')), (text, language) => {
        const f = featuresOf({ text, language });
        const norm = f.values.reduce((s, v) => s + v * v, 0);
        expect(f.size === 0 ? norm === 0 : Math.abs(norm - 1) < 1e-9).toBe(true);
        const c = model.classify({ text, language });
        expect(c.relevance).toBeGreaterThanOrEqual(0);
        expect(c.relevance).toBeLessThanOrEqual(1);
        expect(Number.isFinite(c.confidence)).toBe(true);
        expect(c.relevant).toBe(c.category !== null);
      }),
      { numRuns: 300 },
    );
    expect(model.classify({ text: '' })).toMatchObject({ relevant: false, category: null, explanation: [] });
  });
});
