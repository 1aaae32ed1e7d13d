import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightRuns, searchTerms } from '../../web/ui/highlight.ts';

const marked = (text: string, terms: string[]) =>
  highlightRuns(text, terms)
    .filter((run) => run.match)
    .map((run) => run.text);

describe('highlightRuns', () => {
  it('marks every occurrence, whatever its case, and leaves the rest as it is', () => {
    expect(highlightRuns('Brand bij de woningBRAND', ['brand'])).toEqual([
      { text: 'Brand', match: true },
      { text: ' bij de woning', match: false },
      { text: 'BRAND', match: true },
    ]);
    expect(marked('Café De Zaak', ['café', 'zaak'])).toEqual(['Café', 'Zaak']);
    expect(highlightRuns('niets hier', ['brand'])).toEqual([{ text: 'niets hier', match: false }]);
    expect(highlightRuns('', ['brand'])).toEqual([{ text: '', match: false }]);
  });

  it('takes regular-expression characters literally and prefers the longer of overlapping terms', () => {
    expect(marked('korting 50% (op alles) a.b', ['50%', '(op', 'a.b'])).toEqual(['50%', '(op', 'a.b']);
    expect(marked('axb', ['a.b'])).toEqual([]);
    expect(marked('kapot druk', ['kapot', 'kapot druk'])).toEqual(['kapot druk']);
  });

  it('ignores empty, overlong and surplus terms', () => {
    expect(highlightRuns('tekst', ['', '  '])).toEqual([{ text: 'tekst', match: false }]);
    expect(marked('x'.repeat(300), ['x'.repeat(250)])).toEqual([]);
  });

  it('gives the text back when its runs are joined, marks only the terms, and has no empty runs nor two unmarked ones in a row (property)', () => {
    const char = fc.constantFrom('a', 'B', 'é', 'É', ' ', '.', '*', '(', '😀', 'ß');
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), fc.array(fc.string({ unit: char, maxLength: 4 }), { maxLength: 4 }), (text, terms) => {
        const runs = highlightRuns(text, terms);
        expect(runs.map((run) => run.text).join('')).toBe(text);
        const wanted = terms.map((term) => term.trim()).filter(Boolean);
        for (const run of runs.filter((r) => r.match)) expect(wanted.some((term) => new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'iu').test(run.text))).toBe(true);
        if (text !== '') expect(runs.every((run) => run.text !== '')).toBe(true);
        for (let i = 1; i < runs.length; i++) expect(runs[i - 1]!.match || runs[i]!.match).toBe(true);
      }),
    );
  });
});

describe('searchTerms', () => {
  it('takes the words of the column search and of the filter box', () => {
    expect(searchTerms('kapot druk', ' vredenburg ')).toEqual(['kapot', 'druk', 'vredenburg']);
    expect(searchTerms(null, '')).toEqual([]);
  });
});
