import circle from '@turf/circle';
import booleanIntersects from '@turf/boolean-intersects';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '#core/errors.ts';
import { areaInputSchema, resolveArea } from '#send/targeting/area.ts';
import { circleIntersects, distanceToOutlineM, geometriesIntersect, type AreaGeometry } from '#send/targeting/geometry.ts';
import { bundledMunicipalities } from '#send/targeting/municipalities.ts';
import { matchesShape, SubscriptionIndex, type IndexedSubscription } from '#send/targeting/subscription-index.ts';

const municipalities = bundledMunicipalities();

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

  it('says plainly that postcode areas are not available (no open PC4 outlines shipped)', () => {
    expect(codeOf(() => resolveArea({ kind: 'postcode', postcode: '3511' }, municipalities))).toBe('POSTCODE_AREAS_UNAVAILABLE');
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
    const codes = ['GM0344', 'GM0363', 'GM0307', 'GM0518', 'GM0034'];
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.array(fc.tuple(fc.double({ min: -0.15, max: 0.15, noNaN: true }), fc.double({ min: -0.1, max: 0.1, noNaN: true })), { minLength: 3, maxLength: 6 }),
        (code, offsets) => {
          const m = municipalities.get(code)!;
          const cx = (m.bbox[0] + m.bbox[2]) / 2;
          const cy = (m.bbox[1] + m.bbox[3]) / 2;
          // A star-shaped polygon around a point near the municipality: never self-intersecting.
          const points = offsets.map(([dx, dy], i) => {
            const angle = (2 * Math.PI * i) / offsets.length;
            const r = Math.hypot(dx, dy) + 0.005;
            return [cx + dx + r * Math.cos(angle), cy + dy + r * Math.sin(angle)] as [number, number];
          });
          const geometry: AreaGeometry = { type: 'Polygon', coordinates: [[...points, points[0]!]] };
          expect(geometriesIntersect(geometry, m.geometry)).toBe(booleanIntersects(geometry, m.geometry));
        },
      ),
      { numRuns: 400 },
    );
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
