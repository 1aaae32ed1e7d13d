import type { Priority } from '#core/taxonomy.ts';
import type { ClassLabel } from '../../labels.ts';

/**
 * One label's phrases in one language. A template may start with a priority mark (`!c `, `!h `,
 * `!m `, `!l `) that overrides the bank's default priority.
 */
export interface Bank {
  label: ClassLabel;
  language: 'nl' | 'en';
  /** Default priority of the bank's posts; null for `none`. */
  priority: Priority | null;
  /** Posts to generate from this bank. */
  count: number;
  emoji: readonly string[];
  hashtags: readonly string[];
  /** Machine-written messages (P2000 pager lines): taken as expanded, without the noise step. */
  machine?: boolean;
  templates: readonly string[];
}

const MARKS: Record<string, Priority> = { '!c ': 'critical', '!h ': 'high', '!m ': 'medium', '!l ': 'low' };

/** Splits a template into its priority mark (if any) and its text. */
export function priorityMark(template: string): { priority: Priority | null; text: string } {
  const mark = MARKS[template.slice(0, 3)];
  return mark ? { priority: mark, text: template.slice(3) } : { priority: null, text: template };
}
