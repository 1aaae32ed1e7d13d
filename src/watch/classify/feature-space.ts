import { bucketOf, hashOf, HASH_START } from '#core/hash.ts';

/** The feature space: 2^18 hashed buckets, so collisions stay rare for a vocabulary of ~10^5. */
export const FEATURE_BITS = 18;
export const FEATURE_BUCKETS = 1 << FEATURE_BITS;
export const FEATURE_MASK = FEATURE_BUCKETS - 1;

/** Feature kinds; a feature's name is its kind's prefix and its text ("stem:reanim"). */
export const STEM = 0;
export const BIGRAM = 1;
export const HASHTAG = 2;
export const EMOJI = 3;
export const MENTION = 4;
export const CHARS = 5;
export const NUMBER = 6;
export const CUE = 7;
export const LEXICON = 8;
export const P2000 = 9;
export const PREFIXES = ['stem:', 'bigram:', 'hashtag:', 'emoji:', 'mention:', 'chars:', 'number:', 'cue:', 'lexicon:', 'p2000:'];
/** The hash state after each prefix: hashing continues with the feature's text. */
export const SEEDS = PREFIXES.map((p) => hashOf(HASH_START, p));

/**
 * Character 5-grams are taken from words at least GRAM_MIN_WORD long (Dutch compounds, typos),
 * starting at every second character: every gram costs a row of multiply-adds per post, and
 * half of them keep most of the gain (docs/decisions/0007-classifier.md). They weigh less than
 * whole-word features: a long word has several, and at full weight they drown the stems and
 * lexicon hits of a short post. Lexicon hits weigh double: one such feature stands for a whole
 * keyword list. The weights were chosen by grouped cross-validation on the training split.
 */
export const GRAM = 5;
export const GRAM_MIN_WORD = 7;
export const GRAM_STRIDE = 2;
export const GRAM_WEIGHT = 0.3;
export const LEXICON_WEIGHT = 2;
/** A P2000 urgency code weighs as a lexicon hit: one feature that stands for the whole message's urgency. */
export const P2000_WEIGHT = 2;

/** The bucket of a feature of `kind` with text `s`. */
export function featureBucket(kind: number, s: string): number {
  return bucketOf(hashOf(SEEDS[kind]!, s), FEATURE_MASK);
}
