import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { draftInputSchema } from '#send/messages/message.ts';
import { areaInputSchema, resolveArea } from '#send/targeting/area.ts';
import { bundledMunicipalities } from '#send/targeting/municipalities.ts';
import { bundledPostcodeAreas } from '#send/targeting/postcode-areas.ts';
import { createTestContext, type TestContext } from '#test/support/context.ts';
import { areaInputOf, choiceFeature, choiceOf, circleRing, distanceM, municipalityOptions, normalisePostcode, parsePostcodeArea, polygonProblem, searchMunicipalities, sendChoiceOf } from '../../web/dashboard/send/area.ts';
import { lookupPostcodeArea } from '../../web/dashboard/send/area-postcode.ts';
import { composerBody, initialComposerState, stateFromMessage } from '../../web/dashboard/send/composer-form.ts';

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

describe('postcode areas', () => {
  const utrecht = bundledPostcodeAreas()!.get('3512')!;
  const answer = { postcode: '3512', place: 'Utrecht', municipality: { code: 'GM0344', name: 'Utrecht' }, geometry: utrecht.geometry, approximate: true };

  it('keeps the four digits of a postcode as people type it', () => {
    for (const typed of ['3512', ' 3512 ', '3512AB', '3512 ab', '3512 Ab']) expect(normalisePostcode(typed), typed).toBe('3512');
    for (const bad of ['', '351', '35123', '0123', '3512 A', '3512-AB', 'AB 3512', '3512  AB', '٣٥١٢']) expect(normalisePostcode(bad), bad).toBeNull();
  });

  it('never gives the server a postcode its schema refuses (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 9 }), fc.stringMatching(/^\s?\d{4}\s?[A-Za-z]{0,2}\s?$/)), (typed) => {
        const digits = normalisePostcode(typed);
        if (digits === null) return;
        expect(areaInputSchema.safeParse({ kind: 'postcode', postcode: digits }).success, typed).toBe(true);
        expect(areaInputOf({ kind: 'postcode', postcode: digits, place: null, geometry: null })).toEqual({ kind: 'postcode', postcode: digits });
      }),
      { numRuns: 500 },
    );
  });

  it('sends {kind: postcode} only for four digits, and reads it back from a stored draft', () => {
    expect(areaInputOf({ kind: 'postcode', postcode: '35', place: null, geometry: null })).toBeNull();
    expect(sendChoiceOf({ kind: 'postcode', postcode: '3511' }, [])).toEqual({ kind: 'postcode', postcode: '3511', place: null, geometry: null });
    // Watchlists and appeals have no postcode kind: the shared choiceOf leaves it out.
    expect(choiceOf({ kind: 'postcode', postcode: '3511' }, [])).toBeNull();
    expect(sendChoiceOf({ kind: 'circle', lat: 52, lon: 5, radiusM: 500 }, [])).toEqual({ kind: 'circle', lat: 52, lon: 5, radiusM: 500 });
  });

  it('puts the postcode in the composer body, which the server takes and resolves to the outline', () => {
    const state = { ...initialComposerState(['webpush']), nl: { headline: 'Kop', body: 'Tekst', instruction: '' }, area: { kind: 'postcode' as const, postcode: '3512', place: 'Utrecht', geometry: utrecht.geometry } };
    const body = composerBody(state);
    expect(body.area).toEqual({ kind: 'postcode', postcode: '3512' });
    expect(draftInputSchema.safeParse(body).success).toBe(true);
    expect(resolveArea(body.area!, bundledMunicipalities()).geometry).toEqual(utrecht.geometry);
    const again = stateFromMessage({ ...body, area: body.area }, []);
    expect(again.area).toEqual({ kind: 'postcode', postcode: '3512', place: null, geometry: null });
    expect(composerBody(again).area).toEqual(body.area);
  });

  it('draws the fetched outline, marked approximate, and nothing before it is there', () => {
    const feature = choiceFeature({ kind: 'postcode', postcode: '3512', place: 'Utrecht', geometry: utrecht.geometry }, null);
    expect(feature).toEqual({ type: 'Feature', properties: { approximate: true }, geometry: utrecht.geometry });
    expect(choiceFeature({ kind: 'postcode', postcode: '3512', place: null, geometry: null }, null)).toBeNull();
  });

  it('reads the API answer and refuses anything else', () => {
    expect(parsePostcodeArea(answer)).toEqual(answer);
    expect(parsePostcodeArea({ ...answer, place: null, municipality: null })).toMatchObject({ place: null, municipality: null });
    expect(parsePostcodeArea({ ...answer, approximate: false })?.approximate).toBe(false);
    const junk: unknown[] = [null, 'html', [], { ...answer, postcode: 3512 }, { ...answer, postcode: '0123' }, { ...answer, geometry: null }, { ...answer, geometry: { type: 'Point', coordinates: [5, 52] } }, { ...answer, geometry: { type: 'Polygon', coordinates: [[[5, 52], [5, 'x'], [5.1, 52], [5, 52]]] } }, { ...answer, geometry: { type: 'MultiPolygon', coordinates: [] } }];
    for (const body of junk) expect(parsePostcodeArea(body), JSON.stringify(body)).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const parsed = parsePostcodeArea(body);
        if (parsed) expect(parsed.postcode).toMatch(/^[1-9]\d{3}$/);
      }),
    );
  });
});

describe('lookupPostcodeArea against the real route', () => {
  let t: TestContext;
  let app: HttpApp;

  beforeAll(async () => {
    t = await createTestContext('sqlite');
    app = await buildApp(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function fetchThroughApp(calls: string[]) {
    return async (input: string, init?: RequestInit) => {
      const url = input;
      calls.push(url);
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
      const headers = Object.entries(response.headers).map(([k, v]) => [k, String(v)] as [string, string]);
      return new Response(response.body, { status: response.statusCode, headers });
    };
  }

  it('finds 3512 with its place and outline, and calls 1010 unknown', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', fetchThroughApp(calls));
    const found = await lookupPostcodeArea('3512');
    expect(found.status).toBe('found');
    if (found.status === 'found') {
      expect(found.area).toMatchObject({ postcode: '3512', place: 'Utrecht', municipality: { code: 'GM0344', name: 'Utrecht' }, approximate: true });
      expect(found.area.geometry).toEqual(bundledPostcodeAreas()!.outline('3512'));
    }
    expect(await lookupPostcodeArea('1010')).toEqual({ status: 'unknown' });
    expect(calls).toEqual(['/api/public/postcode-areas/3512', '/api/public/postcode-areas/1010']);
  });

  it('reports a failure (not "unknown") when the answer does not come or makes no sense', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('network down')));
    expect(await lookupPostcodeArea('3512')).toEqual({ status: 'failed' });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>proxy</html>', { status: 200, headers: { 'content-type': 'text/html' } })));
    expect(await lookupPostcodeArea('3512')).toEqual({ status: 'failed' });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{}', { status: 503 })));
    expect(await lookupPostcodeArea('3512')).toEqual({ status: 'failed' });
  });

  it('rejects when aborted, so a superseded lookup is never shown', async () => {
    vi.stubGlobal('fetch', fetchThroughApp([]));
    const controller = new AbortController();
    controller.abort();
    await expect(lookupPostcodeArea('3512', controller.signal)).rejects.toThrow(/abort/i);
  });
});
