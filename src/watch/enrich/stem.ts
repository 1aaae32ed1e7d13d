import { createRequire } from 'node:module';

/** The slice of snowball-stemmers (a CommonJS package without type declarations) used here. */
interface SnowballModule {
  newStemmer(algorithm: string): { stem(word: string): string };
}

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as SnowballModule;

export type StemLanguage = 'nl' | 'en';

/**
 * Entries per language and generation. Posts repeat a small vocabulary, so a few tens of
 * thousands of words cover nearly all lookups; two generations give LRU-like behaviour (a word
 * used in the last generation survives a swap) without per-hit bookkeeping.
 */
const GENERATION_SIZE = 20_000;

class StemCache {
  private current = new Map<string, string>();
  private previous = new Map<string, string>();
  private readonly stemmer: { stem(word: string): string };

  constructor(algorithm: string) {
    this.stemmer = snowball.newStemmer(algorithm);
  }

  stem(word: string): string {
    const hit = this.current.get(word);
    if (hit !== undefined) return hit;
    const old = this.previous.get(word);
    const value = old ?? this.stemmer.stem(word);
    if (this.current.size >= GENERATION_SIZE) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(word, value);
    return value;
  }
}

const caches: Record<StemLanguage, StemCache> = {
  nl: new StemCache('dutch'),
  en: new StemCache('english'),
};

/**
 * The Snowball stem of a word (Dutch or English). Expects the token's `norm` (lower-cased);
 * results are cached with a bounded size since posts repeat the same words.
 */
export function stem(word: string, language: StemLanguage): string {
  return caches[language].stem(word);
}
