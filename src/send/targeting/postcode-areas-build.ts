/**
 * Builds the approximate postcode-4 areas (docs/decisions/0015-postcode-areas.md). Run once:
 *
 *   node --import tsx src/send/targeting/postcode-areas-build.ts centroids   # GeoNames rows → pc4-centroids.csv
 *   node --import tsx src/send/targeting/postcode-areas-build.ts areas       # centroids + municipalities → pc4-areas.json
 *
 * Both steps are deterministic; the outputs are committed, so a normal start never runs this.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { distanceM, distanceToOutlineM, pointInGeometry } from './geometry.ts';
import { Municipalities, type Municipality } from './municipalities.ts';
import { PC4_AREAS_FILE } from './postcode-areas.ts';
import { municipalityCells, type Seed } from './postcode-areas-voronoi.ts';

const SOURCES = resolve(import.meta.dirname, '../../../data/postcodes/pc4-sources');
export const GEONAMES_ROWS = resolve(SOURCES, 'geonames-nl-transcribed.txt');
export const CENTROIDS_CSV = resolve(SOURCES, 'pc4-centroids.csv');

export interface GeoNamesRow {
  postcode: string;
  lat: number;
  lon: number;
  place: string;
}

export interface Centroid extends GeoNamesRow {
  /** How many GeoNames rows (places) the centroid was made from. */
  rows: number;
}

/** `postcode;lat;lon;place`, one GeoNames postal-code row per line, header first. */
export function parseGeoNamesRows(text: string): GeoNamesRow[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line, i) => {
      const [postcode, lat, lon, place] = line.split(';');
      const row = { postcode: postcode ?? '', lat: Number(lat), lon: Number(lon), place: (place ?? '').trim() };
      if (!/^[1-9]\d{3}$/.test(row.postcode) || !Number.isFinite(row.lat) || !Number.isFinite(row.lon)) throw new Error(`line ${i + 2}: not a postcode row: ${line}`);
      return row;
    });
}

/** Rows farther than this from the chosen row of their postcode are another place's mistake, not the area. */
const SAME_AREA_M = 5_000;

/**
 * One centroid per PC4. GeoNames lists a PC4 once per place name in it; most have one row. For
 * several rows: the row nearest to the other postcodes of the same PC3 (the first three digits,
 * which are neighbours on the ground) anchors the area, rows within 5 km of it are averaged, and
 * rows farther away are dropped: GeoNames has a few stray rows (e.g. 3921 listed under Rotterdam
 * as well as Elst) that would otherwise drag a centroid across the country.
 */
export function centroidsFromRows(rows: readonly GeoNamesRow[]): Centroid[] {
  const byPostcode = new Map<string, GeoNamesRow[]>();
  for (const r of rows) byPostcode.set(r.postcode, [...(byPostcode.get(r.postcode) ?? []), r]);
  const singles = new Map<string, GeoNamesRow[]>();
  for (const [pc, list] of byPostcode) if (list.length === 1) singles.set(pc.slice(0, 3), [...(singles.get(pc.slice(0, 3)) ?? []), list[0]!]);
  const centroids: Centroid[] = [];
  for (const [postcode, list] of [...byPostcode].sort(([a], [b]) => a.localeCompare(b))) {
    let anchor = list[0]!;
    const peers = singles.get(postcode.slice(0, 3)) ?? [];
    if (list.length > 1 && peers.length > 0) {
      const spread = (r: GeoNamesRow) => Math.min(...peers.map((p) => distanceM(r.lat, r.lon, p.lat, p.lon)));
      anchor = [...list].sort((a, b) => spread(a) - spread(b))[0]!;
    }
    const kept = list.filter((r) => distanceM(r.lat, r.lon, anchor.lat, anchor.lon) <= SAME_AREA_M);
    const lat = kept.reduce((s, r) => s + r.lat, 0) / kept.length;
    const lon = kept.reduce((s, r) => s + r.lon, 0) / kept.length;
    centroids.push({ postcode, lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5, place: anchor.place, rows: kept.length });
  }
  return centroids;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function centroidsCsv(centroids: readonly Centroid[]): string {
  return ['postcode,lat,lon,place', ...centroids.map((c) => [c.postcode, c.lat, c.lon, csvField(c.place)].join(','))].join('\n') + '\n';
}

export function parseCentroidsCsv(text: string): Centroid[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const match = /^(\d{4}),(-?[\d.]+),(-?[\d.]+),(.*)$/.exec(line);
      if (!match) throw new Error(`not a centroid row: ${line}`);
      const place = match[4]!.startsWith('"') ? match[4]!.slice(1, -1).replace(/""/g, '"') : match[4]!;
      return { postcode: match[1]!, lat: Number(match[2]), lon: Number(match[3]), place, rows: 1 };
    });
}

