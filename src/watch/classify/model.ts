import { PRIORITIES, type CategoryId, type Priority } from '#core/taxonomy.ts';
import { bucketOf, hashOf, HASH_START } from './hash.ts';
import { FEATURE_BUCKETS, type PostFeatures } from './features.ts';
import { CLASS_COUNT, CLASSES, NONE, PRIORITY_COUNT } from './labels.ts';
import { PRIORITY_COLUMN, type Weights } from './weights.ts';

/** One feature's share in a decision: its value times its weight difference (see `explain`). */
export interface Contribution {
  feature: string;
  weight: number;
}

export interface Decision {
  relevant: boolean;
  /** 1 − P(none). */
  relevance: number;
  category: CategoryId | null;
  priority: Priority;
  /** P(category) when relevant, P(none) when not. */
  confidence: number;
  explanation: Contribution[];
}

/** A post is relevant when its relevance, 1 − P(none), reaches this. */
export const RELEVANCE_THRESHOLD = 0.5;
const EXPLAIN_TOP = 5;
/** Operator feedback (passive-aggressive steps) aims for this logit margin, in at most MAX_STEPS capped steps. */
const MARGIN = 1;
const STEP_CAP = 4;
const MAX_STEPS = 24;
/** A `none` correction is done when P(none) reaches this. */
const NONE_TARGET = 0.7;

/** The priority head also sees the chosen category, as the feature "category:<id>" of value 1. */
export const CATEGORY_BUCKETS = CLASSES.map((c) => bucketOf(hashOf(HASH_START, `category:${c}`), FEATURE_BUCKETS - 1));

/**
 * The linear model: softmax over {none, 14 categories} and a 4-way priority head, on hashed
 * sparse features. Scoring a post is one pass over its few dozen features reading STRIDE
 * contiguous floats each; nothing is allocated but the result.
 */
export class LinearModel {
  private readonly logits = new Float64Array(CLASS_COUNT);
  private readonly probabilities = new Float64Array(CLASS_COUNT);
  private readonly priorityLogits = new Float64Array(PRIORITY_COUNT);
  /** The priority logits of the last `score` before the category feature is added (bias and the post's features). */
  private readonly priorityBase = new Float64Array(PRIORITY_COUNT);
  /** Per feature of the last post scored: its row's offset in the weights, or −1 (grown as needed). */
  private rowOffsets = new Int32Array(64);
  /** Scratch for `explain`: the strongest features so far and their contributions. */
  private readonly top = new Int32Array(EXPLAIN_TOP);
  private readonly topValues = new Float64Array(EXPLAIN_TOP);

  constructor(readonly weights: Weights) {}

  clone(): LinearModel {
    return new LinearModel(this.weights.clone());
  }

  /** Classifies a post's features. */
  decide(f: PostFeatures): Decision {
    this.score(f);
    const p = this.probabilities;
    let best = 1;
    for (let k = 2; k < CLASS_COUNT; k++) if (p[k]! > p[best]!) best = k;
    const relevance = 1 - p[NONE]!;
    const relevant = relevance >= RELEVANCE_THRESHOLD;
    if (!relevant) {
      return { relevant, relevance, category: null, priority: 'low', confidence: p[NONE]!, explanation: this.explain(f, NONE, best) };
    }
    return {
      relevant,
      relevance,
      category: CLASSES[best] as CategoryId,
      priority: PRIORITIES[this.priority(best)]!,
      confidence: p[best]!,
      explanation: this.explain(f, best, NONE),
    };
  }

  /** Class probabilities (index 0 = none), for evaluation and tests. Returns a copy. */
  probabilitiesOf(f: PostFeatures): Float64Array {
    this.score(f);
    return this.probabilities.slice();
  }

  /**
   * Operator feedback: moves the weights of this post's own features (passive-aggressive steps,
   * Crammer et al. 2006, against the strongest rival class each time) until the model decides
   * `label` for it with a margin, and the same for the priority. Shared features (lexicon hits,
   * cues, emoji) are left alone unless the post has nothing else. Takes effect for the next post.
   * Returns false when the post has no features.
   */
  learn(f: PostFeatures, label: number, priority: number | null): boolean {
    let norm2 = 0;
    for (let i = 0; i < f.size; i++) if (!f.isShared(i)) norm2 += f.values[i]! * f.values[i]!;
    const sharedToo = norm2 === 0;
    if (sharedToo) for (let i = 0; i < f.size; i++) norm2 += f.values[i]! * f.values[i]!;
    if (norm2 === 0) return false;
    for (let step = 0; step < MAX_STEPS; step++) {
      this.score(f);
      const rival = this.strongestRival(label);
      const gap = this.logits[label]! - this.logits[rival]!;
      const done = label === NONE ? this.probabilities[NONE]! >= NONE_TARGET && gap >= MARGIN : gap >= MARGIN;
      if (done) break;
      this.step(f, sharedToo, label, rival, Math.min(STEP_CAP, (MARGIN - gap) / (2 * norm2)), 0);
    }
    if (label !== NONE && priority !== null) {
      for (let step = 0; step < MAX_STEPS; step++) {
        this.scorePriority(f, label);
        let rival = priority === 0 ? 1 : 0;
        for (let q = 0; q < PRIORITY_COUNT; q++) if (q !== priority && this.priorityLogits[q]! > this.priorityLogits[rival]!) rival = q;
        const gap = this.priorityLogits[priority]! - this.priorityLogits[rival]!;
        if (gap >= MARGIN) break;
        // The priority input also has the category feature, of value 1.
        this.step(f, sharedToo, PRIORITY_COLUMN + priority, PRIORITY_COLUMN + rival, Math.min(STEP_CAP, (MARGIN - gap) / (2 * (norm2 + 1))), label);
      }
    }
    return true;
  }

