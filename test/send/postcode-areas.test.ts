import { readFileSync } from 'node:fs';
import area from '@turf/area';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isAppError } from '#core/errors.ts';
import { resolveArea, ringSelfIntersects } from '#send/targeting/area.ts';
import { pointInGeometry, type AreaGeometry } from '#send/targeting/geometry.ts';
import { bundledMunicipalities } from '#send/targeting/municipalities.ts';
import { bundledPostcodeAreas, PostcodeAreas } from '#send/targeting/postcode-areas.ts';
import { CENTROIDS_CSV, centroidsFromRows, parseCentroidsCsv } from '#send/targeting/postcode-areas-build.ts';
import { municipalityCells, splitRing } from '#send/targeting/postcode-areas-voronoi.ts';

const municipalities = bundledMunicipalities();
const areas = bundledPostcodeAreas()!;
const centroids = parseCentroidsCsv(readFileSync(CENTROIDS_CSV, 'utf8'));
const NEUDE = { lon: 5.1207, lat: 52.0927 };

function errorOf(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? { code: error.code, message: error.message } : { code: 'not an AppError', message: String(error) };
  }
  return undefined;
}

const ringsOf = (g: AreaGeometry) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();

describe('the shipped PC4 data', () => {
  it('has one centroid per four-digit postcode, all inside the Netherlands', () => {
    expect(centroids.length).toBeGreaterThan(4000);
    expect(centroids.length).toBeLessThan(4800);
    expect(new Set(centroids.map((c) => c.postcode)).size).toBe(centroids.length);
    for (const c of centroids) {
      expect(Number(c.postcode)).toBeGreaterThanOrEqual(1000);
      expect(c.lat).toBeGreaterThan(50.75);
      expect(c.lat).toBeLessThan(53.56);
      expect(c.lon).toBeGreaterThan(3.35);
      expect(c.lon).toBeLessThan(7.23);
    }
    expect(areas.size).toBe(centroids.length);
  });

  it('every centroid lies inside its own outline, except centroids outside all 2023 municipal land (which the build reports)', () => {
    const offLand: string[] = [];
    for (const c of centroids) {
      const outline = areas.outline(c.postcode)!;
      if (pointInGeometry(c.lon, c.lat, outline)) continue;
      // Allowed only when the point lies in no municipality at all (GeoNames puts a few on the beach or in a harbour).
      expect(municipalities.all().some((m) => pointInGeometry(c.lon, c.lat, m.geometry)), c.postcode).toBe(false);
      offLand.push(c.postcode);
    }
    expect(offLand.length).toBeLessThanOrEqual(10);
  });

  it('looks a point up in the area that contains it; the Neude in Utrecht is in 3512', () => {
    expect(areas.lookup(NEUDE)?.postcode).toBe('3512');
    expect(areas.lookup({ lat: 52.0, lon: 3.0 })).toBeUndefined(); // North Sea
    const inside = centroids.filter((c) => pointInGeometry(c.lon, c.lat, areas.outline(c.postcode)!));
    fc.assert(
      fc.property(fc.constantFrom(...inside), (c) => {
        expect(areas.lookup({ lat: c.lat, lon: c.lon })?.postcode).toBe(c.postcode);
      }),
      { numRuns: 300 },
    );
  });

  it('tiles each municipality: the areas of a municipality add up to it and stay inside it', () => {
    for (const code of ['GM0344', 'GM0363', 'GM0014', 'GM0852']) {
      const mine = areas.all().filter((a) => a.municipality === code);
      const sum = mine.reduce((s, a) => s + area(a.geometry), 0);
      expect(sum / area(municipalities.get(code)!.geometry), code).toBeCloseTo(1, 3);
    }
  });
});

