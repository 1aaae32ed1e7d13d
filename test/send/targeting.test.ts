import circle from '@turf/circle';
import turfArea from '@turf/area';
import booleanIntersects from '@turf/boolean-intersects';
import intersect from '@turf/intersect';
import { featureCollection, feature } from '@turf/helpers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '#core/errors.ts';
import { areaInputSchema, resolveArea } from '#send/targeting/area.ts';
import { circleIntersects, distanceToOutlineM, geometriesIntersect, geometriesOverlap, type AreaGeometry } from '#send/targeting/geometry.ts';
import { bundledMunicipalities } from '#send/targeting/municipalities.ts';
import { matchesShape, SubscriptionIndex, type IndexedSubscription } from '#send/targeting/subscription-index.ts';

const municipalities = bundledMunicipalities();

const STAR_CODES = ['GM0344', 'GM0363', 'GM0307', 'GM0518', 'GM0034'];
const starOffsets = fc.array(fc.tuple(fc.double({ min: -0.15, max: 0.15, noNaN: true }), fc.double({ min: -0.1, max: 0.1, noNaN: true })), { minLength: 3, maxLength: 6 });

/** A star-shaped polygon around a point near the box's centre: never self-intersecting. */
function starPolygonNear(bbox: readonly number[], offsets: readonly [number, number][]): AreaGeometry {
  const cx = (bbox[0]! + bbox[2]!) / 2;
  const cy = (bbox[1]! + bbox[3]!) / 2;
  const points = offsets.map(([dx, dy], i) => {
    const angle = (2 * Math.PI * i) / offsets.length;
    const r = Math.hypot(dx, dy) + 0.005;
    return [cx + dx + r * Math.cos(angle), cy + dy + r * Math.sin(angle)] as [number, number];
  });
  return { type: 'Polygon', coordinates: [[...points, points[0]!]] };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('areas', () => {
  it('resolves a municipality by CBS code to its outline', () => {
    const area = resolveArea({ kind: 'municipality', code: 'gm0344' }, municipalities);
    expect(area.description).toBe('Gemeente Utrecht');
    expect(area.shape).toEqual({ kind: 'municipality', code: 'GM0344' });
    expect(area.bbox[0]).toBeGreaterThan(4.9);
    expect(area.bbox[2]).toBeLessThan(5.3);
  });

  it('resolves a circle to a 64-gon for CAP and keeps the true circle for matching', () => {
    const area = resolveArea({ kind: 'circle', lat: 52.0907, lon: 5.1214, radiusM: 500 }, municipalities);
    expect(area.geometry.type).toBe('Polygon');
    expect(area.shape).toEqual({ kind: 'circle', lat: 52.0907, lon: 5.1214, radiusM: 500 });
    expect(area.description).toContain('500 m');
  });

  it('closes an open drawn ring and refuses one that crosses itself, has no surface, or an unknown municipality', () => {
    const open = resolveArea({ kind: 'polygon', coordinates: [[[5.1, 52.1], [5.2, 52.1], [5.2, 52.2]]] }, municipalities);
    expect(open.geometry.type === 'Polygon' && open.geometry.coordinates[0]!.length).toBe(4);
    const bowtie = { kind: 'polygon' as const, coordinates: [[[5.1, 52.1], [5.2, 52.2], [5.2, 52.1], [5.1, 52.2]] as [number, number][]] };
    expect(codeOf(() => resolveArea(bowtie, municipalities))).toBe('INVALID_AREA');
    expect(codeOf(() => resolveArea({ kind: 'polygon', coordinates: [[[5.1, 52.1], [5.2, 52.2], [5.3, 52.3]]] }, municipalities))).toBe('INVALID_AREA');
    expect(codeOf(() => resolveArea({ kind: 'municipality', code: 'GM9999' }, municipalities))).toBe('UNKNOWN_MUNICIPALITY');
  });

  it('resolves a postcode-4 area (approximate outlines, test/send/postcode-areas.test.ts) and refuses an unknown one', () => {
    expect(resolveArea({ kind: 'postcode', postcode: '3511' }, municipalities).shape.kind).toBe('polygon');
    expect(codeOf(() => resolveArea({ kind: 'postcode', postcode: '1010' }, municipalities))).toBe('UNKNOWN_POSTCODE');
  });

  it('never crashes on any input: it parses and resolves, or gives a domain error', () => {
    const coordinate = fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }));
    const input = fc.oneof(
      fc.record({ kind: fc.constant('polygon'), coordinates: fc.array(fc.array(coordinate, { minLength: 0, maxLength: 12 }), { minLength: 0, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('circle'), lat: fc.double({ noNaN: false }), lon: fc.double(), radiusM: fc.double() }),
      fc.record({ kind: fc.constant('municipality'), code: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant('postcode'), postcode: fc.string({ maxLength: 6 }) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(input, (value) => {
        const parsed = areaInputSchema.safeParse(value);
        if (!parsed.success) return;
        try {
          const area = resolveArea(parsed.data, municipalities);
          expect(Number.isFinite(area.bbox[0])).toBe(true);
        } catch (error) {
          expect(isAppError(error)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('circle against outline', () => {
  const utrecht = municipalities.get('GM0344')!;

  it('agrees with turf on a fine polygon of the circle, away from the boundary', () => {
    fc.assert(
      fc.property(fc.double({ min: 51.9, max: 52.3, noNaN: true }), fc.double({ min: 4.8, max: 5.5, noNaN: true }), fc.double({ min: 50, max: 8000, noNaN: true }), (lat, lon, r) => {
        const margin = Math.abs(distanceToOutlineM(lon, lat, utrecht.geometry) - r);
        fc.pre(margin > 20); // within metres of tangency a 256-gon and a true circle may differ
        const turf = booleanIntersects(circle([lon, lat], r, { steps: 256, units: 'meters' }), utrecht.geometry);
        expect(circleIntersects(lat, lon, r, utrecht.geometry)).toBe(turf);
      }),
      { numRuns: 300 },
    );
  });
});

describe('outline against outline', () => {
  it('agrees with turf on random quadrilaterals against municipality outlines (holes and islands included)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAR_CODES),
        starOffsets,
        (code, offsets) => {
          const m = municipalities.get(code)!;
          const geometry = starPolygonNear(m.bbox, offsets);
          expect(geometriesIntersect(geometry, m.geometry)).toBe(booleanIntersects(geometry, m.geometry));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('overlap (what targeting means)', () => {
  const rect = (x0: number, y0: number, x1: number, y1: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });

  it('does not count neighbouring municipalities, which share their border exactly, as overlapping; each overlaps itself', () => {
    const utrecht = municipalities.get('GM0344')!;
    const neighbours = municipalities.all().filter((m) => m.code !== 'GM0344' && geometriesIntersect(m.geometry, utrecht.geometry, m.bbox, utrecht.bbox));
    expect(neighbours.map((m) => m.name)).toEqual(expect.arrayContaining(['Nieuwegein', 'De Bilt', 'Stichtse Vecht']));
    for (const m of neighbours) expect([m.name, geometriesOverlap(m.geometry, utrecht.geometry, m.bbox, utrecht.bbox)]).toEqual([m.name, false]);
    expect(geometriesOverlap(utrecht.geometry, utrecht.geometry)).toBe(true);
  });

  it('finds boundaries that cross with no vertex inside the other (a plus sign), and refuses shapes that only touch', () => {
    expect(geometriesOverlap(rect(5.0, 52.09, 5.2, 52.11), rect(5.09, 52.0, 5.11, 52.2))).toBe(true);
    expect(geometriesOverlap(rect(5.0, 52.0, 5.1, 52.1), rect(5.1, 52.0, 5.2, 52.1))).toBe(false);
    expect(geometriesOverlap(rect(5.0, 52.0, 5.1, 52.1), rect(5.1, 52.1, 5.2, 52.2))).toBe(false);
  });

  it('agrees with an exact polygon intersection (turf) whenever the overlap is not a sliver (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAR_CODES),
        starOffsets,
        (code, offsets) => {
          const m = municipalities.get(code)!;
          const geometry = starPolygonNear(m.bbox, offsets);
          const common = intersect(featureCollection([feature(geometry), feature(m.geometry)]));
          const shared = common ? turfArea(common) : 0;
          const smaller = Math.min(turfArea(geometry), turfArea(m.geometry));
          if (shared === 0) expect(geometriesOverlap(geometry, m.geometry)).toBe(false);
          else if (shared > 0.01 * smaller) expect(geometriesOverlap(geometry, m.geometry)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reaches subscribers whose area overlaps the target, not those of a neighbouring municipality', () => {
    const index = new SubscriptionIndex(municipalities);
    const sub = (id: string, area: Parameters<typeof resolveArea>[0]): IndexedSubscription => {
      const resolved = resolveArea(area, municipalities);
      return { id, organisationId: null, channel: 'webpush', language: 'nl', topics: [], shape: resolved.shape, bbox: resolved.bbox };
    };
    index.rebuild([
      sub('utrecht', { kind: 'municipality', code: 'GM0344' }),
      sub('nieuwegein', { kind: 'municipality', code: 'GM0356' }),
      // Nieuwegein centre, 3 km: reaches into Utrecht's south.
      sub('nieuwegein-circle', { kind: 'circle', lat: 52.0297, lon: 5.0911, radiusM: 3000 }),
      sub('nieuwegein-small-circle', { kind: 'circle', lat: 52.0297, lon: 5.0911, radiusM: 300 }),
    ]);
    const target = resolveArea({ kind: 'municipality', code: 'GM0344' }, municipalities);
    const reached = index.select({ organisationId: 'org', geometry: target.geometry, bbox: target.bbox, topics: ['fire'], channels: ['webpush'] }).map((r) => r.id);
    expect(reached.sort()).toEqual(['nieuwegein-circle', 'utrecht']);
  });
});

describe('subscription index', () => {
  const subscriptionArb = fc.record({
    kind: fc.constantFrom('circle', 'municipality', 'polygon'),
    lat: fc.double({ min: 51.8, max: 52.4, noNaN: true }),
    lon: fc.double({ min: 4.6, max: 5.6, noNaN: true }),
    size: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
    radiusM: fc.double({ min: 20, max: 20000, noNaN: true }),
    code: fc.constantFrom('GM0344', 'GM0363', 'GM0307', 'GM0356', 'GM0632'),
    org: fc.constantFrom<string | null>(null, 'org-a', 'org-b'),
    channel: fc.constantFrom('webpush', 'email'),
    topics: fc.subarray(['fire', 'crowd_safety', 'rumour']),
  });

  function build(spec: typeof subscriptionArb extends fc.Arbitrary<infer T> ? T : never, i: number): IndexedSubscription {
    const area =
      spec.kind === 'circle'
        ? resolveArea({ kind: 'circle', lat: spec.lat, lon: spec.lon, radiusM: spec.radiusM }, municipalities)
        : spec.kind === 'municipality'
          ? resolveArea({ kind: 'municipality', code: spec.code }, municipalities)
          : resolveArea({ kind: 'polygon', coordinates: [[[spec.lon, spec.lat], [spec.lon + spec.size, spec.lat], [spec.lon + spec.size, spec.lat + spec.size / 2], [spec.lon, spec.lat + spec.size / 2]]] }, municipalities);
    return { id: `s${i}`, organisationId: spec.org, channel: spec.channel, language: i % 3 === 0 ? 'en' : 'nl', topics: spec.topics, shape: area.shape, bbox: area.bbox };
  }

  it('selects exactly what a brute-force exact test selects, with organisation, channel and topic filters, across additions and removals', () => {
    fc.assert(
      fc.property(
        fc.array(subscriptionArb, { minLength: 1, maxLength: 60 }),
        fc.array(subscriptionArb, { maxLength: 10 }),
        fc.constantFrom('GM0344', 'circle'),
        fc.subarray(['fire', 'crowd_safety', 'rumour'], { minLength: 1 }),
        (initial, later, targetKind, topics) => {
          const subs = initial.map(build);
          const added = later.map((s, i) => build(s, 1000 + i));
          const index = new SubscriptionIndex(municipalities);
          index.rebuild(subs);
          for (const s of added) index.add(s);
          const removed = new Set(subs.filter((_, i) => i % 4 === 1).map((s) => s.id));
          for (const id of removed) index.remove(id);
          const target = targetKind === 'circle' ? resolveArea({ kind: 'circle', lat: 52.09, lon: 5.12, radiusM: 3000 }, municipalities) : resolveArea({ kind: 'municipality', code: 'GM0344' }, municipalities);
          const query = { organisationId: 'org-a', geometry: target.geometry, bbox: target.bbox, topics, channels: ['webpush'] };
          const expected = [...subs, ...added]
            .filter((s) => !removed.has(s.id))
            .filter((s) => (s.organisationId === null || s.organisationId === 'org-a') && s.channel === 'webpush' && (s.topics.length === 0 || s.topics.some((t) => topics.includes(t))))
            .filter((s) => matchesShape(s, query, municipalities))
            .map((s) => s.id)
            .sort();
          expect(index.select(query).map((r) => r.id).sort()).toEqual(expected);
          index.compact();
          expect(index.select(query).map((r) => r.id).sort()).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
