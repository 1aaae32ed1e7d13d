import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaInput } from './send-api.ts';

/*
 * Target areas as people choose them (a municipality from a list, a postcode, a circle, a drawn
 * polygon) and as the API takes them. Pure, so both the composer and the citizen app use it, and it is tested
 * without a browser. Positions are [lon, lat] as in GeoJSON.
 */

export interface MunicipalityOption {
  /** CBS code, e.g. GM0344. */
  code: string;
  name: string;
}

export type AreaChoice =
  | { kind: 'municipality'; code: string; name: string }
  | { kind: 'circle'; lat: number; lon: number; radiusM: number }
  | { kind: 'polygon'; points: [number, number][] };

/**
 * A postcode-4 area: `postcode` as entered (four digits once valid); `place` and `geometry` once
 * the outline was fetched (GET /api/public/postcode-areas/:pc4). The outline is approximate.
 */
export interface PostcodeChoice {
  kind: 'postcode';
  postcode: string;
  place: string | null;
  geometry: Polygon | MultiPolygon | null;
}

/**
 * What a message can target: the shared choices and a postcode area. Kept apart from AreaChoice,
 * which the watchlists and appeals also use and which has no postcode there (yet).
 */
export type SendAreaChoice = AreaChoice | PostcodeChoice;

/** A postcode-4 area as GET /api/public/postcode-areas/:pc4 answers it. */
export interface PostcodeAreaInfo {
  postcode: string;
  place: string | null;
  municipality: { code: string; name: string | null } | null;
  geometry: Polygon | MultiPolygon;
  /** True for the bundled Voronoi outlines (docs/decisions/0015-postcode-areas.md). */
  approximate: boolean;
}

/** Limits the API enforces (src/send/targeting/area.ts). */
export const MIN_RADIUS_M = 10;
export const MAX_RADIUS_M = 100_000;
export const MAX_POLYGON_POINTS = 1000;

/** The municipalities of the bundled outlines (properties gemeentecode/gemeentenaam), sorted by name. */
export function municipalityOptions(collection: FeatureCollection): MunicipalityOption[] {
  const seen = new Set<string>();
  const options: MunicipalityOption[] = [];
  for (const feature of collection.features) {
    const props = feature.properties ?? {};
    const code: unknown = props.gemeentecode;
    const name: unknown = props.gemeentenaam;
    if (typeof code !== 'string' || typeof name !== 'string' || !/^GM\d{4}$/.test(code) || seen.has(code)) continue;
    seen.add(code);
    options.push({ code, name });
  }
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  return options.sort((a, b) => collator.compare(a.name, b.name));
}

/** Lower case without accents, for matching what people type ("Súdwest" and "sudwest" alike). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

/** Municipalities matching a search: names that start with it first, then names that contain it. */
export function searchMunicipalities(options: readonly MunicipalityOption[], query: string, limit = 50): MunicipalityOption[] {
  const q = fold(query);
  if (q === '') return options.slice(0, limit);
  const starts: MunicipalityOption[] = [];
  const contains: MunicipalityOption[] = [];
  for (const option of options) {
    const name = fold(option.name);
    if (name.startsWith(q) || option.code.toLowerCase() === q) starts.push(option);
    else if (name.includes(q)) contains.push(option);
  }
  return [...starts, ...contains].slice(0, limit);
}

const PC4 = /^[1-9]\d{3}$/;

/**
 * The four digits of a Dutch postcode as people type it ("3512", "3512 AB", "3512ab"), or null.
 * Only the digits are kept: the letters narrow it to a street, which targeting does not need.
 */
export function normalisePostcode(text: string): string | null {
  const match = /^([1-9]\d{3})(?:\s?[a-z]{2})?$/i.exec(text.trim());
  return match ? match[1]! : null;
}

