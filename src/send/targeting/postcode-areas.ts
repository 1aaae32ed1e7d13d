import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { bboxOf, pointInGeometry, type AreaGeometry, type BBox } from './geometry.ts';

/**
 * Postcode-4 areas for targeting and subscriptions (SPEC S2, S5). The bundled file holds
 * approximations: Voronoi cells of GeoNames PC4 centroids, clipped to the municipality
 * (docs/decisions/0015-postcode-areas.md). An installation that has CBS's real PC4 polygons puts
 * them in the same format (a GeoJSON FeatureCollection in WGS84 with a `postcode` property) in
 * place of the file below; removing the file switches postcode targeting off.
 */
export const PC4_AREAS_FILE = resolve(import.meta.dirname, '../../../data/postcodes/pc4-areas.json');

export interface PostcodeArea {
  /** Four digits, `1000`–`9999`. */
  postcode: string;
  /** The main place name, when the file has one. */
  place: string | null;
  /** CBS code of the municipality the area lies in, when the file has one. */
  municipality: string | null;
  geometry: AreaGeometry;
  bbox: BBox;
}

const PC4 = /^[1-9]\d{3}$/;
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z.array(position).min(4);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const code = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: geometrySchema,
  properties: z
    .object({
      // CBS publishes the code as `postcode` (PDOK) or `pc4`/`postcode4` in some exports.
      postcode: code.optional(),
      pc4: code.optional(),
      postcode4: code.optional(),
      place: z.string().nullish(),
      gemeentecode: z.string().nullish(),
    })
    .passthrough(),
});
const fileSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(featureSchema) });

/** The postcode-4 areas by code, with point lookup. */
export class PostcodeAreas {
  private readonly byCode: ReadonlyMap<string, PostcodeArea>;

  constructor(list: readonly PostcodeArea[]) {
    this.byCode = new Map(list.map((a) => [a.postcode, a]));
  }

  /**
   * Reads a FeatureCollection of PC4 outlines. The file is outside input: it is validated, and a
   * feature without a valid four-digit code is an error, as is a code given twice.
   */
  static parse(json: unknown): PostcodeAreas {
    const parsed = fileSchema.parse(json);
    const seen = new Set<string>();
    const areas = parsed.features.map((f, i) => {
      const postcode = (f.properties.postcode ?? f.properties.pc4 ?? f.properties.postcode4 ?? '').padStart(4, '0');
      if (!PC4.test(postcode)) throw new Error(`feature ${i}: no four-digit postcode`);
      if (seen.has(postcode)) throw new Error(`feature ${i}: postcode ${postcode} appears twice`);
      seen.add(postcode);
      const geometry = f.geometry as AreaGeometry;
      return { postcode, place: f.properties.place ?? null, municipality: f.properties.gemeentecode ?? null, geometry, bbox: bboxOf(geometry) };
    });
    return new PostcodeAreas(areas);
  }

  static load(file = PC4_AREAS_FILE): PostcodeAreas {
    return PostcodeAreas.parse(JSON.parse(readFileSync(file, 'utf8')));
  }

  get(postcode: string): PostcodeArea | undefined {
    return this.byCode.get(postcode.trim());
  }

  /** The outline of a postcode-4 area, or undefined for an unknown code. */
  outline(postcode: string): AreaGeometry | undefined {
    return this.get(postcode)?.geometry;
  }

  /**
   * The area a point lies in (undefined outside all of them: at sea, abroad, or in a
   * municipality without any known postcode). A linear scan over bounding boxes: about 4,000
   * boxes, a few microseconds, called per form submission, not per subscriber.
   */
  lookup(point: { lat: number; lon: number }): PostcodeArea | undefined {
    for (const area of this.byCode.values()) {
      const b = area.bbox;
      if (point.lon < b[0] || point.lon > b[2] || point.lat < b[1] || point.lat > b[3]) continue;
      if (pointInGeometry(point.lon, point.lat, area.geometry)) return area;
    }
    return undefined;
  }

  all(): PostcodeArea[] {
    return [...this.byCode.values()];
  }

  get size(): number {
    return this.byCode.size;
  }
}

let shared: PostcodeAreas | null | undefined;

/**
 * The bundled areas, loaded on first use (about 1.4 MB, parsed in well under a second). Null when the installation removed the
 * file: postcode targeting is then refused as unavailable instead of guessed.
 */
export function bundledPostcodeAreas(): PostcodeAreas | null {
  if (shared === undefined) shared = existsSync(PC4_AREAS_FILE) ? PostcodeAreas.load() : null;
  return shared;
}
