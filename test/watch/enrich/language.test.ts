import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectLanguage } from '#watch/enrich/language.ts';
import { tokenize } from '#watch/enrich/tokenize.ts';
import { LANGUAGE_LINES, OTHER_LANGUAGE_LINES } from './fixtures/language-lines.ts';
import { scenarioLines } from './support/scenario.ts';

describe('detectLanguage', () => {
  it('tells Dutch from English in everyday short posts', () => {
    expect(detectLanguage('ik sta al een uur in de rij').code).toBe('nl');
    expect(detectLanguage('been queuing for an hour, this is crazy').code).toBe('en');
    expect(detectLanguage("m'n fiets is gejat sws").code).toBe('nl');
  });

  it('grows marker confidence with the number of markers, capped at 0.99', () => {
    expect(detectLanguage('ik ben hier')).toEqual({ code: 'nl', confidence: 0.875 });
    expect(detectLanguage('the crowd is crazy')).toEqual({ code: 'en', confidence: 0.875 });
    expect(detectLanguage('ik ben er nu ook al een uur en het is niet leuk meer hoor').confidence).toBe(0.99);
  });

  it('says null for emoji only, handles only and too little text', () => {
    for (const text of ['😍🔥', '🙏🙏🙏', '@gemeente', 'https://example.org/x', 'ok', '', '   ']) {
      expect(detectLanguage(text)).toEqual({ code: null, confidence: 0 });
    }
  });

  // Measured in docs/decisions/0006: 99.0% of 200 labelled lines, no wrong answer. The bound
  // leaves room for four more misses before this fails.
  it('gets at least 97% of the hand-labelled lines right and never confuses Dutch and English', () => {
    const labelled = LANGUAGE_LINES.filter((l) => l.expected !== null);
    let right = 0;
    let wrong = 0;
    for (const line of labelled) {
      const { code } = detectLanguage(line.text);
      if (code === line.expected || code === line.alsoOk) right++;
      else if (code !== null) wrong++;
    }
    expect(right / labelled.length).toBeGreaterThanOrEqual(0.97);
    expect(wrong).toBeLessThanOrEqual(2);
    for (const line of LANGUAGE_LINES.filter((l) => l.expected === null)) expect(detectLanguage(line.text).code).toBeNull();
  });

  // Measured: 97.4% of the 4,215 scenario lines with a source hint (answered: 98.0%, right when
  // answered: 99.4%). Many misses are hints on posts with no language of their own ("😂😂",
  // "@x haha"), where null is the right answer, so 96% is the bound.
  it('agrees with the source hint on at least 96% of the scenario lines that carry one', () => {
    const hinted = scenarioLines().filter((l) => l.lang !== undefined);
    let agree = 0;
    let disagree = 0;
    for (const line of hinted) {
      const { code } = detectLanguage(line.text, tokenize(line.text));
      if (code === line.lang) agree++;
      else if (code !== null) disagree++;
    }
    expect(agree / hinted.length).toBeGreaterThanOrEqual(0.96);
    expect(disagree / hinted.length).toBeLessThanOrEqual(0.01);
  });

  it('recognises German, French, Turkish, Polish and Arabic lines', () => {
    const right = OTHER_LANGUAGE_LINES.filter((l) => detectLanguage(l.text).code === l.expected).length;
    expect(right).toBeGreaterThanOrEqual(OTHER_LANGUAGE_LINES.length - 1);
  });

  it('does not take a near tie on a few words for German: the markers decide, else null', () => {
    for (const text of ['schoenen vies, boeie', 'so jealous', 'die roze bollen 🤩']) expect(detectLanguage(text).code, text).not.toBe('de');
    expect(detectLanguage('Polizei sperrt die Straße ab').code).toBe('de');
  });

  it('never throws on arbitrary Unicode and keeps confidence in 0–1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        const result = detectLanguage(text);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        if (result.code === null) expect(result.confidence).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