function isPosition(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function isRing(value: unknown): value is [number, number][] {
  return Array.isArray(value) && value.length >= 4 && value.every(isPosition);
}

function isRings(value: unknown): value is [number, number][][] {
  return Array.isArray(value) && value.length >= 1 && value.every(isRing);
}

/** Reads the postcode-area answer of the API; anything else (a proxy's page, a changed API) is null. */
export function parsePostcodeArea(body: unknown): PostcodeAreaInfo | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = body as Record<string, unknown>;
  if (typeof value.postcode !== 'string' || !PC4.test(value.postcode)) return null;
  const geometry = value.geometry as { type?: unknown; coordinates?: unknown } | null;
  if (typeof geometry !== 'object' || geometry === null) return null;
  const valid = geometry.type === 'Polygon' ? isRings(geometry.coordinates) : geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0 && geometry.coordinates.every(isRings);
  if (!valid) return null;
  const m = value.municipality as { code?: unknown; name?: unknown } | null | undefined;
  const municipality = m && typeof m === 'object' && typeof m.code === 'string' ? { code: m.code, name: typeof m.name === 'string' ? m.name : null } : null;
  return {
    postcode: value.postcode,
    place: typeof value.place === 'string' && value.place.trim() !== '' ? value.place : null,
    municipality,
    geometry: geometry as Polygon | MultiPolygon,
    approximate: value.approximate !== false,
  };
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

/** Why a drawn outline cannot be used (the server refuses the same), or null when it can. */
export function polygonProblem(given: readonly [number, number][]): 'tooFewPoints' | 'tooManyPoints' | 'noSurface' | 'crossesItself' | null {
  // A ring that is already closed (last point on the first) is one point shorter, as the server reads it.
  const first = given[0];
  const last = given[given.length - 1];
  const points = given.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? given.slice(0, -1) : given;
  if (points.length < 3) return 'tooFewPoints';
  if (points.length > MAX_POLYGON_POINTS) return 'tooManyPoints';
  const ring: Position[] = [...points, points[0]!];
  let twiceArea = 0;
  for (let i = 1; i < ring.length; i++) twiceArea += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  if (Math.abs(twiceArea / 2) < 1e-12) return 'noSurface';
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 1; j < edges; j++) {
      if (j === i + 1 || (i === 0 && j === edges - 1)) continue;
      if (segmentsTouch(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return 'crossesItself';
    }
  }
  return null;
}

/** The API's area for a choice, or null while the choice is not complete or not valid. */
export function areaInputOf(choice: SendAreaChoice | null): AreaInput | null {
  if (!choice) return null;
  switch (choice.kind) {
    case 'municipality':
      return /^GM\d{4}$/.test(choice.code) ? { kind: 'municipality', code: choice.code } : null;
    case 'postcode':
      return PC4.test(choice.postcode) ? { kind: 'postcode', postcode: choice.postcode } : null;
    case 'circle': {
      const { lat, lon, radiusM } = choice;
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
      if (!(radiusM >= MIN_RADIUS_M && radiusM <= MAX_RADIUS_M)) return null;
      return { kind: 'circle', lat: round(lat, 6), lon: round(lon, 6), radiusM: Math.round(radiusM) };
    }
    case 'polygon':
      return polygonProblem(choice.points) === null ? { kind: 'polygon', coordinates: [choice.points.map(([x, y]) => [round(x, 6), round(y, 6)] as [number, number])] } : null;
  }
}

/** The choice an area from the API stands for (editing a stored draft); a municipality's name is looked up. */
export function choiceOf(area: AreaInput | null, municipalities: readonly MunicipalityOption[]): AreaChoice | null {
  if (!area) return null;
  switch (area.kind) {
    case 'municipality':
      return { kind: 'municipality', code: area.code.toUpperCase(), name: municipalities.find((m) => m.code === area.code.toUpperCase())?.name ?? area.code };
    case 'circle':
      return { kind: 'circle', lat: area.lat, lon: area.lon, radiusM: area.radiusM };
    case 'polygon': {
      const ring = area.coordinates[0] ?? [];
      const last = ring[ring.length - 1];
      const open = ring.length > 1 && last && ring[0]![0] === last[0] && ring[0]![1] === last[1] ? ring.slice(0, -1) : ring;
      return { kind: 'polygon', points: open.map(([x, y]) => [x, y]) };
    }
    case 'postcode':
      return null;
  }
}

/** As choiceOf, with postcode areas (the composer); the outline is fetched by the picker. */
export function sendChoiceOf(area: AreaInput | null, municipalities: readonly MunicipalityOption[]): SendAreaChoice | null {
  return area?.kind === 'postcode' ? { kind: 'postcode', postcode: area.postcode, place: null, geometry: null } : choiceOf(area, municipalities);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** A circle as a closed ring of `steps` points (for drawing; the server matches on the true circle). */
export function circleRing(lat: number, lon: number, radiusM: number, steps = 64): [number, number][] {
  const ring: [number, number][] = [];
  const d = radiusM / EARTH_RADIUS_M;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  for (let i = 0; i <= steps; i++) {
    const θ = (2 * Math.PI * (i % steps)) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([round((λ2 * 180) / Math.PI, 7), round((φ2 * 180) / Math.PI, 7)]);
  }
  return ring;
}

/** Distance in metres between two [lon, lat] positions (haversine), for a circle dragged on the map. */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const φ1 = (a[1] * Math.PI) / 180;
  const φ2 = (b[1] * Math.PI) / 180;
  const Δφ = φ2 - φ1;
  const Δλ = ((b[0] - a[0]) * Math.PI) / 180;
  const h = Math.sin(Δφ / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The choice as a GeoJSON feature to draw: the municipality's outline, the postcode area's outline
 * (property `approximate`, drawn dashed), the circle, or the drawn line so far.
 */
export function choiceFeature(choice: SendAreaChoice | null, outlines: FeatureCollection | null): Feature | null {
  if (!choice) return null;
  if (choice.kind === 'municipality') {
    return outlines?.features.find((f) => f.properties?.gemeentecode === choice.code) ?? null;
  }
  if (choice.kind === 'postcode') {
    return choice.geometry ? { type: 'Feature', properties: { approximate: true }, geometry: choice.geometry } : null;
  }
  if (choice.kind === 'circle') {
    const polygon: Polygon = { type: 'Polygon', coordinates: [circleRing(choice.lat, choice.lon, choice.radiusM)] };
    return { type: 'Feature', properties: {}, geometry: polygon };
  }
  if (choice.points.length < 3) {
    return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: choice.points } };
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...choice.points, choice.points[0]!]] } };
}
