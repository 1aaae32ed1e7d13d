import type { DispatchParams } from './params.ts';

/**
 * Walking (or running) time estimate in seconds for a straight-line distance: the distance times a
 * route factor (streets are not straight) divided by a speed. Both are parameters, not a street
 * network: at ≤ 1 km the error of a geocoded address and of the volunteer's position is of the same
 * order as the difference a router would make, and the estimate must cost nanoseconds because it is
 * computed for every candidate and AED of every wave.
 */
export function walkingSeconds(straightLineM: number, params: Pick<DispatchParams, 'walkingSpeedMps' | 'routeFactor'>): number {
  return (straightLineM * params.routeFactor) / params.walkingSpeedMps;
}
