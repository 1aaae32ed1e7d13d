import circle from '@turf/circle';
import type { Position } from 'geojson';
import { z } from 'zod';
import { invalid } from '#core/errors.ts';
import { bboxOf, circleBBox, type AreaGeometry, type BBox } from './geometry.ts';
import type { Municipalities } from './municipalities.ts';
import { bundledPostcodeAreas, type PostcodeAreas } from './postcode-areas.ts';

/**
 * Areas as staff and citizens give them (SPEC S2, S5): a drawn polygon, a circle, a municipality
 * (CBS code) or a postcode-4 area. Every kind resolves to an outline (what the channels and CAP
 * see) and to a compact shape (what the subscription index matches on).
 */
export const MAX_POLYGON_VERTICES = 1000;
export const MIN_RADIUS_M = 10;
export const MAX_RADIUS_M = 100_000;
/** Vertices of the polygon that stands for a circle in CAP and on maps (the matching uses the true circle). */
const CIRCLE_STEPS = 64;

const description = z.string().trim().min(1).max(200).optional();
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const areaInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('polygon'),
    /** GeoJSON Polygon coordinates: an outer ring and optional holes, positions as [lon, lat]. */
    coordinates: z.array(z.array(z.tuple([lon, lat])).min(3).max(MAX_POLYGON_VERTICES)).min(1).max(20),
    description,
  }),
  z.object({ kind: z.literal('circle'), lat, lon, radiusM: z.number().min(MIN_RADIUS_M).max(MAX_RADIUS_M), description }),
  z.object({ kind: z.literal('municipality'), code: z.string().regex(/^GM\d{4}$/i, 'a CBS municipality code such as GM0344'), description }),
  z.object({ kind: z.literal('postcode'), postcode: z.string().regex(/^[1-9]\d{3}$/, 'a four-digit postcode such as 3511'), description }),
]);

export type AreaInput = z.infer<typeof areaInputSchema>;

/** What the subscription index matches on: circles stay circles, municipalities stay codes. */
export type AreaShape =
  | { kind: 'circle'; lat: number; lon: number; radiusM: number }
  | { kind: 'municipality'; code: string }
  | { kind: 'polygon'; geometry: AreaGeometry };

export interface ResolvedArea {
  input: AreaInput;
  /** Human description (CAP areaDesc). */
  description: string;
  geometry: AreaGeometry;
  bbox: BBox;
  shape: AreaShape;
}

function closeRing(ring: readonly (readonly [number, number])[]): Position[] {
  const positions: Position[] = ring.map(([x, y]) => [x, y]);
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) positions.push([first[0]!, first[1]!]);
  return positions;
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum / 2;
}

function orientation(a: Position, b: Position, c: Position): number {
  const v = (b[1]! - a[1]!) * (c[0]! - b[0]!) - (b[0]! - a[0]!) * (c[1]! - b[1]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);
}

function segmentsTouch(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** True when two non-adjacent edges of a closed ring touch or cross (CAP forbids it). */
export function ringSelfIntersects(ring: Position[]): boolean {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 1; j < edges; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === edges - 1);
      if (adjacent) continue;
      if (segmentsTouch(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

function resolvePolygon(input: Extract<AreaInput, { kind: 'polygon' }>): ResolvedArea {
  const rings = input.coordinates.map(closeRing);
  const vertices = rings.reduce((n, r) => n + r.length, 0);
  if (vertices > MAX_POLYGON_VERTICES + rings.length) throw invalid('INVALID_AREA', `A drawn area may have at most ${MAX_POLYGON_VERTICES} points.`);
  for (const ring of rings) {
    if (ring.length < 4) throw invalid('INVALID_AREA', 'Each ring of a drawn area needs at least three different points.');
    if (Math.abs(ringArea(ring)) < 1e-12) throw invalid('INVALID_AREA', 'The drawn area has no surface (its points lie on one line).');
    if (ringSelfIntersects(ring)) throw invalid('INVALID_AREA', 'The outline of the drawn area crosses itself.');
  }
  const geometry: AreaGeometry = { type: 'Polygon', coordinates: rings };
  return { input, description: input.description ?? 'Getekend gebied', geometry, bbox: bboxOf(geometry), shape: { kind: 'polygon', geometry } };
}

function resolveCircle(input: Extract<AreaInput, { kind: 'circle' }>): ResolvedArea {
  const geometry = circle([input.lon, input.lat], input.radiusM, { steps: CIRCLE_STEPS, units: 'meters' }).geometry;
  const radius = input.radiusM >= 1000 ? `${(input.radiusM / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km` : `${Math.round(input.radiusM)} m`;
  return {
    input,
    description: input.description ?? `Cirkel van ${radius} rond ${input.lat.toFixed(5)}, ${input.lon.toFixed(5)}`,
    geometry,
    bbox: circleBBox(input.lat, input.lon, input.radiusM),
    shape: { kind: 'circle', lat: input.lat, lon: input.lon, radiusM: input.radiusM },
  };
}

function resolvePostcode(input: Extract<AreaInput, { kind: 'postcode' }>, postcodeAreas: PostcodeAreas | null): ResolvedArea {
  if (!postcodeAreas) {
    throw invalid('POSTCODE_AREAS_UNAVAILABLE', 'Postcodegebieden zijn op deze installatie niet beschikbaar; kies een gemeente of een cirkel, of teken het gebied. / Postcode areas are not available on this installation: choose a municipality or a circle, or draw the area.');
  }
  const area = postcodeAreas.get(input.postcode);
  if (!area) {
    throw invalid('UNKNOWN_POSTCODE', `Postcode ${input.postcode} is niet bekend als postcodegebied; controleer de vier cijfers. / Postcode ${input.postcode} is not a known postcode area; check the four digits.`, { postcode: input.postcode });
  }
  return {
    input,
    description: input.description ?? `Postcodegebied ${area.postcode}${area.place ? ` (${area.place})` : ''}`,
    geometry: area.geometry,
    bbox: area.bbox,
    shape: { kind: 'polygon', geometry: area.geometry },
  };
}

/**
 * Turns an area as given into its outline and shape. Throws `INVALID_AREA` for a polygon CAP
 * would refuse, `UNKNOWN_MUNICIPALITY`, `UNKNOWN_POSTCODE`, and `POSTCODE_AREAS_UNAVAILABLE`
 * when the installation has no postcode areas file. Postcode areas are approximations unless the
 * installation replaced the bundled file (docs/decisions/0015-postcode-areas.md); they are
 * matched as the polygons they resolve to. Tests pass `postcodeAreas`; null means none.
 */
export function resolveArea(input: AreaInput, municipalities: Municipalities, postcodeAreas?: PostcodeAreas | null): ResolvedArea {
  switch (input.kind) {
    case 'polygon':
      return resolvePolygon(input);
    case 'circle':
      return resolveCircle(input);
    case 'municipality': {
      const municipality = municipalities.get(input.code);
      if (!municipality) throw invalid('UNKNOWN_MUNICIPALITY', `There is no municipality with CBS code ${input.code} (2023 boundaries).`);
      return {
        input,
        description: input.description ?? `Gemeente ${municipality.name}`,
        geometry: municipality.geometry,
        bbox: municipality.bbox,
        shape: { kind: 'municipality', code: municipality.code },
      };
    }
    case 'postcode':
      // The bundled file (1.4 MB) is read on the first postcode area, not on every start.
      return resolvePostcode(input, postcodeAreas === undefined ? bundledPostcodeAreas() : postcodeAreas);
  }
}