describe('postcode areas as targets', () => {
  it('resolves a known PC4 to its outline, matched as a polygon', () => {
    const resolved = resolveArea({ kind: 'postcode', postcode: '3512' }, municipalities, areas);
    expect(resolved.description).toBe('Postcodegebied 3512 (Utrecht)');
    expect(['Polygon', 'MultiPolygon']).toContain(resolved.geometry.type);
    expect(pointInGeometry(NEUDE.lon, NEUDE.lat, resolved.geometry)).toBe(true);
    expect(resolved.shape).toEqual({ kind: 'polygon', geometry: resolved.geometry });
    expect(resolved.bbox[2] - resolved.bbox[0]).toBeLessThan(0.05); // a PC4, not a city
  });

  it('refuses an unknown PC4, in Dutch and English, and says so when an installation has no postcode areas', () => {
    const unknown = errorOf(() => resolveArea({ kind: 'postcode', postcode: '1010' }, municipalities, areas));
    expect(unknown?.code).toBe('UNKNOWN_POSTCODE');
    expect(unknown?.message).toContain('niet bekend');
    expect(unknown?.message).toContain('not a known postcode area');
    expect(errorOf(() => resolveArea({ kind: 'postcode', postcode: '3512' }, municipalities, null))?.code).toBe('POSTCODE_AREAS_UNAVAILABLE');
  });
});

describe('PC4 areas file parser (outside input)', () => {
  const square = (x: number, y: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });

  it('reads CBS-style exports (numeric `pc4`) and refuses duplicates and features without a code', () => {
    const cbs = PostcodeAreas.parse({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square(5, 52), properties: { pc4: 3512 } }] });
    expect(cbs.get('3512')?.place).toBeNull();
    expect(cbs.lookup({ lon: 5.005, lat: 52.005 })?.postcode).toBe('3512');
    const twice = { type: 'FeatureCollection', features: [1, 2].map(() => ({ type: 'Feature', geometry: square(5, 52), properties: { postcode: '3512' } })) };
    expect(() => PostcodeAreas.parse(twice)).toThrow(/twice/);
    expect(() => PostcodeAreas.parse({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square(5, 52), properties: { postcode: '0123' } }] })).toThrow(/four-digit/);
  });

  it('never crashes on arbitrary input: a PostcodeAreas or an Error', () => {
    const feature = fc.record({
      type: fc.constantFrom('Feature', 'Thing'),
      geometry: fc.oneof(fc.constant(square(5, 52)), fc.anything()),
      properties: fc.oneof(fc.record({ postcode: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()) }), fc.anything()),
    });
    fc.assert(
      fc.property(fc.oneof(fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 4 }) }), fc.anything()), (input) => {
        try {
          expect(PostcodeAreas.parse(input)).toBeInstanceOf(PostcodeAreas);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
        }
      }),
    );
  });
});

