import type { FeatureCollection } from 'geojson';
import { DISPLAY_TIME_ZONE } from '../../ui/format.ts';
import type { LinkedIncident, Notification, Signal } from './alerts-api.ts';

/*
 * What the signals view draws, as pure functions of the signals: score bands for the map and its
 * legend, the cells as GeoJSON, the list kept in step with the live stream, and the timeline's
 * layout. Tested without a browser (test/web/signals-display.test.ts).
 */

/**
 * How unusual a burst is, in three steps of the score (−log10 of the chance of so many posts): the
 * detector fires at 3 (1 in 1,000), so 3–5 is notable, 5–8 strong, 8 and more extreme.
 */
export const SCORE_BANDS = [
  { id: 'notable', from: 0, colour: '#f2c14e', line: '#8a4b00', dash: [2, 1.5], width: 2 },
  { id: 'strong', from: 5, colour: '#e8773a', line: '#8f2f00', dash: null, width: 2.5 },
  { id: 'extreme', from: 8, colour: '#b3261e', line: '#5c0f0a', dash: null, width: 4 },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]['id'];

export function scoreBand(score: number): ScoreBand {
  let band: ScoreBand = 'notable';
  for (const b of SCORE_BANDS) if (score >= b.from) band = b.id;
  return band;
}

/** The located signals' cells as polygons, with what the map styles them by. */
export function signalFeatures(signals: readonly Signal[], selectedId: string | null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: signals
      .filter((s) => s.boundary && s.boundary.length >= 4)
      .map((s) => ({
        type: 'Feature' as const,
        id: s.id,
        properties: { id: s.id, band: scoreBand(s.score), selected: s.id === selectedId ? 1 : 0, open: s.status === 'open' ? 1 : 0 },
        geometry: { type: 'Polygon' as const, coordinates: [s.boundary!] },
      })),
  };
}

/** [[west, south], [east, north]] of the located signals, or null. */
export function signalBounds(signals: readonly Signal[]): [[number, number], [number, number]] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const s of signals) {
    for (const [lon, lat] of s.boundary ?? []) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return Number.isFinite(west) ? [[west, south], [east, north]] : null;
}

/**
 * The list with a signal from the stream put in: replaced when known (it grew, closed or was
 * reviewed), else added; newest detection first (ids are time-ordered), at most `cap`.
 */
export function upsertSignal(list: readonly Signal[], signal: Signal, cap = 500): Signal[] {
  const rest = list.filter((s) => s.id !== signal.id);
  return [...rest, signal].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, cap);
}

/** The newest notifications kept in the top bar's panel. */
export const NOTIFICATIONS_KEPT = 50;

/** The list with a notification put in (a redelivered one replaces itself), newest first. */
export function addNotification(list: readonly Notification[], notification: Notification): Notification[] {
  return [notification, ...list.filter((n) => n.id !== notification.id)].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, NOTIFICATIONS_KEPT);
}

export interface TimelineRow {
  id: string;
  /** From the window's start (or the first post) to the last post, in chart units. */
  x1: number;
  x2: number;
  /** When it fired. */
  xDetected: number;
  incident: { x1: number; x2: number } | null;
}

export interface TimelineLayout {
  start: number;
  end: number;
  rows: TimelineRow[];
  /** Hour and half-hour marks, labelled in Dutch time. */
  ticks: { x: number; label: string }[];
}

const HALF_HOUR = 30 * 60_000;

/** "HH:MM" in Europe/Amsterdam. */
export function clockTime(ms: number): string {
  return new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: DISPLAY_TIME_ZONE }).format(ms);
}

/**
 * Signals over time, oldest first, each as a bar from the start of its window to its last post,
 * with its linked incident (when known) as a bar beneath it, on one axis `width` units wide.
 */
export function timelineLayout(signals: readonly Signal[], incidents: ReadonlyMap<string, LinkedIncident>, width: number): TimelineLayout | null {
  if (signals.length === 0) return null;
  const ordered = [...signals].sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart) || (a.id < b.id ? -1 : 1));
  const times: number[] = [];
  for (const s of ordered) {
    times.push(Date.parse(s.windowStart), Date.parse(s.firstPostAt), Date.parse(s.lastPostAt));
    const incident = incidents.get(s.id);
    if (incident) times.push(Date.parse(incident.firstAt), Date.parse(incident.lastAt));
  }
  const finite = times.filter(Number.isFinite);
  let start = Math.min(...finite);
  let end = Math.max(...finite);
  // A single moment still gets a readable span: five minutes either side.
  if (end - start < 10 * 60_000) {
    start -= 5 * 60_000;
    end += 5 * 60_000;
  }
  const x = (t: number) => ((t - start) / (end - start)) * width;
  const rows = ordered.map((s) => {
    const incident = incidents.get(s.id);
    const from = Math.min(Date.parse(s.windowStart), Date.parse(s.firstPostAt));
    return {
      id: s.id,
      x1: x(from),
      x2: Math.max(x(Date.parse(s.lastPostAt)), x(from) + 1),
      xDetected: x(Date.parse(s.detectedAt)),
      incident: incident ? { x1: x(Date.parse(incident.firstAt)), x2: Math.max(x(Date.parse(incident.lastAt)), x(Date.parse(incident.firstAt)) + 1) } : null,
    };
  });
  const step = end - start > 6 * 3_600_000 ? 2 * HALF_HOUR : HALF_HOUR;
  const ticks: { x: number; label: string }[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push({ x: x(t), label: clockTime(t) });
  return { start, end, rows, ticks };
}
