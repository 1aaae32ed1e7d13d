import type { Position } from 'geojson';
import { bboxOf, pointInGeometry, type AreaGeometry } from './geometry.ts';

/**
 * Approximate postcode-4 outlines (docs/decisions/0015-postcode-areas.md): the Voronoi cell of
 * each PC4 centroid among the centroids of the same municipality, intersected with that
 * municipality's outline. Cells of one municipality therefore tile it without gaps or overlaps,
 * and no cell crosses a municipal border.
 *
 * Pure and dependency-free: no Delaunay package is installed, and with at most a few hundred
 * centroids per municipality the direct construction (a cell is the intersection of the
 * half-planes "closer to me than to q") is both simple and exact. Distances are taken in a local
 * equirectangular plane per municipality (x = lon·cos φ₀, y = lat), so bisectors are
 * perpendicular on the ground to well under a degree.
 */

export interface Seed {
  postcode: string;
  lon: number;
  lat: number;
}

type Point = [number, number];

/** Keeps the side of the line through `a` with normal `n` where n·(p − a) ≤ 0. */
interface HalfPlane {
  ax: number;
  ay: number;
  nx: number;
  ny: number;
}

function side(h: HalfPlane, x: number, y: number): number {
  return h.nx * (x - h.ax) + h.ny * (y - h.ay);
}

/**
 * Sutherland–Hodgman: a ring (open, no repeated closing point) clipped by one half-plane. Exact
 * for a convex ring; for a concave ring the result can contain zero-width "bridges" along the
 * clip line where the ring leaves and re-enters, which cover no area and do not change
 * point-in-polygon answers.
 */
export function clipRing(ring: readonly Point[], h: HalfPlane): Point[] {
  const out: Point[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const cur = ring[i]!;
    const prev = ring[(i + n - 1) % n]!;
    const sc = side(h, cur[0], cur[1]);
    const sp = side(h, prev[0], prev[1]);
    if (sc <= 0) {
      if (sp > 0) out.push(crossing(prev, cur, sp, sc));
      out.push(cur);
    } else if (sp <= 0) {
      out.push(crossing(prev, cur, sp, sc));
    }
  }
  return out;
}