describe('Voronoi cells clipped to a municipality', () => {
  const box: Polygon = { type: 'Polygon', coordinates: [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52.1], [5, 52]]] };
  const k = Math.cos((52.05 * Math.PI) / 180);
  const planeDistance = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) => Math.hypot((a.lon - b.lon) * k, a.lat - b.lat);

  it('gives each point of the municipality to the nearest centroid, and tiles it (property)', () => {
    // A coarse grid (steps of 5 on 1–99) makes co-circular seeds, and so Voronoi vertices of degree four, common.
    const seedsArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 19 }).map((v) => v * 5), fc.integer({ min: 1, max: 19 }).map((v) => v * 5)), { minLength: 1, maxLength: 12, selector: ([x, y]) => `${x},${y}` });
    fc.assert(
      fc.property(seedsArb, fc.tuple(fc.double({ min: 5.0005, max: 5.0995, noNaN: true }), fc.double({ min: 52.0005, max: 52.0995, noNaN: true })), (grid, [lon, lat]) => {
        const seeds = grid.map(([x, y], i) => ({ postcode: String(1000 + i), lon: 5 + x / 1000, lat: 52 + y / 1000 }));
        const cells = municipalityCells(box, seeds, { decimals: 9 });
        expect(cells.size).toBe(seeds.length);
        const total = [...cells.values()].reduce((s, g) => s + area(g), 0);
        expect(total / area(box)).toBeCloseTo(1, 6);
        for (const s of seeds) expect(pointInGeometry(s.lon, s.lat, cells.get(s.postcode)!)).toBe(true);
        const byDistance = [...seeds].sort((a, b) => planeDistance(a, { lon, lat }) - planeDistance(b, { lon, lat }));
        const [first, second] = byDistance;
        // Away from a bisector (ties are a coin toss), the point is in the nearest seed's cell only.
        if (second && planeDistance(second, { lon, lat }) - planeDistance(first!, { lon, lat }) < 1e-6) return;
        const holders = seeds.filter((s) => pointInGeometry(lon, lat, cells.get(s.postcode)!)).map((s) => s.postcode);
        expect(holders).toEqual([first!.postcode]);
      }),
      { numRuns: 300 },
    );
  });

  it('tiles the outline where four seeds are co-circular (a Voronoi vertex of degree four, found by the property)', () => {
    const grid = [[17, 7], [3, 7], [12, 9], [8, 9], [1, 1]];
    const seeds = grid.map(([x, y], i) => ({ postcode: String(1000 + i), lon: 5 + x! / 1000, lat: 52 + y! / 1000 }));
    const cells = municipalityCells(box, seeds, { decimals: 9 });
    const total = [...cells.values()].reduce((s, g) => s + area(g), 0);
    expect(total / area(box)).toBeCloseTo(1, 6);
    expect(pointInGeometry(5.05, 52.01, cells.get('1000')!)).toBe(true);
  });

  it('splits a concave outline into simple pieces instead of bridging them (a U cut across both arms)', () => {
    const u: [number, number][] = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]];
    const pieces = splitRing(u, { ax: 0, ay: 2, nx: 0, ny: -1 }); // keep y ≥ 2
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) expect(ringSelfIntersects([...piece, piece[0]!])).toBe(false);
    expect(splitRing(u, { ax: 0, ay: 0.5, nx: 0, ny: 1 })).toHaveLength(1); // keep y ≤ 0.5: the base only
    expect(splitRing(u, { ax: 0, ay: -1, nx: 0, ny: 1 })).toEqual([]);
  });

  it('leaves no self-crossing rings in the shipped areas, except one inherited from its municipality outline', () => {
    const crossing = areas.all().filter((a) => ringsOf(a.geometry).some((r) => ringSelfIntersects(r)));
    for (const a of crossing) {
      const m = municipalities.get(a.municipality!)!;
      expect(ringsOf(m.geometry).some((r) => ringSelfIntersects(r)), a.postcode).toBe(true);
    }
    expect(crossing.length).toBeLessThanOrEqual(1);
  });
});

describe('centroids from GeoNames rows', () => {
  it('averages the places of one PC4 and drops a stray row far from its neighbours', () => {
    const rows = [
      { postcode: '3921', lat: 51.9861, lon: 5.5012, place: 'Elst Ut' },
      { postcode: '3921', lat: 51.9155, lon: 4.4589, place: 'Rotterdam' },
      { postcode: '3922', lat: 51.9894, lon: 5.4856, place: 'Elst Ut' },
      { postcode: '7881', lat: 52.8089, lon: 7.0344, place: 'Emmer-Compascuum' },
      { postcode: '7881', lat: 52.7442, lon: 7.0086, place: 'Klazienaveen' },
      { postcode: '7911', lat: 52.7279, lon: 6.5453, place: 'Noordscheschut' },
      { postcode: '7911', lat: 52.7208, lon: 6.5696, place: 'Nieuweroord' },
      { postcode: '7912', lat: 52.7292, lon: 6.5647, place: 'Nieuweroord' },
    ];
    const byCode = new Map(centroidsFromRows(rows).map((c) => [c.postcode, c]));
    expect(byCode.get('3921')).toMatchObject({ lat: 51.9861, lon: 5.5012, place: 'Elst Ut', rows: 1 });
    expect(byCode.get('7911')).toMatchObject({ lat: 52.72435, lon: 6.55745, rows: 2 });
    expect(byCode.get('7881')?.rows).toBe(1); // 7 km apart and no PC3 neighbour to choose by: the first row
  });
});
