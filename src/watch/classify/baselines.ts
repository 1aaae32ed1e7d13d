import type { BayesClassifier } from 'natural';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { tokenize } from '#watch/enrich/tokenize.ts';
import type { LabelledPost } from './dataset.ts';
import type { ClassLabel } from './labels.ts';
import { lexiconBits } from './lexicon-match.ts';

/**
 * The comparison baselines of SPEC §10 (bench/classify.ts): a keyword-lexicon matcher and
 * natural's naive Bayes classifier. Neither is used in the product.
 */

/**
 * Keyword lexicon: the category with the most keyword hits (lexicon.ts) among the post's words
 * and hashtags, `none` without hits; ties go to the category listed first in the taxonomy.
 */
export function lexiconClassify(text: string): ClassLabel {
  const counts = new Array<number>(CATEGORY_IDS.length).fill(0);
  for (const token of tokenize(text)) {
    if (token.kind !== 'word' && token.kind !== 'hashtag') continue;
    let bits = lexiconBits(token.norm);
    for (let i = 0; bits !== 0; i++, bits >>>= 1) if ((bits & 1) !== 0) counts[i]!++;
  }
  let best = -1;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0 && (best < 0 || counts[i]! > counts[best]!)) best = i;
  return best < 0 ? 'none' : CATEGORY_IDS[best]!;
}

/** natural's BayesClassifier with its defaults (its own tokeniser and Porter stemmer). */
export interface BayesBaseline {
  classify(text: string): ClassLabel;
}

/**
 * Trains natural's BayesClassifier on labelled posts (`relevant` labels skipped). natural is a
 * development dependency and is loaded only here, from its classifier module: the package index
 * also loads storage back-ends that print to stdout on import.
 */
export async function trainBayes(posts: readonly LabelledPost[]): Promise<BayesBaseline> {
  const specifier = 'natural/lib/natural/classifiers/bayes_classifier.js';
  const module = (await import(specifier)) as { default: new () => BayesClassifier };
  const bayes = new module.default();
  for (const post of posts) if (post.label !== 'relevant') bayes.addDocument(post.text, post.label);
  bayes.train();
  return { classify: (text) => bayes.classify(text) as ClassLabel };
}
