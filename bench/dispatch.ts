import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import pg from 'pg';
import { AedIndex } from '#respond/aed-index.ts';
import { decideWave, selectCandidates } from '#respond/dispatch.ts';
import type { LonLat } from '#respond/geo.ts';
import { DEFAULT_DISPATCH_PARAMS } from '#respond/params.ts';
import { VolunteerIndex } from '#respond/spatial-index.ts';
import { localMoment } from '#respond/weekly.ts';

/**
 * `npm run bench -- dispatch`: 1,000,000 synthetic volunteers placed with the density of the Dutch
 * population (CBS inhabitants per municipality, uniform inside each outline), 25,800 AEDs the same
 * way (the 2022 national register), 1,000 victims drawn from the same distribution.
 * - candidate search within 1,000 m: our index (kd-tree prefilter + exact haversine) beside
 *   PostGIS `ST_DWithin(geog, point, 1000)` with a GiST index on the same points, same run;
 *   geokdbush `around` is measured too (the alternative the decision note discusses);
 * - a whole dispatch decision (candidates, AEDs, roles): p50/p99;
 * - memory of the index (heap growth) and its build time.
 */
const VOLUNTEERS = 1_000_000;
const AEDS = 25_800;
const PROBES = 1000;
const RADIUS = 1000;

type Ring = number[][];
interface Area {
  weight: number;
  bbox: [number, number, number, number];
  polygons: Ring[][];
}

