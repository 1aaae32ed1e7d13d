import type { AedInfo, VolunteerPositions } from '#respond/dispatch.ts';
import { destination, type LonLat } from '#respond/geo.ts';
import { localMoment, type LocalMoment } from '#respond/weekly.ts';

/** The victim of the unit tests: Utrecht, Jaarbeursplein. */
export const VICTIM: LonLat = { lon: 5.1115, lat: 52.0894 };

/** Wednesday 2026-07-08 20:00 in Utrecht (18:00 UTC, summer time). */
export const WEDNESDAY_EVENING = new Date('2026-07-08T18:00:00.000Z');
export const MOMENT: LocalMoment = localMoment(WEDNESDAY_EVENING);

/** A point `metres` from the victim in direction `bearing`. */
export function at(metres: number, bearing = 0, from: LonLat = VICTIM): LonLat {
  return destination(from, metres, bearing);
}

let counter = 0;

/** A qualified, available volunteer with one always-valid address; override anything. */
export function buildVolunteer(overrides: Partial<VolunteerPositions> & { home?: LonLat } = {}): VolunteerPositions {
  const { home, ...rest } = overrides;
  return {
    id: `v${String(++counter).padStart(5, '0')}`,
    qualifiedUntil: '2027-12-31',
    snoozedUntil: null,
    live: null,
    addresses: [{ ...(home ?? at(300)), windows: null }],
    ...rest,
  };
}

export function buildAed(overrides: Partial<AedInfo> & { point?: LonLat } = {}): AedInfo {
  const { point, ...rest } = overrides;
  return { id: `a${String(++counter).padStart(5, '0')}`, ...(point ?? at(100, 90)), active: true, padsExpire: null, batteryExpires: null, availability: null, ...rest };
}
