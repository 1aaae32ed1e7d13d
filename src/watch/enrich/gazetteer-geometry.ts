/**
 * Plane geometry on GeoJSON outlines, enough to build the gazetteer: the centroid of a
 * municipality's outline and which municipality a point lies in. Coordinates are [lon, lat];
 * at the scale of a municipality the earth is flat enough, and a centroid is invariant under the
 * affine stretch that degrees of longitude would need.
 */
export type Ring = readonly (readonly number[])[];
export type PolygonCoords = readonly Ring[];

export type OutlineGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: readonly PolygonCoords[] };

function polygons(geometry: OutlineGeometry): readonly PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Signed area (shoelace) and the first moments of a closed ring. */
function ringMoments(ring: Ring): { area: number; mx: number; my: number } {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j]!;
    const [x1 = 0, y1 = 0] = ring[i]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    mx += (x0 + x1) * cross;
    my += (y0 + y1) * cross;
  }
  return { area: area / 2, mx: mx / 6, my: my / 6 };
}

/**
 * The area-weighted centroid of an outline (holes subtracted), as `{ lat, lon }`. Orientation
 * of the rings does not matter: outer rings count positive and holes negative whichever way
 * the source wound them.
 */
export function outlineCentroid(geometry: OutlineGeometry): { lat: number; lon: number } {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const polygon of polygons(geometry)) {
    polygon.forEach((ring, index) => {
      const m = ringMoments(ring);
      // Normalise each ring's sign: outer positive, holes negative.
      const sign = (m.area >= 0 ? 1 : -1) * (index === 0 ? 1 : -1);
      area += sign * m.area;
      mx += sign * m.mx;
      my += sign * m.my;
    });
  }
  if (area === 0) throw new Error('outline has no area');
  return { lon: mx / area, lat: my / area };
}

function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd point-in-polygon test over all polygons and their holes. */
export function outlineContains(geometry: OutlineGeometry, lat: number, lon: number): boolean {
  for (const polygon of polygons(geometry)) {
    const [outer, ...holes] = polygon;
    if (outer === undefined || !inRing(outer, lon, lat)) continue;
    if (!holes.some((hole) => inRing(hole, lon, lat))) return true;
  }
  return false;
}