/** Deterministic PRNG (mulberry32), so every run places the same volunteers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygons(x: number, y: number, polygons: Ring[][]): boolean {
  return polygons.some((rings) => inRing(x, y, rings[0]!) && !rings.slice(1).some((hole) => inRing(x, y, hole)));
}

function loadAreas(): Area[] {
  const geo = JSON.parse(readFileSync(join(import.meta.dirname, '../data/geo/gemeenten-2023.geojson'), 'utf8')) as {
    features: { properties: { aantalInwoners: number }; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }[];
  };
  // CBS marks unknown figures and the "Buitenland" feature with no inhabitants: weight 0, never drawn.
  return geo.features.filter((f) => Number.isFinite(f.properties.aantalInwoners) && f.properties.aantalInwoners > 0).map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Ring[]] : (f.geometry.coordinates as Ring[][]);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const rings of polygons) for (const [x, y] of rings[0]! as [number, number][]) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    return { weight: f.properties.aantalInwoners, bbox: [minX, minY, maxX, maxY], polygons };
  });
}

/** `n` points with the population's density: a municipality by inhabitants, then uniform inside its outline. */
function populationPoints(areas: Area[], n: number, rand: () => number): Float64Array {
  const cumulative: number[] = [];
  let total = 0;
  for (const a of areas) cumulative.push((total += a.weight));
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const r = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    const area = areas[lo]!;
    const [minX, minY, maxX, maxY] = area.bbox;
    for (;;) {
      const x = minX + rand() * (maxX - minX);
      const y = minY + rand() * (maxY - minY);
      if (inPolygons(x, y, area.polygons)) {
        out[i * 2] = x;
        out[i * 2 + 1] = y;
        break;
      }
    }
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timings(samples: number[]): { meanUs: number; p50Us: number; p99Us: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  const us = (ms: number) => Math.round(ms * 1000 * 10) / 10;
  return { meanUs: us(mean), p50Us: us(percentile(sorted, 50)), p99Us: us(percentile(sorted, 99)) };
}

async function postgis(points: Float64Array, probes: LonLat[]): Promise<{ ok: true; perQuery: { meanUs: number; p50Us: number; p99Us: number }; meanHits: number } | { ok: false; reason: string }> {
  const server = process.env.WAAKZAAM_BENCH_POSTGRES_URL ?? process.env.WAAKZAAM_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `waakzaam_bench_dispatch_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch (error) {
    return { ok: false, reason: `PostgreSQL not reachable at ${server}: ${(error as Error).message}` };
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
    } catch (error) {
      return {
        ok: false,
        reason: `CREATE EXTENSION postgis failed (${(error as Error).message}). Install PostGIS for this PostgreSQL, on Debian: apt-get install postgresql-$(ls /etc/postgresql)-postgis-3`,
      };
    }
    await client.query('CREATE TABLE volunteers (id integer PRIMARY KEY, geog geography(Point, 4326) NOT NULL)');
    const chunk = 100_000;
    const n = points.length / 2;
    for (let from = 0; from < n; from += chunk) {
      const ids: number[] = [];
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = from; i < Math.min(n, from + chunk); i++) {
        ids.push(i);
        xs.push(points[i * 2]!);
        ys.push(points[i * 2 + 1]!);
      }
      await client.query('INSERT INTO volunteers SELECT id, ST_SetSRID(ST_MakePoint(x, y), 4326)::geography FROM unnest($1::int[], $2::float8[], $3::float8[]) AS t(id, x, y)', [ids, xs, ys]);
    }
    await client.query('CREATE INDEX volunteers_geog ON volunteers USING gist (geog)');
    await client.query('VACUUM ANALYZE volunteers');
    const query = { name: 'near', text: 'SELECT id FROM volunteers WHERE ST_DWithin(geog, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3)' };
    for (const p of probes.slice(0, 50)) await client.query({ ...query, values: [p.lon, p.lat, RADIUS] }); // warm the cache
    const samples: number[] = [];
    let hits = 0;
    for (const p of probes) {
      const started = performance.now();
      const result = await client.query({ ...query, values: [p.lon, p.lat, RADIUS] });
      samples.push(performance.now() - started);
      hits += result.rowCount ?? 0;
    }
    return { ok: true, perQuery: timings(samples), meanHits: hits / probes.length };
  } finally {
    await client.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

export async function dispatchBench(): Promise<Record<string, unknown>> {
  const areas = loadAreas();
  const rand = random(20260708);
  const t0 = performance.now();
  const points = populationPoints(areas, VOLUNTEERS, rand);
  const aedPoints = populationPoints(areas, AEDS, rand);
  const probePoints = populationPoints(areas, PROBES, rand);
  const probes: LonLat[] = Array.from({ length: PROBES }, (_, i) => ({ lon: probePoints[i * 2]!, lat: probePoints[i * 2 + 1]! }));
  process.stdout.write(`generated ${VOLUNTEERS.toLocaleString('en')} volunteers, ${AEDS.toLocaleString('en')} AEDs, ${PROBES} victims in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  // Our index.
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStarted = performance.now();
  const index = new VolunteerIndex();
  for (let i = 0; i < VOLUNTEERS; i++) {
    index.upsert({ id: `v${i}`, qualifiedUntil: '2099-12-31', snoozedUntil: null, live: null, addresses: [{ lon: points[i * 2]!, lat: points[i * 2 + 1]!, windows: null }] });
  }
  index.rebuild();
  const buildMs = performance.now() - buildStarted;
  globalThis.gc?.();
  const indexBytes = process.memoryUsage().heapUsed - heapBefore;
  process.stdout.write(`index: built in ${(buildMs / 1000).toFixed(2)} s, heap +${(indexBytes / 1048576).toFixed(0)} MB${globalThis.gc ? '' : ' (run node with --expose-gc for an exact figure)'}\n`);

  const moment = localMoment(new Date('2026-07-08T18:00:00Z'));
  const params = DEFAULT_DISPATCH_PARAMS;
  // Like for like with ST_DWithin: the ids of the volunteers within 1,000 m.
  const search = (p: LonLat): number => index.idsWithin(p, RADIUS).length;
  // V8 optimises the hot functions only after some thousand calls: warm up on every probe, twice.
  for (let round = 0; round < 2; round++) for (const p of probes) search(p);
  const ours: number[] = [];
  let ourHits = 0;
  for (const p of probes) {
    const started = performance.now();
    ourHits += search(p);
    ours.push(performance.now() - started);
  }
  const oursT = timings(ours);
  process.stdout.write(`candidate search ≤ 1000 m (ours: kd-tree box + haversine, ids): mean ${oursT.meanUs} µs, p99 ${oursT.p99Us} µs, ${(ourHits / PROBES).toFixed(1)} volunteers per query\n`);

  // The same search with every rule applied (positions materialised, windows, freshness, qualification).
  const rules: number[] = [];
  for (const p of probes) {
    const started = performance.now();
    selectCandidates(index.near(p, RADIUS), p, moment, params, RADIUS, Number.MAX_SAFE_INTEGER);
    rules.push(performance.now() - started);
  }
  const rulesT = timings(rules);
  process.stdout.write(`candidate search with the rules of §3.4 step 1 (all candidates, unsorted cut): mean ${rulesT.meanUs} µs, p99 ${rulesT.p99Us} µs\n`);

  // geokdbush `around` over a plain kd-tree of the same points (the alternative considered).
  const plain = new KDBush(VOLUNTEERS, 64, Float64Array);
  for (let i = 0; i < VOLUNTEERS; i++) plain.add(points[i * 2]!, points[i * 2 + 1]!);
  plain.finish();
  for (const p of probes) around(plain, p.lon, p.lat, Infinity, RADIUS / 1000);
  const geo: number[] = [];
  let geoHits = 0;
  for (const p of probes) {
    const started = performance.now();
    geoHits += around(plain, p.lon, p.lat, Infinity, RADIUS / 1000).length;
    geo.push(performance.now() - started);
  }
  const geoT = timings(geo);
  process.stdout.write(`candidate search ≤ 1000 m (geokdbush around, sorted by distance): mean ${geoT.meanUs} µs, p99 ${geoT.p99Us} µs, ${(geoHits / PROBES).toFixed(1)} per query\n`);

  // A whole dispatch decision.
  const aeds = new AedIndex();
  for (let i = 0; i < AEDS; i++) aeds.upsert({ id: `a${i}`, lon: aedPoints[i * 2]!, lat: aedPoints[i * 2 + 1]!, active: true, padsExpire: null, batteryExpires: null, availability: i % 5 === 0 ? [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' }] : null });
  const decide = (p: LonLat) =>
    decideWave({ victim: p, moment, params, radiusM: RADIUS, volunteers: index.near(p, RADIUS), aeds: aeds.near(p, params.maxRadiusM), exclude: new Set() });
  for (let round = 0; round < 2; round++) for (const p of probes) decide(p);
  const decisions: number[] = [];
  let alerted = 0;
  let via = 0;
  for (const p of probes) {
    const started = performance.now();
    const d = decide(p);
    decisions.push(performance.now() - started);
    alerted += d.assignments.length;
    via += d.assignments.filter((a) => a.role === 'via_aed').length;
  }
  const decisionT = timings(decisions);
  process.stdout.write(`whole dispatch decision (candidates, 3 AEDs, roles): p50 ${decisionT.p50Us} µs, p99 ${decisionT.p99Us} µs (target ≤ 2000 µs); ${(alerted / PROBES).toFixed(1)} alerted, ${((100 * via) / Math.max(alerted, 1)).toFixed(0)} % via an AED\n`);

  const peer = await postgis(points, probes);
  const result: Record<string, unknown> = {
    volunteers: VOLUNTEERS,
    aeds: AEDS,
    probes: PROBES,
    indexBuildS: Math.round(buildMs) / 1000,
    indexHeapMB: Math.round(indexBytes / 1048576),
    searchMeanUs: oursT.meanUs,
    searchP99Us: oursT.p99Us,
    searchWithRulesMeanUs: rulesT.meanUs,
    hitsPerQuery: Math.round((10 * ourHits) / PROBES) / 10,
    geokdbushMeanUs: geoT.meanUs,
    decisionP50Us: decisionT.p50Us,
    decisionP99Us: decisionT.p99Us,
  };
  if (peer.ok) {
    const ratio = Math.round((10 * peer.perQuery.meanUs) / oursT.meanUs) / 10;
    process.stdout.write(`PostGIS ST_DWithin (GiST, same points): mean ${peer.perQuery.meanUs} µs, p99 ${peer.perQuery.p99Us} µs, ${peer.meanHits.toFixed(1)} per query → ours is ${ratio}× faster (target ≥ 20×)\n`);
    Object.assign(result, { postgisMeanUs: peer.perQuery.meanUs, postgisP99Us: peer.perQuery.p99Us, postgisHitsPerQuery: Math.round(10 * peer.meanHits) / 10, ratio });
  } else {
    process.stdout.write(`PostGIS peer skipped: ${peer.reason}\n`);
    Object.assign(result, { postgis: null, postgisError: peer.reason, ratio: null });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}
