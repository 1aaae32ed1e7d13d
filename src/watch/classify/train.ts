import type { Priority } from '#core/taxonomy.ts';
import { FEATURE_BUCKETS, type PostFeatures } from './features.ts';
import { CLASS_COUNT, classIndex, NONE, PRIORITY_COUNT, priorityIndex, type ClassLabel } from './labels.ts';
import { CATEGORY_BUCKETS } from './model.ts';
import { seededRandom, shuffle } from '#core/random.ts';
import { PRIORITY_COLUMN, STRIDE, Weights } from './weights.ts';

export interface TrainingExample {
  features: PostFeatures;
  label: ClassLabel;
  /** Trains the priority head when the label is a category. */
  priority: Priority | null;
}

export interface TrainingOptions {
  epochs: number;
  /** AdaGrad base learning rate. */
  rate: number;
  /** L2 penalty, applied to the weights a step touches (lazy, as usual for sparse SGD). */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 8, rate: 0.4, l2: 3e-3, seed: 7 };

/**
 * Trains the softmax classifier and the priority head offline with AdaGrad on the
 * cross-entropy loss. Deterministic for a given seed and example order.
 */
export function train(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): Weights {
  const w = new Float32Array(FEATURE_BUCKETS * STRIDE);
  const g2 = new Float32Array(FEATURE_BUCKETS * STRIDE);
  const bias = new Float32Array(STRIDE);
  const biasG2 = new Float32Array(STRIDE);
  const z = new Float64Array(CLASS_COUNT);
  const zp = new Float64Array(PRIORITY_COUNT);
  const { rate, l2 } = options;
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);

  const g = new Float64Array(STRIDE);

  /** One AdaGrad step on the rows of the given buckets, columns [from, to), gradient g × value. */
  const stepRows = (buckets: ArrayLike<number>, values: ArrayLike<number>, size: number, from: number, to: number): void => {
    for (let i = 0; i < size; i++) {
      const base = buckets[i]! * STRIDE;
      const value = values[i]!;
      for (let k = from; k < to; k++) {
        const at = base + k;
        const grad = g[k]! * value + l2 * w[at]!;
        const sum = g2[at]! + grad * grad;
        g2[at] = sum;
        w[at] = w[at]! - (rate * grad) / (Math.sqrt(sum) + 1e-8);
      }
    }
  };
  const stepBias = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      biasG2[k] = biasG2[k]! + g[k]! * g[k]!;
      bias[k] = bias[k]! - (rate * g[k]!) / (Math.sqrt(biasG2[k]!) + 1e-8);
    }
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffle(order, random)) {
      const { features: f, label, priority } = examples[index]!;
      const { buckets, values, size } = f;
      const target = classIndex(label);
      for (let k = 0; k < CLASS_COUNT; k++) z[k] = bias[k]!;
      for (let i = 0; i < size; i++) {
        const base = buckets[i]! * STRIDE;
        for (let k = 0; k < CLASS_COUNT; k++) z[k] = z[k]! + w[base + k]! * values[i]!;
      }
      softmaxInPlace(z);
      for (let k = 0; k < CLASS_COUNT; k++) g[k] = z[k]! - (k === target ? 1 : 0);
      stepRows(buckets, values, size, 0, CLASS_COUNT);
      stepBias(0, CLASS_COUNT);
      if (target === NONE || priority === null) continue;
      const want = priorityIndex(priority);
      const cat = CATEGORY_BUCKETS[target]!;
      for (let q = 0; q < PRIORITY_COUNT; q++) {
        const col = PRIORITY_COLUMN + q;
        let s = bias[col]! + w[cat * STRIDE + col]!;
        for (let i = 0; i < size; i++) s += w[buckets[i]! * STRIDE + col]! * values[i]!;
        zp[q] = s;
      }
      softmaxInPlace(zp);
      for (let q = 0; q < PRIORITY_COUNT; q++) g[PRIORITY_COLUMN + q] = zp[q]! - (q === want ? 1 : 0);
      stepRows(buckets, values, size, PRIORITY_COLUMN, STRIDE);
      stepRows([cat], ONE, 1, PRIORITY_COLUMN, STRIDE);
      stepBias(PRIORITY_COLUMN, STRIDE);
    }
  }
  return Weights.fromDense(w, bias);
}

const ONE = [1];

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k]! - max);
    sum += z[k]!;
  }
  for (let k = 0; k < z.length; k++) z[k] = z[k]! / sum;
}
