import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';

/** The CBS municipality outlines of 2023 (data/SOURCES.md). */
const MUNICIPALITIES_FILE = resolve(import.meta.dirname, '../../../data/geo/gemeenten-2023.geojson');
const EARTH_RADIUS_M = 6_371_008.8;

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

/**
 * An area of a watchlist (SPEC W6), in the same shapes the send module's targeting takes: a drawn
 * polygon (GeoJSON rings of [lon, lat]), a circle, or a municipality by CBS code.
 */
export const areaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('polygon'), coordinates: z.array(z.array(z.tuple([lon, lat])).min(4).max(1000)).min(1).max(20) }),
  z.object({ kind: z.literal('circle'), lat, lon, radiusM: z.number().min(10).max(100_000) }),
  z.object({ kind: z.literal('municipality'), code: z.string().regex(/^GM\d{4}$/i, 'a CBS municipality code such as GM0344').transform((c) => c.toUpperCase()) }),
]);

export type Area = z.infer<typeof areaSchema>;

let outlines: Map<string, Polygon | MultiPolygon> | undefined;

function municipalityOutlines(): Map<string, Polygon | MultiPolygon> {
  if (!outlines) {
    const file = JSON.parse(readFileSync(MUNICIPALITIES_FILE, 'utf8')) as { features: { geometry: Polygon | MultiPolygon; properties: { gemeentecode: string } }[] };
    outlines = new Map(file.features.map((f) => [f.properties.gemeentecode, f.geometry]));
  }
  return outlines;
}

/** True when the CBS code names a municipality of the bundled outlines. */
export function isKnownMunicipality(code: string): boolean {
  return municipalityOutlines().has(code.toUpperCase());
}

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a point lies in an area (on the edge counts as inside). */
export function areaContains(area: Area, point: { lat: number; lon: number }): boolean {
  switch (area.kind) {
    case 'circle':
      return distanceM(area, point) <= area.radiusM;
    case 'polygon':
      return booleanPointInPolygon([point.lon, point.lat], { type: 'Polygon', coordinates: area.coordinates });
    case 'municipality': {
      const outline = municipalityOutlines().get(area.code);
      return outline !== undefined && booleanPointInPolygon([point.lon, point.lat], outline);
    }
  }
}
