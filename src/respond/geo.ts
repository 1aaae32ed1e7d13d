/** A WGS84 point. Longitude first, as in GeoJSON and PostGIS. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Mean Earth radius (IUGG), the sphere every distance in this module is measured on. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres (haversine). Over the ≤ 1 km of a dispatch the sphere differs
 * from PostGIS's spheroid by under 0.5 %, far below the precision of a geocoded address.
 */
export function distanceM(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `metres` away from `from` in direction `bearingDeg` (0 = north, 90 = east). */
export function destination(from: LonLat, metres: number, bearingDeg: number): LonLat {
  const delta = metres / EARTH_RADIUS_M;
  const theta = bearingDeg * RAD;
  const lat1 = from.lat * RAD;
  const lon1 = from.lon * RAD;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(theta));
  const lon2 = lon1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(lat1), Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2));
  return { lon: lon2 / RAD, lat: lat2 / RAD };
}

/** Degrees of latitude and longitude that certainly contain a circle of `metres` around `at`. */
export function boundingDegrees(at: LonLat, metres: number): { dLat: number; dLon: number } {
  const dLat = metres / (EARTH_RADIUS_M * RAD);
  const farLat = Math.min(89.9, Math.abs(at.lat) + dLat);
  return { dLat, dLon: dLat / Math.cos(farLat * RAD) };
}

/** True for coordinates on Earth (not NaN, in range). */
export function isLonLat(p: LonLat): boolean {
  return Number.isFinite(p.lon) && Number.isFinite(p.lat) && p.lon >= -180 && p.lon <= 180 && p.lat >= -90 && p.lat <= 90;
}
