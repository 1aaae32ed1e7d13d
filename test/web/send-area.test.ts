import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaInputSchema, resolveArea } from '#send/targeting/area.ts';
import { bundledMunicipalities } from '#send/targeting/municipalities.ts';
import { areaInputOf, choiceFeature, choiceOf, circleRing, distanceM, municipalityOptions, polygonProblem, searchMunicipalities } from '../../web/dashboard/send/area.ts';

const outlines = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, properties: { gemeentecode: 'GM0344', gemeentenaam: 'Utrecht' }, geometry: { type: 'Polygon' as const, coordinates: [[[5, 52], [5.2, 52], [5.2, 52.2], [5, 52]]] } },
    { type: 'Feature' as const, properties: { gemeentecode: 'GM1581', gemeentenaam: 'Utrechtse Heuvelrug' }, geometry: { type: 'Polygon' as const, coordinates: [[[5.3, 52], [5.5, 52], [5.5, 52.2], [5.3, 52]]] } },
    { type: 'Feature' as const, properties: { gemeentecode: 'GM1900', gemeentenaam: 'Súdwest-Fryslân' }, geometry: null as unknown as { type: 'Polygon'; coordinates: [] } },
    { type: 'Feature' as const, properties: { gemeentecode: 'GM0363', gemeentenaam: 'Amsterdam' }, geometry: { type: 'Polygon' as const, coordinates: [] } },
    { type: 'Feature' as const, properties: { gemeentecode: 'bad', gemeentenaam: 'Nergens' }, geometry: { type: 'Polygon' as const, coordinates: [] } },
  ],
};

describe('municipality list', () => {
  it('lists valid codes once, sorted by name', () => {
    expect(municipalityOptions(outlines).map((m) => m.name)).toEqual(['Amsterdam', 'Súdwest-Fryslân', 'Utrecht', 'Utrechtse Heuvelrug']);
  });

  it('finds names by prefix first, ignoring case and accents', () => {
    const options = municipalityOptions(outlines);
    expect(searchMunicipalities(options, 'utrecht').map((m) => m.code)).toEqual(['GM0344', 'GM1581']);
    expect(searchMunicipalities(options, 'sudwest').map((m) => m.code)).toEqual(['GM1900']);
    expect(searchMunicipalities(options, 'heuvel').map((m) => m.code)).toEqual(['GM1581']);
    expect(searchMunicipalities(options, 'gm0363').map((m) => m.name)).toEqual(['Amsterdam']);
    expect(searchMunicipalities(options, '', 2)).toHaveLength(2);
  });

  it('covers every municipality the server knows (the bundled outlines)', () => {
    const server = bundledMunicipalities().all();
    const options = municipalityOptions(JSON.parse(readFileSync('data/geo/gemeenten-2023.geojson', 'utf8')));
    expect(options.map((m) => m.code).sort()).toEqual(server.map((m) => m.code).sort());
  });
});

describe('areas for the API', () => {
  it('gives inputs the server schema accepts, or null for an incomplete choice', () => {
    const inputs = [
      areaInputOf({ kind: 'municipality', code: 'GM0344', name: 'Utrecht' }),
      areaInputOf({ kind: 'circle', lat: 52.0907123456, lon: 5.1214987654, radiusM: 499.6 }),
      areaInputOf({ kind: 'polygon', points: [[5.1, 52.08], [5.13, 52.08], [5.12, 52.1]] }),
    ];
    for (const input of inputs) expect(areaInputSchema.safeParse(input).success, JSON.stringify(input)).toBe(true);
    expect(inputs[1]).toEqual({ kind: 'circle', lat: 52.090712, lon: 5.121499, radiusM: 500 });
    expect(areaInputOf({ kind: 'circle', lat: 52, lon: 5, radiusM: 5 })).toBeNull();
    expect(areaInputOf({ kind: 'circle', lat: 95, lon: 5, radiusM: 500 })).toBeNull();
    expect(areaInputOf({ kind: 'polygon', points: [[5, 52], [5.1, 52]] })).toBeNull();
    expect(areaInputOf({ kind: 'municipality', code: 'Utrecht', name: 'Utrecht' })).toBeNull();
    expect(areaInputOf(null)).toBeNull();
  });

  it('round-trips a drawn outline through the stored input (closed ring)', () => {
    const points: [number, number][] = [[5.1, 52.08], [5.13, 52.08], [5.12, 52.1]];
    expect(choiceOf({ kind: 'polygon', coordinates: [[...points, points[0]!]] }, [])).toEqual({ kind: 'polygon', points });
    expect(choiceOf({ kind: 'municipality', code: 'gm0344' }, [{ code: 'GM0344', name: 'Utrecht' }])).toEqual({ kind: 'municipality', code: 'GM0344', name: 'Utrecht' });
    expect(choiceOf({ kind: 'postcode', postcode: '3511' }, [])).toBeNull();
  });

  it('judges a drawn outline as the server does (property)', () => {
    const municipalities = bundledMunicipalities();
    const coordinate = fc.integer({ min: 0, max: 6 }).map((n) => 5 + n / 100);
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate.map((x) => x + 47)), { minLength: 3, maxLength: 7 }), (points) => {
        const client = polygonProblem(points);
        let serverOk = true;
        try {
          resolveArea({ kind: 'polygon', coordinates: [points] }, municipalities);
        } catch {
          serverOk = false;
        }
        expect(client === null).toBe(serverOk);
      }),
      { numRuns: 400 },
    );
  });
});

describe('drawing', () => {
  it('draws a closed circle whose points lie at the radius', () => {
    const ring = circleRing(52.09, 5.12, 1000, 32);
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const p of ring) expect(Math.abs(distanceM([5.12, 52.09], p) - 1000)).toBeLessThan(1);
  });

  it('gives the feature to show for each kind of choice', () => {
    expect(choiceFeature({ kind: 'municipality', code: 'GM0344', name: 'Utrecht' }, outlines)?.properties?.gemeentenaam).toBe('Utrecht');
    expect(choiceFeature({ kind: 'polygon', points: [[5, 52], [5.1, 52]] }, null)?.geometry.type).toBe('LineString');
    expect(choiceFeature({ kind: 'polygon', points: [[5, 52], [5.1, 52], [5.1, 52.1]] }, null)?.geometry).toEqual({ type: 'Polygon', coordinates: [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]] });
    expect(choiceFeature({ kind: 'circle', lat: 52, lon: 5, radiusM: 100 }, null)?.geometry.type).toBe('Polygon');
    expect(choiceFeature(null, outlines)).toBeNull();
  });
});
