import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Priority } from '#core/taxonomy.ts';
import { tokenize } from '#watch/enrich/tokenize.ts';
import { isLabel, isPriority, type Label } from './labels.ts';
import { guessLanguage, stemLanguageOf } from './language.ts';

/** A labelled post, from the training corpus or the scenario's ground truth. */
export interface LabelledPost {
  text: string;
  label: Label;
  priority: Priority | null;
  language: string | null;
}

/** The shipped corpus (data/training/, see its README.md): an 80/20 split made by the generator. */
export const TRAINING_DIR = resolve(import.meta.dirname, '../../../data/training');
export const TRAIN_FILE = resolve(TRAINING_DIR, 'train.jsonl');
export const TEST_FILE = resolve(TRAINING_DIR, 'test.jsonl');

/**
 * Reads one labelled record. Two shapes are accepted: `{ text, label, priority?, lang? }` and
 * the demo scenario's `{ text, lang?, truth: { relevant, category, priority } }`, whose label is
 * the category when relevant (or `relevant` when the category is null) and `none` otherwise.
 * Returns a reason string when the record is not labelled data.
 */
export function parseLabelled(value: unknown): LabelledPost | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return 'missing "text"';
  const language = typeof record.lang === 'string' ? record.lang : typeof record.language === 'string' ? record.language : null;
  if (record.label !== undefined) {
    if (!isLabel(record.label)) return `unknown label ${JSON.stringify(record.label)}`;
    const priority = isPriority(record.priority) ? record.priority : null;
    return { text: record.text, label: record.label, priority, language };
  }
  const truth = record.truth;
  if (typeof truth !== 'object' || truth === null) return 'missing "label" (or scenario "truth")';
  const t = truth as Record<string, unknown>;
  if (typeof t.relevant !== 'boolean') return 'missing "truth.relevant"';
  if (!t.relevant) return { text: record.text, label: 'none', priority: null, language };
  const label = typeof t.category === 'string' && isLabel(t.category) ? t.category : 'relevant';
  return { text: record.text, label, priority: isPriority(t.priority) ? t.priority : null, language };
}

/** Parses a JSONL file of labelled posts; throws with the line number on the first bad line. */
export function readLabelledFile(path: string): LabelledPost[] {
  const posts: LabelledPost[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: LabelledPost | string;
    try {
      parsed = parseLabelled(JSON.parse(line));
    } catch {
      parsed = 'not JSON';
    }
    if (typeof parsed === 'string') throw new Error(`${path}:${i + 1}: ${parsed}`);
    posts.push(parsed);
  });
  return posts;
}

/**
 * The language a labelled post is reported under: its own tag when Dutch or English, otherwise
 * the classifier's guess (the scenario leaves `lang` out on about a third of its posts).
 */
export function evaluationLanguage(post: LabelledPost): 'nl' | 'en' {
  return stemLanguageOf(post.language) ?? guessLanguage(tokenize(post.text));
}
