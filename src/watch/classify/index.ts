import type { CategoryId, Priority } from '#core/taxonomy.ts';
import { tokenize, type Token } from '#watch/enrich/tokenize.ts';
import { readLabelledFile, TRAIN_FILE, type LabelledPost } from './dataset.ts';
import { extractFeatures, PostFeatures } from './features.ts';
import { classIndex, DEFAULT_PRIORITY, priorityIndex } from './labels.ts';
import { stemLanguageOf } from './language.ts';
import { LinearModel, type Decision } from './model.ts';
import { fromBytes, toBytes } from './serialise.ts';
import { DEFAULT_TRAINING, train, type TrainingExample, type TrainingOptions } from './train.ts';

/** What the classifier says about a post (SPEC W4). */
export type Classification = Decision;

export interface ClassifyInput {
  text: string;
  /** A language tag ("nl", "en-GB"); when absent or another language, Dutch/English is guessed. */
  language?: string | null;
  /** The post's tokens when enrichment has already made them. */
  tokens?: Token[];
}

let base: Classifier | undefined;

/**
 * The safety classifier: relevance, category, priority and an explanation per post, learning
 * from operator feedback at once. Each instance is independent (see `clone`).
 */
export class Classifier {
  /** Refilled for every post classified (classification is synchronous), so scoring allocates little. */
  private readonly scratch = new PostFeatures('nl');

  private constructor(private readonly model: LinearModel) {}

  /**
   * The base model, trained from the shipped corpus (data/training/train.jsonl) on first use
   * (a few hundred milliseconds, once per process); every call returns a fresh clone.
   */
  static load(): Classifier {
    base ??= Classifier.train(readLabelledFile(TRAIN_FILE));
    return base.clone();
  }

  /** Trains a classifier from labelled posts (`relevant` labels are skipped: they name no class). */
  static train(posts: readonly LabelledPost[], options: TrainingOptions = DEFAULT_TRAINING): Classifier {
    const examples: TrainingExample[] = [];
    for (const post of posts) {
      if (post.label === 'relevant') continue;
      examples.push({ features: featuresOf(post), label: post.label, priority: post.priority });
    }
    return new Classifier(new LinearModel(train(examples, options)));
  }

  /** Restores a classifier saved with `toBytes` (e.g. an organisation's model after feedback). */
  static fromBytes(bytes: Uint8Array): Classifier {
    return new Classifier(new LinearModel(fromBytes(bytes)));
  }

  /** The weights in a compact binary form (only non-zero rows). */
  toBytes(): Uint8Array {
    return toBytes(this.model.weights);
  }

  /** Classifies one post. Never throws on any text. */
  classify(input: ClassifyInput): Classification {
    return this.model.decide(featuresOf(input, this.scratch));
  }

  /**
   * Operator feedback: the post is `label` (with `priority`, or the category's default), effective
   * for the next call. Changes this instance only; a post without any feature (empty text)
   * teaches nothing.
   */
  learn(input: ClassifyInput, label: CategoryId | 'none', priority?: Priority): void {
    const p = label === 'none' ? null : priorityIndex(priority ?? DEFAULT_PRIORITY[label]);
    this.model.learn(featuresOf(input), classIndex(label), p);
  }

  /** An independent copy: learning on the copy never changes this one (the weights are copied on first write). */
  clone(): Classifier {
    return new Classifier(this.model.clone());
  }
}

/** The features the classifier sees for a post. */
export function featuresOf(input: ClassifyInput, into?: PostFeatures): PostFeatures {
  const tokens = input.tokens ?? tokenize(input.text);
  return extractFeatures(input.text, tokens, stemLanguageOf(input.language), into);
}
