import { stem, type StemLanguage } from '#watch/enrich/stem.ts';
import { wordHash } from '#watch/enrich/tokenize.ts';
import { WordTable } from '#watch/enrich/word-table.ts';
import { BIGRAM, CHARS, FEATURE_MASK, featureBucket, GRAM, GRAM_MIN_WORD, GRAM_STRIDE, SEEDS, STEM } from './feature-space.ts';
import { bucketOf, hashOf, hashRange, hashUnit } from '#core/hash.ts';
import { languageVote } from './language.ts';
import { lexiconBits } from './lexicon-match.ts';
import { isStopword } from './stopwords.ts';

/** What the features need of a word in one language. */
export interface StemInfo {
  stem: string;
  /** A function word: no unigram feature, no bigram with another function word. */
  stop: boolean;
  /** Bucket of "stem:<stem>". */
  bucket: number;
  /** Hash state of "bigram:<stem> ", which a bigram with this stem first continues with the second stem. */
  bigramPrefix: number;
}

/** Everything about a word (a token norm) that does not depend on the post, computed once. */
export interface WordInfo {
  /** +1 a Dutch function word, −1 an English one, 0 neither. */
  vote: number;
  /** Keyword-lexicon categories, as bits. */
  lexicon: number;
  /** Buckets of the word's character n-grams (none for short words). */
  grams: readonly number[];
  nl?: StemInfo;
  en?: StemInfo;
}

const NO_GRAMS: readonly number[] = [];
/** Entries per generation; two generations give LRU-like behaviour without per-hit bookkeeping. */
const GENERATION_SIZE = 25_000;
let current = new WordTable<WordInfo>(GENERATION_SIZE);
let previous = new WordTable<WordInfo>(GENERATION_SIZE);

/**
 * The cached facts about a word: one table lookup per token (by the token's hash, `hash` =
 * `wordHash(norm)`) replaces stemming, stopword, lexicon and hashing work on the hot path (posts
 * repeat a small vocabulary).
 */
export function wordInfo(norm: string, hash: number = wordHash(norm)): WordInfo {
  let info = current.get(hash, norm);
  if (info !== undefined) return info;
  info = previous.get(hash, norm) ?? computeInfo(norm);
  if (current.size >= GENERATION_SIZE) {
    const emptied = previous;
    emptied.clear();
    previous = current;
    current = emptied;
  }
  current.set(hash, norm, info);
  return info;
}

/** The word's stem facts in a language, computed on first use. */
export function stemInfo(info: WordInfo, norm: string, language: StemLanguage): StemInfo {
  const known = language === 'nl' ? info.nl : info.en;
  if (known !== undefined) return known;
  const s = stem(norm, language);
  const computed: StemInfo = { stem: s, stop: isStopword(norm) || isStopword(s), bucket: featureBucket(STEM, s), bigramPrefix: hashUnit(hashOf(SEEDS[BIGRAM]!, s), 0x20) };
  if (language === 'nl') info.nl = computed;
  else info.en = computed;
  return computed;
}

function computeInfo(norm: string): WordInfo {
  let grams = NO_GRAMS;
  if (norm.length >= GRAM_MIN_WORD) {
    const buckets: number[] = [];
    for (let at = 0; at + GRAM <= norm.length; at += GRAM_STRIDE) buckets.push(bucketOf(hashRange(SEEDS[CHARS]!, norm, at, at + GRAM), FEATURE_MASK));
    grams = buckets;
  }
  return { vote: languageVote(norm), lexicon: lexiconBits(norm), grams, nl: undefined, en: undefined };
}
