import type { CategoryId } from '#core/taxonomy.ts';
import type { SignalTable } from '#watch/tables.ts';
import type { SignalState } from './burst.ts';
import { cellGeometry } from './cells.ts';

export const SIGNAL_REVIEWS = ['new', 'acknowledged', 'dismissed'] as const;
export type SignalReview = (typeof SIGNAL_REVIEWS)[number];

/** A weak signal (SPEC W5) as the rest of Waakzaam sees it: where, what, how unusual, and why. */
export interface Signal {
  id: string;
  organisationId: string;
  category: CategoryId;
  /** H3 cell; null when the posts had no location (the whole organisation's area). */
  cell: string | null;
  resolution: number;
  centre: { lat: number; lon: number } | null;
  status: 'open' | 'closed';
  review: SignalReview;
  detectedAt: string;
  windowStart: string;
  firstPostAt: string;
  lastPostAt: string;
  observed: number;
  expected: number;
  score: number;
  baselinePerHour: number;
  fired: SignalState['fired'];
  updatedAt: string;
}

/** Why a signal fired, in both languages of the interface (numbers rounded for people). */
export function reasonOf(signal: Pick<Signal, 'fired' | 'baselinePerHour' | 'observed'>): { nl: string; en: string } {
  const f = signal.fired;
  const odds = Math.round(Math.pow(10, Math.min(f.score, 9)));
  const number = (value: number, locale: string) => value.toLocaleString(locale, { maximumFractionDigits: 1 });
  return {
    nl: `${f.observed} berichten in ${f.windowMinutes} minuten, waar ${number(f.expected, 'nl-NL')} verwacht werd (normaal ${number(signal.baselinePerHour, 'nl-NL')} per uur); bij toeval een kans van 1 op ${number(odds, 'nl-NL')}. Nu ${signal.observed} berichten.`,
    en: `${f.observed} posts in ${f.windowMinutes} minutes, where ${number(f.expected, 'en-GB')} were expected (usually ${number(signal.baselinePerHour, 'en-GB')} an hour); by chance a 1 in ${number(odds, 'en-GB')} event. Now ${signal.observed} posts.`,
  };
}

/** Centre and outline of the signal's cell for the map, or null for an unlocated signal. */
export function signalGeometry(signal: Pick<Signal, 'cell'>): { centre: { lat: number; lon: number }; boundary: [number, number][] } | null {
  return signal.cell ? cellGeometry(signal.cell) : null;
}

export function toSignalRow(organisationId: string, state: SignalState, now: string): SignalTable {
  const centre = state.cell ? cellGeometry(state.cell).centre : null;
  return {
    id: state.id,
    organisation_id: organisationId,
    category: state.category,
    cell: state.cell,
    resolution: state.resolution,
    centre_lat: centre?.lat ?? null,
    centre_lon: centre?.lon ?? null,
    status: state.status,
    review: 'new',
    detected_at: new Date(state.detectedAt).toISOString(),
    window_start: new Date(state.windowStart).toISOString(),
    first_post_at: new Date(state.firstPostAt).toISOString(),
    last_post_at: new Date(state.lastPostAt).toISOString(),
    observed: state.observed,
    expected: state.expected,
    score: state.score,
    baseline_per_hour: state.baselinePerHour,
    fired: JSON.stringify(state.fired),
    created_at: now,
    updated_at: now,
  };
}

export function fromSignalRow(row: SignalTable): Signal {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    category: row.category as CategoryId,
    cell: row.cell,
    resolution: row.resolution,
    centre: row.centre_lat !== null && row.centre_lon !== null ? { lat: row.centre_lat, lon: row.centre_lon } : null,
    status: row.status as Signal['status'],
    review: row.review as SignalReview,
    detectedAt: row.detected_at,
    windowStart: row.window_start,
    firstPostAt: row.first_post_at,
    lastPostAt: row.last_post_at,
    observed: row.observed,
    expected: row.expected,
    score: row.score,
    baselinePerHour: row.baseline_per_hour,
    fired: JSON.parse(row.fired) as Signal['fired'],
    updatedAt: row.updated_at,
  };
}