function crossing(p: Point, q: Point, sp: number, sq: number): Point {
  const t = sp / (sp - sq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/**
 * A simple ring (open) cut by a half-plane into the simple rings of what lies inside: the inside
 * stretches of the ring ("chains", each from an entry to an exit point on the clip line) are
 * joined along the line, from each exit to the next entry in the ring's direction of travel.
 * Unlike {@link clipRing} this leaves no zero-width bridges when a concave ring falls apart.
 */
export function splitRing(ring: readonly Point[], h: HalfPlane): Point[][] {
  const n = ring.length;
  const s = ring.map((p) => side(h, p[0], p[1]));
  const start = s.findIndex((v) => v > 0);
  if (start < 0) return [[...ring]];
  if (s.every((v) => v > 0)) return [];
  const chains: Point[][] = [];
  let chain: Point[] | null = null;
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    const j = (i + 1) % n;
    if (s[i]! <= 0) chain?.push(ring[i]!);
    if (s[i]! > 0 !== s[j]! > 0) {
      const x = crossing(ring[i]!, ring[j]!, s[i]!, s[j]!);
      if (s[i]! > 0) chain = [x];
      else if (chain) {
        chain.push(x);
        chains.push(chain);
        chain = null;
      }
    }
  }
  if (chains.length <= 1) return chains.filter((c) => c.length >= 3);
  // Position along the clip line, increasing in the direction the result's boundary runs there.
  const dir = signedArea(ring) > 0 ? 1 : -1;
  const along = (p: Point) => dir * (-h.ny * p[0] + h.nx * p[1]);
  const entries = chains.map((c) => along(c[0]!));
  const used = new Array<boolean>(chains.length).fill(false);
  const rings: Point[][] = [];
  for (let first = 0; first < chains.length; first++) {
    if (used[first]) continue;
    const out: Point[] = [];
    let c = first;
    for (let guard = 0; guard <= chains.length; guard++) {
      used[c] = true;
      out.push(...chains[c]!);
      const exit = along(chains[c]![chains[c]!.length - 1]!);
      let next = -1;
      for (let e = 0; e < chains.length; e++) {
        if (entries[e]! < exit || (used[e] && e !== first)) continue;
        if (next < 0 || entries[e]! < entries[next]!) next = e;
      }
      if (next < 0 || next === first) break;
      c = next;
    }
    if (out.length >= 3) rings.push(out);
  }
  return rings;
}

function inPlaneRing(p: Point, ring: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The half-plane of points at least as close to `s` as to `q`. */
function bisector(s: Point, q: Point): HalfPlane {
  return { ax: (s[0] + q[0]) / 2, ay: (s[1] + q[1]) / 2, nx: q[0] - s[0], ny: q[1] - s[1] };
}

function signedArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum / 2;
}

function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Rounds to `decimals`, drops repeated points and closes the ring; null when nothing with surface is left. */
function finishRing(ring: readonly Point[], toLonLat: (p: Point) => Point, decimals: number): Position[] | null {
  const f = 10 ** decimals;
  const out: Position[] = [];
  for (const p of ring) {
    const [lon, lat] = toLonLat(p);
    const q: Position = [Math.round(lon * f) / f, Math.round(lat * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3) return null;
  if (Math.abs(signedArea(out as Point[])) < 1e-12) return null;
  out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

export interface CellOptions {
  /** Coordinate decimals of the output (5 ≈ 1 m). */
  decimals?: number;
}

/**
 * The outlines of the seeds of one municipality. Seeds at the same position share one cell
 * (each gets it). Returns a map from postcode to its outline; a postcode whose cell has no
 * surface left after clipping (possible only for a seed outside the outline) is missing.
 */
export function municipalityCells(outline: AreaGeometry, seeds: readonly Seed[], options: CellOptions = {}): Map<string, AreaGeometry> {
  const decimals = options.decimals ?? 5;
  const box = bboxOf(outline);
  const lat0 = (box[1] + box[3]) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const toPlane = (lon: number, lat: number): Point => [lon * k, lat];
  const toLonLat = (p: Point): Point => [p[0] / k, p[1]];

  const planeSeeds = seeds.map((s) => toPlane(s.lon, s.lat));
  const outlinePolygons = polygonsOf(outline).map((polygon) => polygon.map((ring) => ring.slice(0, -1).map(([lon, lat]) => toPlane(lon!, lat!))));
  // A frame well beyond the outline and every seed, so each cell starts bounded.
  const xs = [box[0] * k, box[2] * k, ...planeSeeds.map((p) => p[0])];
  const ys = [box[1], box[3], ...planeSeeds.map((p) => p[1])];
  const pad = 1;
  const frame: Point[] = [
    [Math.min(...xs) - pad, Math.min(...ys) - pad],
    [Math.max(...xs) + pad, Math.min(...ys) - pad],
    [Math.max(...xs) + pad, Math.max(...ys) + pad],
    [Math.min(...xs) - pad, Math.max(...ys) + pad],
  ];

  const cells = new Map<string, AreaGeometry>();
  for (let i = 0; i < seeds.length; i++) {
    const s = planeSeeds[i]!;
    // The convex Voronoi cell, exact: the frame cut by every bisector.
    let cell: Point[] = frame;
    for (let j = 0; j < seeds.length && cell.length > 0; j++) {
      const q = planeSeeds[j]!;
      if (j === i || (q[0] === s[0] && q[1] === s[1])) continue;
      cell = clipRing(cell, bisector(s, q));
    }
    if (cell.length < 3) continue;
    // The cell's edges as the bisectors they lie on, not as vertex differences: where several
    // seeds are co-circular the cell has edges of length ~1e-17, whose direction is rounding
    // noise and would cut the outline at a random angle. A bisector through a vertex that is not
    // an edge (a vertex of degree four) keeps the whole cell, so clipping by it changes nothing.
    const scale = Math.hypot(frame[2]![0] - frame[0]![0], frame[2]![1] - frame[0]![1]);
    const edges: HalfPlane[] = [];
    for (let j = 0; j < seeds.length; j++) {
      const q = planeSeeds[j]!;
      if (j === i || (q[0] === s[0] && q[1] === s[1])) continue;
      const h = bisector(s, q);
      const tolerance = 1e-9 * scale * Math.hypot(h.nx, h.ny);
      if (cell.some((p) => Math.abs(side(h, p[0], p[1])) <= tolerance)) edges.push(h);
    }
    // The municipality outline cut by the cell's edges; a concave outline can fall apart into
    // several pieces (a cell across a bay or a river mouth), each its own polygon.
    const polygons: Position[][][] = [];
    for (const polygon of outlinePolygons) {
      let outers: Point[][] = [polygon[0]!];
      let holes: Point[][] = polygon.slice(1);
      for (const edge of edges) {
        outers = outers.flatMap((r) => splitRing(r, edge));
        holes = holes.flatMap((r) => splitRing(r, edge));
        if (outers.length === 0) break;
      }
      const pieces = outers.map((r) => ({ ring: r, holes: [] as Point[][] }));
      for (const hole of holes) pieces.find((p) => hole.some((v) => inPlaneRing(v, p.ring)))?.holes.push(hole);
      for (const piece of pieces) {
        const outer = finishRing(piece.ring, toLonLat, decimals);
        if (!outer) continue;
        const rings = [outer];
        for (const hole of piece.holes) {
          const finished = finishRing(hole, toLonLat, decimals);
          if (finished) rings.push(finished);
        }
        polygons.push(rings);
      }
    }
    if (polygons.length === 0) continue;
    cells.set(seeds[i]!.postcode, polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons });
  }
  return cells;
}

/** Is the seed inside the outline it was given (the build reports the ones that are not)? */
export function seedInside(seed: Seed, outline: AreaGeometry): boolean {
  return pointInGeometry(seed.lon, seed.lat, outline);
}
