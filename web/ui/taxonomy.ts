import { CATEGORY_IDS, PRIORITIES, type CategoryId, type Priority } from '../../src/core/taxonomy.ts';
import type { MessageKey } from './i18n/catalogue.ts';

/*
 * The safety taxonomy as the dashboard shows it. The ids come from src/core/taxonomy.ts (one
 * source of truth, a pure module without Node imports); names and colours are the dashboard's.
 */

export { CATEGORY_IDS, PRIORITIES, type CategoryId, type Priority };

/** A category, or `none` for posts the classifier found no category for (not relevant). */
export type CategoryOrNone = CategoryId | 'none';

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

export const CATEGORY_LABELS: Readonly<Record<CategoryOrNone, MessageKey>> = {
  fire: 'category.fire',
  violence_weapons: 'category.violence_weapons',
  robbery_burglary: 'category.robbery_burglary',
  public_order: 'category.public_order',
  crowd_safety: 'category.crowd_safety',
  traffic_transport: 'category.traffic_transport',
  medical: 'category.medical',
  missing_person: 'category.missing_person',
  suspicious: 'category.suspicious',
  drugs: 'category.drugs',
  infrastructure_outage: 'category.infrastructure_outage',
  weather: 'category.weather',
  call_for_help: 'category.call_for_help',
  rumour: 'category.rumour',
  none: 'category.none',
};

export const PRIORITY_LABELS: Readonly<Record<Priority, MessageKey>> = {
  low: 'priority.low',
  medium: 'priority.medium',
  high: 'priority.high',
  critical: 'priority.critical',
};

/**
 * Colour per category: `fg` is the chip text and the map symbol, `bg` the chip's tint. Every fg
 * has at least 4.5:1 on its bg and on white (test/web/taxonomy.test.ts checks it, and that
 * web/dashboard/categories.css uses the same values), so the chip text is readable and a map
 * symbol stands out against the light base map. Colour is never the only cue: chips carry the
 * name, and the map has a legend and a list.
 */
export const CATEGORY_COLOURS: Readonly<Record<CategoryOrNone, { fg: string; bg: string }>> = {
  fire: { fg: '#b3261e', bg: '#fdecea' },
  violence_weapons: { fg: '#7a1f3d', bg: '#f8e6ec' },
  robbery_burglary: { fg: '#5b3a9e', bg: '#efe9f8' },
  public_order: { fg: '#9a4400', bg: '#fdeedf' },
  crowd_safety: { fg: '#a0195a', bg: '#fbe7f1' },
  traffic_transport: { fg: '#0b5cad', bg: '#e5eef8' },
  medical: { fg: '#0e6e66', bg: '#ddf2ef' },
  missing_person: { fg: '#6f5600', bg: '#f8f0d2' },
  suspicious: { fg: '#3d4f63', bg: '#e9edf2' },
  drugs: { fg: '#3b6413', bg: '#ebf4e0' },
  infrastructure_outage: { fg: '#6b4226', bg: '#f3ebe4' },
  weather: { fg: '#00648a', bg: '#dff1f8' },
  call_for_help: { fg: '#c0262d', bg: '#fde9e9' },
  rumour: { fg: '#7b2f9e', bg: '#f4e8f8' },
  none: { fg: '#4f5a66', bg: '#eef1f4' },
};

/** Priorities at or above `high`: the "Hoge prioriteit" column and the bigger map symbols. */
export function isHighPriority(priority: Priority): boolean {
  return priority === 'high' || priority === 'critical';
}
