import { distanceM, type LonLat } from './geo.ts';
import type { DispatchParams } from './params.ts';
import { walkingSeconds } from './walking.ts';
import { inRanges, windowRanges, type LocalMoment, type WeeklyWindow } from './weekly.ts';

/**
 * The dispatch decision of anchors §3.4, as pure functions: volunteers and AEDs in, who is alerted
 * with which role and AED out. No store, no clock, no index: the spatial index only narrows the
 * volunteers handed in, and the service persists what comes out.
 */

/** What the decision needs to know of a volunteer. */
export interface VolunteerPositions {
  id: string;
  /** Last day (Dutch local date, YYYY-MM-DD) the qualification is valid; null when there is none. */
  qualifiedUntil: string | null;
  /** Epoch ms until which the volunteer signed off; null when available. */
  snoozedUntil: number | null;
  /** Last location from the responder app, with its time (epoch ms). */
  live: (LonLat & { at: number }) | null;
  /** Registered addresses (home, work, …), each with the weekly windows it is used in (null = always). */
  addresses: readonly (LonLat & { windows: readonly WeeklyWindow[] | null })[];
}

export type PositionSource = 'live' | 'address';

export interface Candidate {
  volunteerId: string;
  point: LonLat;
  source: PositionSource;
  /** Index in `addresses` when the source is an address. */
  addressIndex: number | null;
  distanceM: number;
}

/** Inclusive like PostGIS ST_DWithin; the micrometre absorbs floating-point rounding at the edge. */
const EDGE_M = 1e-6;

/** Why a volunteer is not a candidate at this moment, or null when they are available at all. */
export function unavailableReason(v: VolunteerPositions, moment: LocalMoment): 'unqualified' | 'snoozed' | null {
  if (v.qualifiedUntil === null || v.qualifiedUntil < moment.localDate) return 'unqualified';
  if (v.snoozedUntil !== null && v.snoozedUntil > moment.now) return 'snoozed';
  return null;
}

/**
 * Step 1 for one volunteer: the live fix when fresh, else the nearest registered address whose
 * window covers the moment; null when none is within `radiusM` of the victim. A fresh live fix
 * outside the radius excludes the volunteer even when their home is near: they are elsewhere.
 */
export function positionOf(v: VolunteerPositions, victim: LonLat, moment: LocalMoment, params: Pick<DispatchParams, 'liveFixMaxAgeMs'>, radiusM: number): Candidate | null {
  if (unavailableReason(v, moment) !== null) return null;
  if (v.live && moment.now - v.live.at <= params.liveFixMaxAgeMs && v.live.at <= moment.now + 60_000) {
    const d = distanceM(v.live, victim);
    return d <= radiusM + EDGE_M ? { volunteerId: v.id, point: { lon: v.live.lon, lat: v.live.lat }, source: 'live', addressIndex: null, distanceM: d } : null;
  }
  let best: Candidate | null = null;
  for (let i = 0; i < v.addresses.length; i++) {
    const address = v.addresses[i]!;
    if (address.windows !== null && !inRanges(windowRanges(address.windows), moment.weekMinute)) continue;
    const d = distanceM(address, victim);
    if (d <= radiusM + EDGE_M && (best === null || d < best.distanceM)) {
      best = { volunteerId: v.id, point: { lon: address.lon, lat: address.lat }, source: 'address', addressIndex: i, distanceM: d };
    }
  }
  return best;
}

/**
 * Steps 1–2: available volunteers within the radius, each once at their nearest usable position,
 * not in `exclude` (already alerted in this dispatch, or busy on another), nearest first, at most
 * `limit`. Ties are broken by id so that the same input always gives the same alerts.
 *
 * When the volunteers come nearest first with `nearestM` (the spatial index gives them so; it is
 * at most the distance of any position in range), the scan stops as soon as `limit` candidates are
 * strictly nearer than the next volunteer could be: no later one can displace them.
 */
