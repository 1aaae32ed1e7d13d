import { fnv1a } from '#core/hash.ts';
import { seededRandom } from '#core/random.ts';

/**
 * How the demo's simulated volunteers behave, as plain functions of a seed: whether each answers
 * an alert, how fast, how fast they walk, and where they are along their way. Times are in
 * scenario seconds; the runner (run.ts) divides them by the demo speed.
 *
 * The figures are rough but realistic for AED-alert systems in Dutch cities: about half of the
 * alerted volunteers accept, a quarter decline, the rest do not answer in time; answers come in
 * within a minute or so; people walk or jog at 1.8–3.2 m/s and need half a minute at an AED cabinet.
 */

export interface LatLon {
  lat: number;
  lon: number;
}

export type Answer = 'accept' | 'decline' | 'ignore';

export interface ResponderPlan {
  answer: Answer;
  /** Seconds from the alert to the answer. */
  answerAfterS: number;
  /** Seconds from accepting to reporting "on my way". */
  setOffAfterS: number;
  /** Walking or jogging speed, m/s. */
  speedMps: number;
  /** Seconds spent at the AED cabinet (opening it, taking the AED). */
  atAedS: number;
}

/** Streets are not straight lines: a route is this much longer than the crow flies. */
export const ROUTE_FACTOR = 1.3;
/** The simulated phone shares its location this often while under way (scenario seconds). */
export const LOCATION_EVERY_S = 30;

/** What one volunteer does with one alert. */
export function planResponder(seed: number, volunteerRef: string, dispatchKey: string): ResponderPlan {
  const next = seededRandom(seed ^ fnv1a(`${volunteerRef}|${dispatchKey}`));
  const roll = next();
  const answer: Answer = roll < 0.55 ? 'accept' : roll < 0.8 ? 'decline' : 'ignore';
  return {
    answer,
    answerAfterS: Math.round(12 + next() * 60),
    setOffAfterS: Math.round(5 + next() * 15),
    speedMps: Math.round((1.8 + next() * 1.4) * 10) / 10,
    atAedS: Math.round(20 + next() * 25),
  };
}

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LatLon, b: LatLon): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Leg {
  from: LatLon;
  to: LatLon;
  /** Seconds the leg takes at the responder's speed (route, not crow-flight, length). */
  durationS: number;
}

/** The legs of a responder's way: straight to the victim, or via the AED (with a stop there). */
export function legsOf(start: LatLon, aed: LatLon | null, victim: LatLon, plan: Pick<ResponderPlan, 'speedMps' | 'atAedS'>): Leg[] {
  const walk = (from: LatLon, to: LatLon): Leg => ({ from, to, durationS: (distanceM(from, to) * ROUTE_FACTOR) / plan.speedMps });
  if (!aed) return [walk(start, victim)];
  return [walk(start, aed), { from: aed, to: aed, durationS: plan.atAedS }, walk(aed, victim)];
}

export function totalDurationS(legs: readonly Leg[]): number {
  return legs.reduce((sum, leg) => sum + leg.durationS, 0);
}

/** Where the responder is `elapsedS` after setting off (at the end once the way is done). */
export function positionAt(legs: readonly Leg[], elapsedS: number): LatLon {
  let left = Math.max(0, elapsedS);
  for (const leg of legs) {
    if (left <= leg.durationS) {
      const f = leg.durationS === 0 ? 1 : left / leg.durationS;
      return { lat: round6(leg.from.lat + (leg.to.lat - leg.from.lat) * f), lon: round6(leg.from.lon + (leg.to.lon - leg.from.lon) * f) };
    }
    left -= leg.durationS;
  }
  const last = legs[legs.length - 1];
  return last ? last.to : { lat: 0, lon: 0 };
}

function round6(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/**
 * Dispatch parameters for the demo: the real defaults' timers divided by the time scale, so the
 * alert time-out and the next wave come at the same moment of the story as in reality.
 */
export function scaledParams(scale: number): { ackTimeoutMs: number; waveDelayMs: number; maxDurationMs: number; liveFixMaxAgeMs: number } {
  const scaled = (ms: number) => Math.max(1000, Math.round(ms / scale));
  return { ackTimeoutMs: scaled(180_000), waveDelayMs: scaled(90_000), maxDurationMs: scaled(45 * 60_000), liveFixMaxAgeMs: scaled(10 * 60_000) };
}

/**
 * The moment of the scenario when the control room starts the dispatch: the first official
 * report of the cardiac arrest (the ambulance's P2000 alert), from the scenario's events file.
 */
export function arrestMoment(events: unknown): string | null {
  if (!Array.isArray(events)) return null;
  for (const event of events) {
    if (typeof event === 'object' && event !== null && (event as { id?: unknown }).id === 'cardiac-arrest') {
      const at = (event as { officialReportAt?: unknown; start?: unknown }).officialReportAt ?? (event as { start?: unknown }).start;
      return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : null;
    }
  }
  return null;
}
