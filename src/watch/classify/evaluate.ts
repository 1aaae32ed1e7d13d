import { PRIORITIES, type Priority } from '#core/taxonomy.ts';
import { CLASSES, classIndex, type ClassLabel, type Label } from './labels.ts';

/** One scored post: the gold label against what a classifier said. */
export interface Prediction {
  gold: Label;
  predicted: ClassLabel;
  language: string;
  goldPriority?: Priority | null;
  predictedPriority?: Priority | null;
}

export interface ClassScores {
  label: ClassLabel;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface BinaryScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  n: number;
  /** Over posts whose gold label is a class (not `relevant`). */
  accuracy: number;
  perClass: ClassScores[];
  /** Mean F1 over the classes (none included) that occur in the gold labels. */
  macroF1: number;
  /** Relevant = anything but `none`, on both sides. */
  relevance: BinaryScores;
  /** Rows: gold CLASSES then `relevant`; columns: predicted CLASSES. */
  confusion: number[][];
  /** On posts relevant on both sides with a gold priority: exact and off-by-at-most-one agreement. */
  priority: { n: number; accuracy: number; withinOne: number };
}

export interface LanguageEvaluation {
  n: number;
  macroF1: number;
  relevanceF1: number;
}

/** Per-class, relevance and priority scores for a set of predictions. */
export function evaluate(predictions: readonly Prediction[]): Evaluation {
  const size = CLASSES.length;
  const confusion = Array.from({ length: size + 1 }, () => new Array<number>(size).fill(0));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let priorityN = 0;
  let priorityExact = 0;
  let priorityNear = 0;
  for (const p of predictions) {
    const row = p.gold === 'relevant' ? size : classIndex(p.gold);
    confusion[row]![classIndex(p.predicted)]!++;
    const goldRelevant = p.gold !== 'none';
    const predictedRelevant = p.predicted !== 'none';
    if (goldRelevant && predictedRelevant) tp++;
    else if (predictedRelevant) fp++;
    else if (goldRelevant) fn++;
    if (goldRelevant && predictedRelevant && p.goldPriority && p.predictedPriority) {
      priorityN++;
      const d = Math.abs(PRIORITIES.indexOf(p.goldPriority) - PRIORITIES.indexOf(p.predictedPriority));
      if (d === 0) priorityExact++;
      if (d <= 1) priorityNear++;
    }
  }
  const perClass: ClassScores[] = CLASSES.map((label, k) => {
    let predicted = 0;
    let support = 0;
    for (let g = 0; g < size; g++) predicted += confusion[g]![k]!;
    for (let q = 0; q < size; q++) support += confusion[k]![q]!;
    const hits = confusion[k]![k]!;
    return { label, support, ...scores(hits, predicted - hits, support - hits) };
  });
  const present = perClass.filter((c) => c.support > 0);
  const labelled = present.reduce((s, c) => s + c.support, 0);
  return {
    n: predictions.length,
    accuracy: labelled === 0 ? 0 : perClass.reduce((s, c, k) => s + confusion[k]![k]!, 0) / labelled,
    perClass,
    macroF1: present.length === 0 ? 0 : present.reduce((s, c) => s + c.f1, 0) / present.length,
    relevance: scores(tp, fp, fn),
    confusion,
    priority: { n: priorityN, accuracy: ratio(priorityExact, priorityN), withinOne: ratio(priorityNear, priorityN) },
  };
}

/** The headline figures per language (the post's language, or the guessed one). */
export function evaluateByLanguage(predictions: readonly Prediction[]): Record<string, LanguageEvaluation> {
  const groups = new Map<string, Prediction[]>();
  for (const p of predictions) {
    const group = groups.get(p.language) ?? [];
    group.push(p);
    groups.set(p.language, group);
  }
  const out: Record<string, LanguageEvaluation> = {};
  for (const [language, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const e = evaluate(group);
    out[language] = { n: e.n, macroF1: round(e.macroF1), relevanceF1: round(e.relevance.f1) };
  }
  return out;
}

function scores(tp: number, fp: number, fn: number): BinaryScores {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Rounds a score to three decimals for printing and JSON. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
