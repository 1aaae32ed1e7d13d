/** A WGS 84 point. CAP writes "lat,lon" — the reverse of GeoJSON. */
export interface LatLon {
  lat: number;
  lon: number;
}

export interface CapCircle {
  center: LatLon;
  radiusKm: number;
}

const MAX_POINTS = 10_000;

/**
 * A CAP polygon: at least four "lat,lon" pairs separated by whitespace, the first equal to the
 * last (CAP 1.2 §3.2.4). Self-intersection is not checked: a centroid is all Waakzaam needs.
 */
export function parsePolygon(text: string): { ok: true; points: LatLon[] } | { ok: false; reason: string } {
  const pairs = text.trim().split(/\s+/).filter((p) => p !== '');
  if (pairs.length > MAX_POINTS) return { ok: false, reason: `more than ${MAX_POINTS} points` };
  const points: LatLon[] = [];
  for (const pair of pairs) {
    const point = parsePoint(pair);
    if (!point) return { ok: false, reason: `"${pair.slice(0, 40)}" is not a lat,lon pair` };
    points.push(point);
  }
  if (points.length < 4) return { ok: false, reason: `a polygon needs at least 4 points, found ${points.length}` };
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (first.lat !== last.lat || first.lon !== last.lon) return { ok: false, reason: 'the first and last points differ (the polygon is not closed)' };
  return { ok: true, points };
}

/** A CAP circle: "lat,lon radius", the radius in kilometres. */
export function parseCircle(text: string): { ok: true; circle: CapCircle } | { ok: false; reason: string } {
  const parts = text.trim().split(/\s+/);
  const center = parts.length === 2 ? parsePoint(parts[0]!) : null;
  const radiusKm = parts.length === 2 ? Number(parts[1]) : Number.NaN;
  if (!center || !/^[+]?\d+(\.\d*)?$/.test(parts[1] ?? '') || !Number.isFinite(radiusKm)) return { ok: false, reason: `"${text.trim().slice(0, 60)}" is not "lat,lon radius"` };
  return { ok: true, circle: { center, radiusKm } };
}

function parsePoint(pair: string): LatLon | null {
  const m = /^([+-]?\d{1,3}(?:\.\d+)?),([+-]?\d{1,3}(?:\.\d+)?)$/.exec(pair);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

/**
 * The area-weighted centroid of a closed ring, computed in the lat/lon plane (fine for the areas
 * of an alert; a ring across the antimeridian is not handled). A degenerate ring (no area) gives
 * the mean of its distinct points.
 */
export function polygonCentroid(points: readonly LatLon[]): LatLon {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const cross = a.lon * b.lat - b.lon * a.lat;
    twiceArea += cross;
    cx += (a.lon + b.lon) * cross;
    cy += (a.lat + b.lat) * cross;
  }
  if (Math.abs(twiceArea) < 1e-12) {
    const ring = points.slice(0, -1);
    return { lat: mean(ring.map((p) => p.lat)), lon: mean(ring.map((p) => p.lon)) };
  }
  return { lat: cy / (3 * twiceArea), lon: cx / (3 * twiceArea) };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