  private strongestRival(label: number): number {
    let rival = label === 0 ? 1 : 0;
    for (let k = 0; k < CLASS_COUNT; k++) if (k !== label && this.logits[k]! > this.logits[rival]!) rival = k;
    return rival;
  }

  /**
   * w[:, up] += τx and w[:, down] −= τx over the post's own features (shared ones too when asked);
   * for the priority head also on the category feature.
   */
  private step(f: PostFeatures, sharedToo: boolean, up: number, down: number, tau: number, category: number): void {
    const w = this.weights;
    for (let i = 0; i < f.size; i++) {
      if (!sharedToo && f.isShared(i)) continue;
      const delta = tau * f.values[i]!;
      const at = w.writableRow(f.buckets[i]!);
      const row = w.values;
      row[at + up] = row[at + up]! + delta;
      row[at + down] = row[at + down]! - delta;
    }
    if (up >= PRIORITY_COLUMN) {
      const at = w.writableRow(CATEGORY_BUCKETS[category]!);
      const row = w.values;
      row[at + up] = row[at + up]! + tau;
      row[at + down] = row[at + down]! - tau;
    }
  }

  /**
   * Class logits and probabilities of a post, and on the same pass over each feature's row the
   * priority logits without the category feature (`priority` adds it). Remembers where each
   * feature's row is, for `priority` and `explain` on the same post.
   */
  private score(f: PostFeatures): void {
    const z = this.logits;
    const pz = this.priorityBase;
    const bias = this.weights.bias;
    for (let k = 0; k < CLASS_COUNT; k++) z[k] = bias[k]!;
    for (let q = 0; q < PRIORITY_COUNT; q++) pz[q] = bias[PRIORITY_COLUMN + q]!;
    const buckets = f.buckets;
    const values = f.values;
    const weights = this.weights;
    const rows = weights.values;
    if (this.rowOffsets.length < f.size) this.rowOffsets = new Int32Array(2 * f.size);
    const offsets = this.rowOffsets;
    for (let i = 0; i < f.size; i++) {
      const at = weights.row(buckets[i]!);
      offsets[i] = at;
      if (at < 0) continue;
      const value = values[i]!;
      for (let k = 0; k < CLASS_COUNT; k++) z[k] = z[k]! + rows[at + k]! * value;
      for (let q = 0; q < PRIORITY_COUNT; q++) pz[q] = pz[q]! + rows[at + PRIORITY_COLUMN + q]! * value;
    }
    softmax(z, this.probabilities);
  }

  /** Priority logits from scratch (for `learn`, whose steps change the rows between scorings). */
  private scorePriority(f: PostFeatures, category: number): void {
    const z = this.priorityLogits;
    const bias = this.weights.bias;
    for (let q = 0; q < PRIORITY_COUNT; q++) z[q] = bias[PRIORITY_COLUMN + q]!;
    for (let i = 0; i < f.size; i++) this.addPriority(f.buckets[i]!, f.values[i]!);
    this.addPriority(CATEGORY_BUCKETS[category]!, 1);
  }

  private addPriority(bucket: number, value: number): void {
    const row = this.weights.row(bucket);
    if (row < 0) return;
    const z = this.priorityLogits;
    const rows = this.weights.values;
    const at = row + PRIORITY_COLUMN;
    for (let q = 0; q < PRIORITY_COUNT; q++) z[q] = z[q]! + rows[at + q]! * value;
  }

  /** The priority of the post last scored, given its category. */
  private priority(category: number): number {
    this.priorityLogits.set(this.priorityBase);
    this.addPriority(CATEGORY_BUCKETS[category]!, 1);
    let best = 0;
    for (let q = 1; q < PRIORITY_COUNT; q++) if (this.priorityLogits[q]! > this.priorityLogits[best]!) best = q;
    return best;
  }

  /**
   * The features that most raise the chosen class over the alternative: for a relevant post,
   * category over none (why relevant, and why this category); for an irrelevant one, none over
   * the best category. Weight = feature value × (w[chosen] − w[alternative]). Reads the rows
   * found by the `score` of the same post.
   */
  private explain(f: PostFeatures, chosen: number, alternative: number): Contribution[] {
    const top = this.top;
    const values = this.topValues;
    let count = 0;
    for (let i = 0; i < f.size; i++) {
      const bucket = f.buckets[i]!;
      const at = this.rowOffsets[i]!;
      if (at < 0) continue;
      const rows = this.weights.values;
      const value = (rows[at + chosen]! - rows[at + alternative]!) * f.values[i]!;
      if (value <= 0 || (count === EXPLAIN_TOP && value <= values[EXPLAIN_TOP - 1]!)) continue;
      let duplicate = false;
      for (let j = 0; j < count; j++) if (f.buckets[top[j]!] === bucket) duplicate = true;
      if (duplicate) continue;
      let slot = count < EXPLAIN_TOP ? count++ : EXPLAIN_TOP - 1;
      while (slot > 0 && values[slot - 1]! < value) {
        top[slot] = top[slot - 1]!;
        values[slot] = values[slot - 1]!;
        slot--;
      }
      top[slot] = i;
      values[slot] = value;
    }
    const out: Contribution[] = [];
    for (let r = 0; r < count; r++) out.push({ feature: f.describe(top[r]!), weight: Math.round(values[r]! * 1000) / 1000 });
    return out;
  }
}

function softmax(z: Float64Array, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k]! > max) max = z[k]!;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    const e = Math.exp(z[k]! - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < z.length; k++) out[k] = out[k]! / sum;
}
