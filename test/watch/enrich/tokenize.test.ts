import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { squeezeRepeats, tokenize, wordHash, type Token } from '#watch/enrich/tokenize.ts';

const brief = (tokens: Token[]): string[] => tokens.map((t) => `${t.kind}:${t.norm}`);

describe('tokenize', () => {
  it('keeps Dutch elisions and contractions whole', () => {
    expect(brief(tokenize("'t is zo'n avond, d'r staan m'n vrienden"))).toEqual([
      "word:'t", 'word:is', "word:zo'n", 'word:avond', "word:d'r", 'word:staan', "word:m'n", 'word:vrienden',
    ]);
    expect(brief(tokenize("'s-Hertogenbosch en 's avonds"))).toEqual(["word:'s-hertogenbosch", 'word:en', "word:'s", 'word:avonds']);
  });

  it('straightens curly apostrophes and folds diacritics in norms, not in text', () => {
    const [collega, cafe, ijs] = tokenize('collega’s Café ĳs');
    expect(collega).toMatchObject({ text: 'collega’s', norm: "collega's" });
    expect(cafe).toMatchObject({ text: 'Café', norm: 'cafe' });
    expect(ijs?.norm).toBe('ijs');
  });

  it('keeps hyphenated words and dotted abbreviations as one word', () => {
    expect(brief(tokenize('Bergen-op-Zoom covid-19 i.v.m. z.s.m.'))).toEqual(['word:bergen-op-zoom', 'word:covid-19', 'word:ivm', 'word:zsm']);
    // Found by hand: an abbreviation or "www." at the very end read past the string.
    expect(brief(tokenize('z.s.m.'))).toEqual(['word:zsm']);
    expect(tokenize('zie www.').map((t) => t.text)).toEqual(['zie', 'www']);
  });

  it('reads times, thousands, decimals and phone numbers as numbers', () => {
    expect(brief(tokenize('om 22:30, 1.000 man, 3,5 km, bel 06-12345678'))).toEqual([
      'word:om', 'number:22:30', 'number:1.000', 'word:man', 'number:3,5', 'word:km', 'word:bel', 'number:06-12345678',
    ]);
  });

  it('finds urls and drops trailing punctuation and unbalanced parentheses', () => {
    const tokens = tokenize('zie https://example.nl/a(b). en (www.politie.nl)');
    expect(tokens.filter((t) => t.kind === 'url').map((t) => t.text)).toEqual(['https://example.nl/a(b)', 'www.politie.nl']);
  });

  it('reads fediverse mentions and Bluesky handles, without the trailing dot', () => {
    const tokens = tokenize('@annelies_kok60@mstdn.example en @gemeente-utrecht.bsky.example. mail a@b.nl');
    expect(tokens.filter((t) => t.kind === 'mention').map((t) => t.norm)).toEqual(['annelies_kok60@mstdn.example', 'gemeente-utrecht.bsky.example']);
  });

  it('reads hashtags with Unicode letters and lower-cases them', () => {
    expect(brief(tokenize('#Zomerfeest030 #ëxtra #112 #brand!'))).toEqual(['hashtag:zomerfeest030', 'hashtag:extra', 'number:112', 'hashtag:brand']);
  });

  it('keeps emoji sequences whole: ZWJ, skin tones, flags, keycaps, tags', () => {
    const emoji = tokenize('🏳️‍🌈👍🏽🇳🇱🇧🇪1️⃣👨‍👩‍👧🏴󠁧󠁢󠁥󠁮󠁧󠁿❤️').map((t) => t.text);
    expect(emoji).toEqual(['🏳️‍🌈', '👍🏽', '🇳🇱', '🇧🇪', '1️⃣', '👨‍👩‍👧', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '❤️']);
    expect(tokenize('🏳️‍🌈👍🏽').every((t) => t.kind === 'emoji')).toBe(true);
  });

  it('squeezes letters repeated three or more times in the norm only', () => {
    const [druk] = tokenize('drukkkk');
    expect(druk).toMatchObject({ text: 'drukkkk', norm: 'drukk' });
    expect(squeezeRepeats('jaaaaa!!!')).toBe('jaa!!');
  });

  it('recognises urls in any case without copying the text', () => {
    expect(brief(tokenize('HTTPS://Example.NL/x en WWW.Politie.nl en http:/kapot en wwwx.nl'))).toEqual([
      'url:HTTPS://Example.NL/x', 'word:en', 'url:WWW.Politie.nl', 'word:en', 'word:http', 'word:kapot', 'word:en', 'word:wwx', 'word:nl',
    ]);
  });

  it('gives word norms equal to lower-casing, folding and squeezing the text', () => {
    const reference = (text: string): string =>
      squeezeRepeats(text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019]/g, "'"));
    // No letter in both cases: the tokeniser squeezes repeats as written ("zZz" stays), the reference after lower-casing.
    const anyWord = fc.string({ unit: fc.constantFrom('a', 'z', 'é', 'ĳ', 'ß', 'Ø', 'B', 'K', "'", '’', '-', '1', ' '), maxLength: 30 });
    fc.assert(
      fc.property(anyWord, (text) => {
        for (const t of tokenize(text)) if (t.kind === 'word' && !t.text.includes('.')) expect(t.norm).toBe(reference(t.text));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and gives ordered, in-range tokens whose text is the slice', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom('a', 'z', 'A', 'Q', 'é', 'É', "'", '’', '-', '#', '@', '.', ':', '1', ' ', '\u200d', '\ufe0f', '🇳', '🏽', '👍', 'h', 't', 'p', 's', '/', 'w', 'kkk'), maxLength: 60 }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = tokenize(text);
        let last = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          // The hash made while scanning is the norm's, whatever path the token took.
          expect(t.hash).toBe(wordHash(t.norm));
          last = t.end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
