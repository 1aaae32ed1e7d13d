import { PRIORITIES, type CategoryId, type Priority } from '#core/taxonomy.ts';
import { bucketOf, hashOf, HASH_START } from '#core/hash.ts';
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

// `score` and `priority` keep one local per class and priority; a change to either must change them too.
if (CLASS_COUNT !== 15 || PRIORITY_COUNT !== 4) throw new Error(`LinearModel is written for 15 classes and 4 priorities, not ${CLASS_COUNT} and ${PRIORITY_COUNT}`);

/**
 * The linear model: softmax over {none, 14 categories} and a 4-way priority head, on hashed
 * sparse features. Scoring a post is one pass over its few dozen features reading STRIDE
 * contiguous floats each; nothing is allocated but the result.
 */
export class LinearModel {
  private readonly logits = new Float64Array(CLASS_COUNT);
  private readonly probabilities = new Float64Array(CLASS_COUNT);
  private readonly priorityLogits = new Float64Array(PRIORITY_COUNT);
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
      priority: PRIORITIES[this.priority(f, best)]!,
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
   * Class logits and probabilities of a post. Remembers where each feature's row is, for
   * `priority` and `explain` on the same post. The fifteen sums are kept in locals rather than
   * in the logits array (a load and a store per multiply-add otherwise); CLASS_COUNT is checked
   * against them where this module loads. Same features in the same order as a loop over the
   * classes, so the sums are the same to the bit.
   */
  private score(f: PostFeatures): void {
    const z = this.logits;
    const bias = this.weights.bias;
    const buckets = f.buckets;
    const values = f.values;
    const weights = this.weights;
    const rows = weights.values;
    const size = f.size;
    if (this.rowOffsets.length < size) this.rowOffsets = new Int32Array(2 * size);
    const offsets = this.rowOffsets;
    let z0 = bias[0]!;
    let z1 = bias[1]!;
    let z2 = bias[2]!;
    let z3 = bias[3]!;
    let z4 = bias[4]!;
    let z5 = bias[5]!;
    let z6 = bias[6]!;
    let z7 = bias[7]!;
    let z8 = bias[8]!;
    let z9 = bias[9]!;
    let z10 = bias[10]!;
    let z11 = bias[11]!;
    let z12 = bias[12]!;
    let z13 = bias[13]!;
    let z14 = bias[14]!;
    for (let i = 0; i < size; i++) {
      const at = weights.row(buckets[i]!);
      offsets[i] = at;
      if (at < 0) continue;
      const value = values[i]!;
      z0 += rows[at + 0]! * value;
      z1 += rows[at + 1]! * value;
      z2 += rows[at + 2]! * value;
      z3 += rows[at + 3]! * value;
      z4 += rows[at + 4]! * value;
      z5 += rows[at + 5]! * value;
      z6 += rows[at + 6]! * value;
      z7 += rows[at + 7]! * value;
      z8 += rows[at + 8]! * value;
      z9 += rows[at + 9]! * value;
      z10 += rows[at + 10]! * value;
      z11 += rows[at + 11]! * value;
      z12 += rows[at + 12]! * value;
      z13 += rows[at + 13]! * value;
      z14 += rows[at + 14]! * value;
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    z[3] = z3;
    z[4] = z4;
    z[5] = z5;
    z[6] = z6;
    z[7] = z7;
    z[8] = z8;
    z[9] = z9;
    z[10] = z10;
    z[11] = z11;
    z[12] = z12;
    z[13] = z13;
    z[14] = z14;
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

  /**
   * The priority of the post last scored, given its category: the priority head on the rows
   * `score` found (only relevant posts need it), then the category feature.
   */
  private priority(f: PostFeatures, category: number): number {
    const z = this.priorityLogits;
    const bias = this.weights.bias;
    const rows = this.weights.values;
    const offsets = this.rowOffsets;
    const values = f.values;
    let p0: number = bias[PRIORITY_COLUMN]!;
    let p1: number = bias[PRIORITY_COLUMN + 1]!;
    let p2: number = bias[PRIORITY_COLUMN + 2]!;
    let p3: number = bias[PRIORITY_COLUMN + 3]!;
    for (let i = 0; i < f.size; i++) {
      const at = offsets[i]! + PRIORITY_COLUMN;
      if (at < PRIORITY_COLUMN) continue;
      const value = values[i]!;
      p0 += rows[at]! * value;
      p1 += rows[at + 1]! * value;
      p2 += rows[at + 2]! * value;
      p3 += rows[at + 3]! * value;
    }
    z[0] = p0;
    z[1] = p1;
    z[2] = p2;
    z[3] = p3;
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
    const out = new Array<Contribution>(count);
    for (let r = 0; r < count; r++) out[r] = { feature: f.describe(top[r]!), weight: Math.round(values[r]! * 1000) / 1000 };
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
