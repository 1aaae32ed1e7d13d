import { cellToBoundary, cellToLatLng, gridDistance, latLngToCell } from 'h3-js';

/** The H3 cell of a point at `resolution` (7 ≈ 5 km², 8 ≈ 0.7 km²). */
export function cellOf(lat: number, lon: number, resolution: number): string {
  return latLngToCell(lat, lon, resolution);
}

/** Grid steps between two cells of one resolution; Infinity when H3 cannot tell (far apart, across a pentagon). */
export function cellDistance(a: string, b: string): number {
  if (a === b) return 0;
  try {
    return gridDistance(a, b);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Centre and outline of a cell for the map: `{ lat, lon }` and a closed GeoJSON ring of [lon, lat]. */
export function cellGeometry(cell: string): { centre: { lat: number; lon: number }; boundary: [number, number][] } {
  const [lat, lon] = cellToLatLng(cell);
  const ring = cellToBoundary(cell, true) as [number, number][];
  return { centre: { lat: round(lat), lon: round(lon) }, boundary: ring.map(([x, y]) => [round(x), round(y)]) };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
