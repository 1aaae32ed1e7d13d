import type { Priority } from '#core/taxonomy.ts';
import type { IncidentStatus } from './cluster.ts';

/** An incident as the API and the events show it (SPEC W7). */
export interface IncidentSummary {
  id: string;
  status: IncidentStatus;
  category: string | null;
  priority: Priority;
  placeName: string | null;
  firstAt: string;
  lastAt: string;
  postCount: number;
  locatedCount: number;
  /** Centroid of the located member posts. */
  centre: { lat: number; lon: number } | null;
  /** [west, south, east, north] of the located member posts. */
  bounds: [number, number, number, number] | null;
  /** The words the members use most (stems). */
  terms: string[];
  /** Set when the incident was merged into another. */
  mergedInto: string | null;
  verdict: { answer: string; note: string | null } | null;
  signalIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** A member post, with what the map and timeline need. */
export interface IncidentMember {
  postId: string;
  createdAt: string;
  lat: number | null;
  lon: number | null;
  category: string | null;
  priority: Priority;
  text: string;
  placeName: string | null;
}

export interface IncidentDetail extends IncidentSummary {
  /** Member posts per minute from the first to the last member (at most 24 hours). */
  timeline: { minute: string; count: number }[];
  members: IncidentMember[];
}

/** Which status changes an analyst may make: closed can be reopened to monitoring. */
export const STATUS_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['monitoring', 'confirmed', 'closed'],
  monitoring: ['confirmed', 'closed'],
  confirmed: ['monitoring', 'closed'],
  closed: ['monitoring'],
};

const MINUTE = 60_000;
const MAX_MINUTES = 24 * 60;

/** Counts per minute from the first to the last time, zero-filled (the last MAX_MINUTES at most). */
export function perMinute(times: readonly string[]): { minute: string; count: number }[] {
  if (times.length === 0) return [];
  const minutes = times.map((t) => Math.floor(Date.parse(t) / MINUTE));
  const last = Math.max(...minutes);
  const first = Math.max(Math.min(...minutes), last - MAX_MINUTES + 1);
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const m of minutes) if (m >= first) counts[m - first]! += 1;
  return counts.map((count, i) => ({ minute: new Date((first + i) * MINUTE).toISOString(), count }));
}
