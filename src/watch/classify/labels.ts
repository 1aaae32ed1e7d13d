import { CATEGORY_IDS, isCategoryId, PRIORITIES, type CategoryId, type Priority } from '#core/taxonomy.ts';

/** What the model predicts: a category or `none` (not relevant to safety). */
export type ClassLabel = CategoryId | 'none';

/**
 * A label in labelled data: a class, or `relevant` (safety-relevant, category unknown), which
 * counts for relevance only.
 */
export type Label = ClassLabel | 'relevant';

/** Class index 0 is `none`; 1..14 follow CATEGORY_IDS. */
export const CLASSES: readonly ClassLabel[] = ['none', ...CATEGORY_IDS];
export const NONE = 0;
export const CLASS_COUNT = CLASSES.length;
export const PRIORITY_COUNT = PRIORITIES.length;

/**
 * The priority a category has when nothing in the post raises or lowers it (docs/taxonomy.md).
 * Used for `learn` without a priority and by the baselines.
 */
export const DEFAULT_PRIORITY: Record<CategoryId, Priority> = {
  fire: 'high',
  violence_weapons: 'high',
  robbery_burglary: 'medium',
  public_order: 'low',
  crowd_safety: 'medium',
  traffic_transport: 'low',
  medical: 'high',
  missing_person: 'high',
  suspicious: 'low',
  drugs: 'low',
  infrastructure_outage: 'medium',
  weather: 'medium',
  call_for_help: 'low',
  rumour: 'medium',
};

export function classIndex(label: ClassLabel): number {
  return label === 'none' ? NONE : CATEGORY_IDS.indexOf(label) + 1;
}

export function priorityIndex(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export function isLabel(value: unknown): value is Label {
  return value === 'none' || value === 'relevant' || (typeof value === 'string' && isCategoryId(value));
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}
