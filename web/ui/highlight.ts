/*
 * Where a search matched in a post's text, for <mark> in the cards: the words of the column's
 * search and of the filter box (live posts are matched word by word, see feed.ts).
 */

/** A piece of a text, marked when it is one of the terms searched for. */
export interface TextRun {
  readonly text: string;
  readonly match: boolean;
}

/** Terms longer than this, or beyond this many, are not marked (a pasted paragraph, say). */
const MAX_TERM = 200;
const MAX_TERMS = 12;

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * `text` cut into runs, the occurrences of any of `terms` marked (case-insensitively, per code
 * point, so positions stay those of the text); the runs joined give `text` back. Longer terms win
 * where terms overlap at the same place.
 */
export function highlightRuns(text: string, terms: readonly string[]): TextRun[] {
  const usable = [...new Set(terms.map((term) => term.trim()).filter((term) => term !== '' && term.length <= MAX_TERM))].slice(0, MAX_TERMS);
  if (usable.length === 0 || text === '') return [{ text, match: false }];
  const pattern = new RegExp(usable.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'giu');
  const runs: TextRun[] = [];
  let at = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > at) runs.push({ text: text.slice(at, start), match: false });
    runs.push({ text: found[0], match: true });
    at = start + found[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), match: false });
  return runs;
}

/** The words a column's search and the filter box searched for. */
export function searchTerms(columnSearch: string | null, filterText: string): string[] {
  return `${columnSearch ?? ''} ${filterText}`.split(/\s+/u).filter(Boolean);
}