export function selectCandidates(
  volunteers: Iterable<VolunteerPositions & { nearestM?: number }>,
  victim: LonLat,
  moment: LocalMoment,
  params: Pick<DispatchParams, 'liveFixMaxAgeMs'>,
  radiusM: number,
  limit: number,
  exclude: ReadonlySet<string> = new Set(),
): Candidate[] {
  if (limit <= 0) return [];
  const seen = new Set<string>();
  let found: Candidate[] = [];
  let sorted = false;
  for (const v of volunteers) {
    if (v.nearestM !== undefined && found.length >= limit) {
      if (!sorted) {
        found = sortCandidates(found).slice(0, limit);
        sorted = true;
      }
      if (found[limit - 1]!.distanceM < v.nearestM) break;
    }
    if (exclude.has(v.id) || seen.has(v.id)) continue;
    seen.add(v.id);
    const candidate = positionOf(v, victim, moment, params, radiusM);
    if (candidate) {
      found.push(candidate);
      sorted = false;
    }
  }
  sortCandidates(found);
  return found.length > limit ? found.slice(0, limit) : found;
}

function sortCandidates(found: Candidate[]): Candidate[] {
  return found.sort((a, b) => a.distanceM - b.distanceM || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0));
}

/** What the decision needs to know of an AED. */
export interface AedInfo extends LonLat {
  id: string;
  /** Set by the owner or an administrator; inactive AEDs are never used. */
  active: boolean;
  /** Expiry dates (YYYY-MM-DD) of pads and battery; the AED is switched off from the day after. */
  padsExpire: string | null;
  batteryExpires: string | null;
  /** When it can be reached (null = 24/7). */
  availability: readonly WeeklyWindow[] | null;
}

export type AedUnusable = 'inactive' | 'pads_expired' | 'battery_expired' | 'closed';

/**
 * Whether an AED can be used now. Expiry is computed here, at dispatch time, rather than by a
 * nightly job: the AED is off from the first day after its pads or battery expire, with no window
 * in which a job has not yet run.
 */
export function aedUnusable(aed: AedInfo, moment: LocalMoment): AedUnusable | null {
  if (!aed.active) return 'inactive';
  if (aed.padsExpire !== null && aed.padsExpire < moment.localDate) return 'pads_expired';
  if (aed.batteryExpires !== null && aed.batteryExpires < moment.localDate) return 'battery_expired';
  if (aed.availability !== null && !inRanges(windowRanges(aed.availability), moment.weekMinute)) return 'closed';
  return null;
}

export interface ChosenAed {
  id: string;
  point: LonLat;
  /** Straight-line distance to the victim, metres. */
  distanceM: number;
}

/** Step 3: the `aedCount` usable AEDs nearest the victim, within `radiusM` of it. */
export function selectAeds(aeds: Iterable<AedInfo>, victim: LonLat, moment: LocalMoment, params: Pick<DispatchParams, 'aedCount'>, radiusM: number): ChosenAed[] {
  const usable: ChosenAed[] = [];
  for (const aed of aeds) {
    if (aedUnusable(aed, moment) !== null) continue;
    const d = distanceM(aed, victim);
    if (d <= radiusM + EDGE_M) usable.push({ id: aed.id, point: { lon: aed.lon, lat: aed.lat }, distanceM: d });
  }
  usable.sort((a, b) => a.distanceM - b.distanceM || (a.id < b.id ? -1 : 1));
  return usable.slice(0, params.aedCount);
}

export type Role = 'direct' | 'via_aed';

export interface Assignment {
  volunteerId: string;
  role: Role;
  aedId: string | null;
  source: PositionSource;
  /** Straight-line distance volunteer → victim, metres. */
  distanceM: number;
  /** Straight-line length of the assigned route (via the AED when fetching), metres. */
  routeM: number;
  /** Estimated time to the victim along the assigned route, seconds (walking.ts). */
  etaS: number;
}

/** What earlier waves of the same dispatch already committed (counts of active responders). */
export interface EarlierWaves {
  direct: number;
  via: number;
  fetchersPerAed: ReadonlyMap<string, number>;
}

const NO_EARLIER: EarlierWaves = { direct: 0, via: 0, fetchersPerAed: new Map() };

interface Option {
  aed: ChosenAed;
  /** d(c, a) + d(a, V). */
  routeM: number;
}

/**
 * Steps 4–5: roles and AEDs for the candidates of one wave.
 * 4. A candidate may fetch an AED within `aedRadiusM` of them; the natural role is via the AED with
 *    the shortest route when that route is at most `detourTolerance` longer than going direct.
 * 5. With `rebalance`, roles move toward `directShare` direct (counting earlier waves): when too
 *    few go direct, the fetchers nearest the victim go direct instead (the nearest start CPR);
 *    when too few fetch, the direct volunteers within an AED's circle with the smallest detour
 *    fetch instead. No AED gets more than `maxFetchersPerAed` fetchers; a candidate whose AEDs are
 *    all taken goes direct. With no usable AED everyone goes direct.
 */