/** Centroids farther than this outside every municipality are not assigned (none are, in the shipped data). */
const MAX_OUTSIDE_M = 3_000;

export interface BuildReport {
  areas: number;
  /** Centroids outside every 2023 outline, assigned to the nearest municipality. */
  outside: string[];
  /** Centroids farther than {@link MAX_OUTSIDE_M} from any municipality: no area. */
  unassigned: string[];
  /** Municipalities without any centroid: their land belongs to no postcode area. */
  emptyMunicipalities: string[];
}

/** The areas of all centroids, as the GeoJSON FeatureCollection that {@link PostcodeAreas} reads. */
export function buildAreas(centroids: readonly Centroid[], municipalities: Municipalities): { collection: FeatureCollection<Polygon | MultiPolygon>; report: BuildReport } {
  const report: BuildReport = { areas: 0, outside: [], unassigned: [], emptyMunicipalities: [] };
  const all = municipalities.all();
  const seedsBy = new Map<string, Seed[]>();
  const placeOf = new Map(centroids.map((c) => [c.postcode, c.place]));
  for (const c of centroids) {
    let home: Municipality | undefined = all.find((m) => c.lon >= m.bbox[0] && c.lon <= m.bbox[2] && c.lat >= m.bbox[1] && c.lat <= m.bbox[3] && pointInGeometry(c.lon, c.lat, m.geometry));
    if (!home) {
      let best = Infinity;
      for (const m of all) {
        const d = distanceToOutlineM(c.lon, c.lat, m.geometry);
        if (d < best) [best, home] = [d, m];
      }
      if (!home || best > MAX_OUTSIDE_M) {
        report.unassigned.push(c.postcode);
        continue;
      }
      report.outside.push(c.postcode);
    }
    seedsBy.set(home.code, [...(seedsBy.get(home.code) ?? []), { postcode: c.postcode, lon: c.lon, lat: c.lat }]);
  }
  const features: FeatureCollection<Polygon | MultiPolygon>['features'] = [];
  for (const m of [...all].sort((a, b) => a.code.localeCompare(b.code))) {
    const seeds = seedsBy.get(m.code);
    if (!seeds) {
      report.emptyMunicipalities.push(`${m.code} ${m.name}`);
      continue;
    }
    for (const [postcode, geometry] of municipalityCells(m.geometry, seeds)) {
      features.push({ type: 'Feature', geometry, properties: { postcode, place: placeOf.get(postcode) ?? null, gemeentecode: m.code } });
    }
  }
  features.sort((a, b) => String(a.properties?.postcode).localeCompare(String(b.properties?.postcode)));
  report.areas = features.length;
  return { collection: { type: 'FeatureCollection', features }, report };
}

function main(step: string | undefined): void {
  if (step === 'centroids') {
    const centroids = centroidsFromRows(parseGeoNamesRows(readFileSync(GEONAMES_ROWS, 'utf8')));
    writeFileSync(CENTROIDS_CSV, centroidsCsv(centroids));
    console.log(`${centroids.length} centroids, ${centroids.filter((c) => c.rows > 1).length} averaged from several places → ${CENTROIDS_CSV}`);
  } else if (step === 'areas') {
    const { collection, report } = buildAreas(parseCentroidsCsv(readFileSync(CENTROIDS_CSV, 'utf8')), Municipalities.load());
    const json = JSON.stringify({ ...collection, note: 'Approximate PC4 areas: Voronoi cells of GeoNames PC4 centroids clipped to CBS 2023 municipalities; see docs/decisions/0015-postcode-areas.md' });
    writeFileSync(PC4_AREAS_FILE, json + '\n');
    console.log(JSON.stringify({ ...report, bytes: json.length }, null, 1));
  } else {
    console.error('usage: postcode-areas-build.ts centroids|areas');
    process.exitCode = 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) main(process.argv[2]);
