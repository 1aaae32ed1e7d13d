import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Plain geometry for targeting (SPEC S2): bounding boxes, point in polygon, the distance from a
 * point to an outline in metres, and whether a circle touches an outline. Circles are tested
 * exactly (centre inside, or the outline within the radius) instead of as 64-gons, which is both
 * faster and more precise than turning every subscriber's circle into a polygon first.
 */
export type AreaGeometry = Polygon | MultiPolygon;

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function bboxOf(geometry: AreaGeometry): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon! < minLon) minLon = lon!;
      if (lon! > maxLon) maxLon = lon!;
      if (lat! < minLat) minLat = lat!;
      if (lat! > maxLat) maxLat = lat!;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

/** The bounding box of a circle (radius in metres), slightly generous at the poles' side. */
export function circleBBox(lat: number, lon: number, radiusM: number): BBox {
  const dLat = radiusM / (EARTH_RADIUS_M * RAD);
  const cos = Math.max(0.01, Math.cos(Math.min(89, Math.abs(lat) + dLat) * RAD));
  const dLon = dLat / cos;
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

export function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function inRing(lon: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Ray casting; holes count as outside. Points exactly on an edge may go either way. */
export function pointInGeometry(lon: number, lat: number, geometry: AreaGeometry): boolean {
  for (const polygon of polygonsOf(geometry)) {
    if (polygon.length === 0 || !inRing(lon, lat, polygon[0]!)) continue;
    let inHole = false;
    for (let h = 1; h < polygon.length; h++) if (inRing(lon, lat, polygon[h]!)) inHole = true;
    if (!inHole) return true;
  }
  return false;
}

/**
 * The shortest distance in metres from a point to any edge of the outline (holes included), in a
 * local equirectangular projection around the point: within a few tens of kilometres, which is
 * what subscriber circles span, the error is far below a metre per kilometre.
 */
export function distanceToOutlineM(lon: number, lat: number, geometry: AreaGeometry): number {
  const kx = Math.cos(lat * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  let best = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1]![0]! - lon) * kx;
        const ay = (ring[i - 1]![1]! - lat) * ky;
        const bx = (ring[i]![0]! - lon) * kx;
        const by = (ring[i]![1]! - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSq = dx * dx + dy * dy;
        const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
        const px = ax + t * dx;
        const py = ay + t * dy;
        const d = px * px + py * py;
        if (d < best) best = d;
      }
    }
  }
  return Math.sqrt(best);
}

/** Does a circle (centre, radius in metres) share any point with the outline? */
export function circleIntersects(lat: number, lon: number, radiusM: number, geometry: AreaGeometry): boolean {
  if (pointInGeometry(lon, lat, geometry)) return true;
  return distanceToOutlineM(lon, lat, geometry) <= radiusM;
}

function segmentsCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  return (d1 === 0 && on(cx, cy, dx, dy, ax, ay)) || (d2 === 0 && on(cx, cy, dx, dy, bx, by)) || (d3 === 0 && on(ax, ay, bx, by, cx, cy)) || (d4 === 0 && on(ax, ay, bx, by, dx, dy));
}

function anyVertexInside(a: AreaGeometry, b: AreaGeometry): boolean {
  for (const polygon of polygonsOf(a)) for (const ring of polygon) for (const p of ring) if (pointInGeometry(p[0]!, p[1]!, b)) return true;
  return false;
}

function boundariesCross(a: AreaGeometry, b: AreaGeometry, overlap: BBox): boolean {
  const edgesOf = (g: AreaGeometry) => {
    const edges: number[] = [];
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        for (let i = 1; i < ring.length; i++) {
          const ax = ring[i - 1]![0]!;
          const ay = ring[i - 1]![1]!;
          const bx = ring[i]![0]!;
          const by = ring[i]![1]!;
          // Only edges that reach into the common box can cross an edge of the other outline.
          if (Math.max(ax, bx) < overlap[0] || Math.min(ax, bx) > overlap[2] || Math.max(ay, by) < overlap[1] || Math.min(ay, by) > overlap[3]) continue;
          edges.push(ax, ay, bx, by);
        }
      }
    }
    return edges;
  };
  const ea = edgesOf(a);
  const eb = edgesOf(b);
  for (let i = 0; i < ea.length; i += 4) {
    for (let j = 0; j < eb.length; j += 4) {
      if (segmentsCross(ea[i]!, ea[i + 1]!, ea[i + 2]!, ea[i + 3]!, eb[j]!, eb[j + 1]!, eb[j + 2]!, eb[j + 3]!)) return true;
    }
  }
  return false;
}

/**
 * Do two outlines share any point? Exactly: one holds a vertex of the other, or their boundaries
 * cross (holes included). Cheaper than turf's general predicate for the many small areas matched
 * against one target; the property tests compare the two.
 */
export function geometriesIntersect(a: AreaGeometry, b: AreaGeometry, aBox: BBox = bboxOf(a), bBox: BBox = bboxOf(b)): boolean {
  if (!bboxesOverlap(aBox, bBox)) return false;
  if (anyVertexInside(a, b) || anyVertexInside(b, a)) return true;
  const overlap: BBox = [Math.max(aBox[0], bBox[0]), Math.max(aBox[1], bBox[1]), Math.min(aBox[2], bBox[2]), Math.min(aBox[3], bBox[3])];
  return boundariesCross(a, b, overlap);
}

/** A vertex nearer than this to the other outline counts as on it (shared borders, rounding). */
const ON_OUTLINE_M = 0.5;
/** Samples per side of the common box when no vertex decides (1,024 points). */
const OVERLAP_GRID = 32;

function anyVertexDeepInside(a: AreaGeometry, b: AreaGeometry): boolean {
  for (const polygon of polygonsOf(a)) {
    for (const ring of polygon) {
      for (const p of ring) if (pointInGeometry(p[0]!, p[1]!, b) && distanceToOutlineM(p[0]!, p[1]!, b) > ON_OUTLINE_M) return true;
    }
  }
  return false;
}

/**
 * Do two areas overlap — share more than a border? This is what targeting means: a subscriber of
 * Nieuwegein is not reached by a message for Utrecht because the two municipalities touch (their
 * CBS outlines share every border vertex exactly, as do neighbouring postcode areas). True when
 * a vertex of one lies inside the other by more than half a metre, or when a grid of sample
 * points over the common box (boundaries that cross without a vertex inside, like a plus sign)
 * finds a point inside both; an overlap thinner than the grid's spacing (1/32 of the common box)
 * and holding no vertex is not found.
 */
export function geometriesOverlap(a: AreaGeometry, b: AreaGeometry, aBox: BBox = bboxOf(a), bBox: BBox = bboxOf(b)): boolean {
  if (!geometriesIntersect(a, b, aBox, bBox)) return false;
  if (anyVertexDeepInside(a, b) || anyVertexDeepInside(b, a)) return true;
  const [minX, minY, maxX, maxY] = [Math.max(aBox[0], bBox[0]), Math.max(aBox[1], bBox[1]), Math.min(aBox[2], bBox[2]), Math.min(aBox[3], bBox[3])];
  const w = (maxX - minX) / OVERLAP_GRID;
  const h = (maxY - minY) / OVERLAP_GRID;
  for (let i = 0; i < OVERLAP_GRID; i++) {
    for (let j = 0; j < OVERLAP_GRID; j++) {
      const x = minX + (i + 0.5) * w;
      const y = minY + (j + 0.5) * h;
      if (pointInGeometry(x, y, a) && pointInGeometry(x, y, b)) return true;
    }
  }
  return false;
}

/** Haversine distance in metres. */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