export function assignRoles(candidates: readonly Candidate[], aeds: readonly ChosenAed[], params: DispatchParams, earlier: EarlierWaves = NO_EARLIER): Assignment[] {
  const options: Option[][] = candidates.map((c) =>
    aeds
      .filter((a) => distanceM(c.point, a.point) <= params.aedRadiusM + EDGE_M)
      .map((a) => ({ aed: a, routeM: distanceM(c.point, a.point) + a.distanceM }))
      .sort((x, y) => x.routeM - y.routeM || (x.aed.id < y.aed.id ? -1 : 1)),
  );
  const load = new Map(earlier.fetchersPerAed);
  const chosen: (Option | null)[] = candidates.map(() => null);
  const take = (i: number, acceptable: (o: Option) => boolean): boolean => {
    for (const option of options[i]!) {
      if ((load.get(option.aed.id) ?? 0) >= params.maxFetchersPerAed || !acceptable(option)) continue;
      chosen[i] = option;
      load.set(option.aed.id, (load.get(option.aed.id) ?? 0) + 1);
      return true;
    }
    return false;
  };
  const release = (i: number) => {
    const option = chosen[i]!;
    load.set(option.aed.id, load.get(option.aed.id)! - 1);
    chosen[i] = null;
  };
  const withinTolerance = (i: number) => (o: Option) => o.routeM <= (1 + params.detourTolerance) * candidates[i]!.distanceM + EDGE_M;

  // Step 4, in order of distance so that the nearest get the first pick of AED capacity.
  for (let i = 0; i < candidates.length; i++) take(i, withinTolerance(i));

  if (params.rebalance && candidates.length > 0) {
    const total = earlier.direct + earlier.via + candidates.length;
    const targetDirect = Math.round(total * params.directShare);
    let direct = earlier.direct + chosen.filter((o) => o === null).length;
    // Too few direct: the fetchers nearest the victim go direct.
    for (let i = 0; i < candidates.length && direct < targetDirect; i++) {
      if (chosen[i] === null) continue;
      release(i);
      direct += 1;
    }
    // Too few fetchers: direct candidates within an AED circle, smallest detour first.
    if (direct > targetDirect) {
      const order = candidates
        .map((c, i) => ({ i, detour: options[i]!.length > 0 ? options[i]![0]!.routeM / Math.max(c.distanceM, 1) : Infinity }))
        .filter(({ i, detour }) => chosen[i] === null && detour !== Infinity)
        .sort((a, b) => a.detour - b.detour || b.i - a.i);
      for (const { i } of order) {
        if (direct <= targetDirect) break;
        if (take(i, () => true)) direct -= 1;
      }
    }
  }

  return candidates.map((c, i) => {
    const option = chosen[i];
    const routeM = option ? option.routeM : c.distanceM;
    return {
      volunteerId: c.volunteerId,
      role: option ? 'via_aed' : 'direct',
      aedId: option ? option.aed.id : null,
      source: c.source,
      distanceM: c.distanceM,
      routeM,
      etaS: walkingSeconds(routeM, params),
    };
  });
}

export interface WaveInput {
  victim: LonLat;
  moment: LocalMoment;
  params: DispatchParams;
  radiusM: number;
  /** Volunteers to consider (the spatial index's superset, or everyone in tests). */
  volunteers: Iterable<VolunteerPositions>;
  aeds: Iterable<AedInfo>;
  /** Volunteers already alerted in this dispatch or busy on another. */
  exclude?: ReadonlySet<string>;
  earlier?: EarlierWaves;
}

export interface WaveDecision {
  candidates: Candidate[];
  aeds: ChosenAed[];
  assignments: Assignment[];
}

/** One wave's whole decision: candidates, AEDs, roles (steps 1–5 of §3.4). */
export function decideWave(input: WaveInput): WaveDecision {
  const { victim, moment, params, radiusM } = input;
  const candidates = selectCandidates(input.volunteers, victim, moment, params, radiusM, params.maxVolunteers, input.exclude);
  const aeds = selectAeds(input.aeds, victim, moment, params, params.maxRadiusM);
  return { candidates, aeds, assignments: assignRoles(candidates, aeds, params, input.earlier) };
}
