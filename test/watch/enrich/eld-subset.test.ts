import fc from 'fast-check';
import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { loadEldSubset, type EldSubset } from '#watch/enrich/eld-subset.ts';
import { createLanguageDetector, DETECTED_LANGUAGES, detectLanguage } from '#watch/enrich/language.ts';
import { tokenize } from '#watch/enrich/tokenize.ts';
import { LANGUAGE_LINES, OTHER_LANGUAGE_LINES } from './fixtures/language-lines.ts';
import { scenarioLines } from './support/scenario.ts';

const reference = eld.newInstance();
reference.setLanguageSubset([...DETECTED_LANGUAGES]);

/** eld's own answer for the subset, in the scorer's form. */
function eldAnswer(text: string): { reliable: boolean; scores: number[] } {
  const result = reference.detect(text);
  if (!result.isReliable()) return { reliable: false, scores: [] };
  const scores = result.getScores();
  return { reliable: true, scores: DETECTED_LANGUAGES.map((code) => scores[code] ?? NaN) };
}

function expectSameAsEld(scorer: EldSubset, text: string): void {
  const mine = scorer.score(text);
  if (mine === false) return; // left to eld itself (a word of more than 70 bytes)
  const theirs = eldAnswer(text);
  expect(mine.reliable).toBe(theirs.reliable);
  if (theirs.reliable) expect(Array.from(mine.scores)).toEqual(theirs.scores);
}

const words = (text: string): string =>
  tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.text)
    .join(' ');

const loaded = await loadEldSubset(DETECTED_LANGUAGES);

describe('eld subset scorer', () => {
  const scorer = loaded!;

  it("reads eld's database", () => {
    expect(loaded).not.toBeNull();
  });

  it('gives eld small its exact answers on the scenario and the labelled lines, raw and as words', () => {
    const texts = [...scenarioLines().map((l) => l.text), ...LANGUAGE_LINES.map((l) => l.text), ...OTHER_LANGUAGE_LINES.map((l) => l.text)];
    for (const text of texts) {
      expectSameAsEld(scorer, text);
      expectSameAsEld(scorer, words(text));
    }
  });

  it('gives the same answers on any text: ASCII with separators and apostrophes, Unicode, long text (property)', () => {
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', 'e', ' ', ' ', "'", '`', '-', '.', '1', '\t'), maxLength: 1200 });
    const piece = fc.constantFrom('de', 'HET', "don't", "'t", 'straße', 'çok', 'żółw', 'مرحبا', 'don’t', 'İstanbul', 'ΟΔΟΣ', '🙂', 'Ⅻ', 'ﬁ', 'x'.repeat(69), 'é'.repeat(36), ' ', '-');
    const mixed = fc.array(piece, { maxLength: 120 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(fc.oneof(ascii, mixed, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => expectSameAsEld(scorer, text)),
      { numRuns: 3000 },
    );
  });

  it('leaves only words of more than 70 bytes to eld', () => {
    expect(scorer.score(`${'a'.repeat(70)} b`)).not.toBe(false);
    expect(scorer.score(`${'a'.repeat(71)} b`)).toBe(false);
  });

  it('makes detectLanguage answer as markers + eld small did', () => {
    const viaEld = createLanguageDetector(eld);
    const texts = [...scenarioLines().map((l) => l.text), ...LANGUAGE_LINES.map((l) => l.text), ...OTHER_LANGUAGE_LINES.map((l) => l.text)];
    for (const text of texts) expect(detectLanguage(text)).toEqual(viaEld(text));
  });
});
