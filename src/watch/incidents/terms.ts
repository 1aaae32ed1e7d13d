import { isStopword } from '../classify/stopwords.ts';
import { stem, type StemLanguage } from '../enrich/stem.ts';
import { tokenize } from '../enrich/tokenize.ts';

/** Terms kept per post at most: a long news item should not dominate an incident's profile. */
const MAX_TERMS = 24;
const LETTERS = /^\p{L}[\p{L}\p{N}'-]*$/u;

/**
 * The content words of a post as Snowball stems, distinct, in order of appearance: words and
 * hashtags of three or more letters that are not function words. Mentions, urls, numbers and
 * emoji say little about what happened, so they are left out.
 */
export function termsOf(text: string, language: string | null): string[] {
  const lang: StemLanguage = language === 'en' ? 'en' : 'nl';
  const seen = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.kind !== 'word' && token.kind !== 'hashtag') continue;
    const norm = token.norm;
    if (norm.length < 3 || !LETTERS.test(norm) || isStopword(norm)) continue;
    const stemmed = stem(norm, lang);
    if (isStopword(stemmed)) continue;
    seen.add(stemmed);
    if (seen.size >= MAX_TERMS) break;
  }
  return [...seen];
}
