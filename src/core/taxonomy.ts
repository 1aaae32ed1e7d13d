/**
 * The safety taxonomy (SPEC W4). Ids are stable: stored labels, training data, feedback and
 * scenario ground truth all refer to them. Never rename an id; add a new one and map the old.
 */
export const CATEGORY_IDS = [
  'fire',
  'violence_weapons',
  'robbery_burglary',
  'public_order',
  'crowd_safety',
  'traffic_transport',
  'medical',
  'missing_person',
  'suspicious',
  'drugs',
  'infrastructure_outage',
  'weather',
  'call_for_help',
  'rumour',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}
