import { z } from 'zod';

/**
 * Every parameter of a dispatch (anchors §3.4; the defaults are HartslagNu's where it publishes
 * them). A dispatch stores the parameters it ran with, so its evaluation stays explainable after
 * the defaults change. A control room may override any of them per dispatch.
 */
export interface DispatchParams {
  /** Search radius of the first wave, metres (HartslagNu: 1,000). */
  radiusM: number;
  /** Radius added per further wave, metres (0: later waves reach further down the same list). */
  radiusStepM: number;
  /** Hard cap on the radius of any wave, metres; never above 1,000. */
  maxRadiusM: number;
  /** Most volunteers alerted per wave, the nearest first (HartslagNu: 30). */
  maxVolunteers: number;
  /** A volunteer within this distance of an AED may be sent to fetch it (HartslagNu: 500 m). */
  aedRadiusM: number;
  /** How many AEDs, the nearest to the victim, are used (HartslagNu: 3). */
  aedCount: number;
  /** Target share of volunteers sent straight to the victim (HartslagNu: 1/3; the rest fetch an AED). */
  directShare: number;
  /** Via the AED when that route is at most this much longer than the direct one (HartslagNu: 5 %). */
  detourTolerance: number;
  /** Move roles toward the target split after the detour rule (step 5 of §3.4). */
  rebalance: boolean;
  /** Most volunteers sent to fetch one AED. */
  maxFetchersPerAed: number;
  /** A live location older than this counts as stale; the registered addresses are used instead. */
  liveFixMaxAgeMs: number;
  /** How long an alert waits for an answer before it times out. */
  ackTimeoutMs: number;
  /** Time between waves: after it, a further wave goes out when fewer than `targetAccepted` accepted. */
  waveDelayMs: number;
  /** Accepted responders wanted; fewer after `waveDelayMs` start the next wave. */
  targetAccepted: number;
  /** Most waves of one dispatch. */
  maxWaves: number;
  /** The dispatch closes itself after this long (the ambulance has long arrived by then). */
  maxDurationMs: number;
  /** Walking speed for time estimates, m/s (GPS tracks of Swedish responders: median 2.3, 1.8 in dense areas). */
  walkingSpeedMps: number;
  /** Route length over straight-line distance, for time estimates (streets are not straight). */
  routeFactor: number;
}

/** The hard limit of the specification (SPEC R2): no volunteer is alerted from further than 1 km. */
export const MAX_RADIUS_M = 1000;

export const DEFAULT_DISPATCH_PARAMS: DispatchParams = {
  radiusM: 1000,
  radiusStepM: 0,
  maxRadiusM: 1000,
  maxVolunteers: 30,
  aedRadiusM: 500,
  aedCount: 3,
  directShare: 1 / 3,
  detourTolerance: 0.05,
  rebalance: true,
  maxFetchersPerAed: 3,
  liveFixMaxAgeMs: 10 * 60_000,
  ackTimeoutMs: 3 * 60_000,
  waveDelayMs: 90_000,
  targetAccepted: 6,
  maxWaves: 3,
  maxDurationMs: 45 * 60_000,
  walkingSpeedMps: 2.0,
  routeFactor: 1.3,
};

const metres = z.number().min(0).max(MAX_RADIUS_M);
const duration = (max: number) => z.number().int().min(1000).max(max);

/** Per-dispatch overrides as the API accepts them; every field optional and bounded. */
export const dispatchParamsSchema = z
  .object({
    radiusM: metres.min(10),
    radiusStepM: metres,
    maxRadiusM: metres.min(10),
    maxVolunteers: z.number().int().min(1).max(500),
    aedRadiusM: metres,
    aedCount: z.number().int().min(0).max(20),
    directShare: z.number().min(0).max(1),
    detourTolerance: z.number().min(0).max(1),
    rebalance: z.boolean(),
    maxFetchersPerAed: z.number().int().min(1).max(100),
    liveFixMaxAgeMs: duration(24 * 3_600_000),
    ackTimeoutMs: duration(3_600_000),
    waveDelayMs: duration(3_600_000),
    targetAccepted: z.number().int().min(1).max(500),
    maxWaves: z.number().int().min(1).max(20),
    maxDurationMs: duration(24 * 3_600_000),
    walkingSpeedMps: z.number().min(0.5).max(10),
    routeFactor: z.number().min(1).max(3),
  })
  .partial()
  .strict();

export type DispatchParamsOverrides = z.infer<typeof dispatchParamsSchema>;

/** Defaults with overrides applied; the first wave's radius never exceeds the cap. */
export function resolveParams(overrides: DispatchParamsOverrides = {}, defaults: DispatchParams = DEFAULT_DISPATCH_PARAMS): DispatchParams {
  const params = { ...defaults, ...overrides };
  params.maxRadiusM = Math.min(params.maxRadiusM, MAX_RADIUS_M);
  params.radiusM = Math.min(params.radiusM, params.maxRadiusM);
  return params;
}

/** The radius of wave `wave` (1-based). */
export function waveRadius(params: DispatchParams, wave: number): number {
  return Math.min(params.maxRadiusM, params.radiusM + (wave - 1) * params.radiusStepM);
}
