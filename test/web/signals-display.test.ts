import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotificationEvent, parseSignal, parseSignalEvent, type LinkedIncident, type Signal } from '../../web/dashboard/watch/alerts-api.ts';
import { modeFromPath, watchViewFromPath, watchViewPath } from '../../web/dashboard/modes.ts';
import { addNotification, clockTime, scoreBand, signalBounds, signalFeatures, timelineLayout, upsertSignal } from '../../web/dashboard/watch/signal-display.ts';

const RING: [number, number][] = [
  [5.1158, 52.0927],
  [5.1208, 52.0927],
  [5.1208, 52.0967],
  [5.1158, 52.0967],
  [5.1158, 52.0927],
];

function buildSignal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: '01J0000000000000000000000A',
    category: 'infrastructure_outage',
    cell: '881969a4b5fffff',
    centre: { lat: 52.0947, lon: 5.1183 },
    boundary: RING,
    status: 'open',
    review: 'new',
    detectedAt: '2026-07-04T21:09:00.000Z',
    windowStart: '2026-07-04T21:05:00.000Z',
    firstPostAt: '2026-07-04T21:08:00.000Z',
    lastPostAt: '2026-07-04T21:20:00.000Z',
    observed: 12,
    expected: 0.8,
    score: 6.2,
    baselinePerHour: 1.2,
    fired: { observed: 4, expected: 0.1, score: 4.1, threshold: 3, windowMinutes: 5 },
    reason: { nl: '4 berichten in 5 minuten', en: '4 posts in 5 minutes' },
    updatedAt: '2026-07-04T21:20:00.000Z',
    ...overrides,
  };
}

describe('signals on the map and the timeline', () => {
  it('puts scores in three bands from the detector’s threshold up', () => {
    expect([3, 4.9, 5, 7.99, 8, 40].map(scoreBand)).toEqual(['notable', 'notable', 'strong', 'strong', 'extreme', 'extreme']);
  });

  it('draws located signals as polygons with their band, and fits the map to them', () => {
    const located = buildSignal({ id: 'b', score: 9 });
    const unlocated = buildSignal({ id: 'a', cell: null, centre: null, boundary: null });
    const fc = signalFeatures([located, unlocated], 'b');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties).toEqual({ id: 'b', band: 'extreme', selected: 1, open: 1 });
    expect(fc.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [RING] });
    expect(signalBounds([located, unlocated])).toEqual([
      [5.1158, 52.0927],
      [5.1208, 52.0967],
    ]);
    expect(signalBounds([unlocated])).toBeNull();
  });

  it('keeps the live list newest first and replaces a signal that grew', () => {
    const a = buildSignal({ id: '01A', observed: 3 });
    const b = buildSignal({ id: '01B' });
    let list = upsertSignal([], a);
    list = upsertSignal(list, b);
    expect(list.map((s) => s.id)).toEqual(['01B', '01A']);
    list = upsertSignal(list, { ...a, observed: 9 });
    expect(list.map((s) => [s.id, s.observed])).toEqual([
      ['01B', 12],
      ['01A', 9],
    ]);
    expect(upsertSignal(list, buildSignal({ id: '01C' }), 2).map((s) => s.id)).toEqual(['01C', '01B']);
  });

  it('lays the evening out on one axis, with the linked incident beneath its signal', () => {
    const early = buildSignal({ id: 'early', windowStart: '2026-07-04T21:00:00.000Z', firstPostAt: '2026-07-04T21:01:00.000Z', detectedAt: '2026-07-04T21:03:00.000Z', lastPostAt: '2026-07-04T21:30:00.000Z' });
    const late = buildSignal({ id: 'late', windowStart: '2026-07-04T22:00:00.000Z', firstPostAt: '2026-07-04T22:00:00.000Z', detectedAt: '2026-07-04T22:02:00.000Z', lastPostAt: '2026-07-04T22:30:00.000Z' });
    const incident: LinkedIncident = { id: 'i', status: 'new', category: null, placeName: null, firstAt: '2026-07-04T21:02:00.000Z', lastAt: '2026-07-04T21:40:00.000Z', postCount: 5, signalIds: ['early'] };
    const layout = timelineLayout([late, early], new Map([['early', incident]]), 900)!;
    expect(layout.rows.map((r) => r.id)).toEqual(['early', 'late']);
    expect(layout.rows[0]!.x1).toBe(0);
    expect(layout.rows[1]!.x2).toBe(900);
    expect(layout.rows[0]!.incident).not.toBeNull();
    expect(layout.rows[1]!.incident).toBeNull();
    // 21:00–22:30 UTC is 23:00–00:30 in Dutch summer time: ticks every half hour.
    expect(layout.ticks.map((t) => t.label)).toEqual(['23:00', '23:30', '00:00', '00:30']);
    expect(clockTime(Date.parse('2026-01-15T12:00:00Z'))).toBe('13:00');
    expect(timelineLayout([], new Map(), 900)).toBeNull();
  });

  it('keeps every bar inside the axis and in time order (property)', () => {
    const minute = fc.integer({ min: 0, max: 600 });
    fc.assert(
      fc.property(fc.array(fc.tuple(minute, minute, minute), { minLength: 1, maxLength: 30 }), (spans) => {
        const base = Date.parse('2026-07-04T18:00:00Z');
        const signals = spans.map(([a, b, c], i) => {
          const [start, fired, last] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
          const at = (m: number) => new Date(base + m * 60_000).toISOString();
          return buildSignal({ id: `s${String(i).padStart(3, '0')}`, windowStart: at(start), firstPostAt: at(start), detectedAt: at(fired), lastPostAt: at(last) });
        });
        const layout = timelineLayout(signals, new Map(), 500)!;
        for (const row of layout.rows) {
          expect(row.x1).toBeGreaterThanOrEqual(0);
          expect(row.x2).toBeLessThanOrEqual(501);
          expect(row.x2).toBeGreaterThan(row.x1);
          expect(row.xDetected).toBeGreaterThanOrEqual(row.x1 - 1e-9);
        }
      }),
    );
  });
});

describe('routes', () => {
  it('gives the signals and watchlists views their own paths inside Watch', () => {
    expect(watchViewPath('signals')).toBe('/watch/signals');
    expect(watchViewFromPath('/watch/signals/')).toBe('signals');
    expect(watchViewFromPath('/watch/watchlists')).toBe('watchlists');
    expect(modeFromPath('/watch/watchlists')).toBe('watch');
  });
});

describe('stream events', () => {
  it('reads a signal event as the server sends it', () => {
    const signal = buildSignal();
    expect(parseSignalEvent(JSON.stringify({ change: 'grown', signal, postIds: ['p1'] }))).toEqual({ change: 'grown', signal });
    expect(parseSignal({ ...signal, category: 'not-a-category' })).toBeNull();
    expect(parseSignal({ ...signal, cell: null, centre: null, boundary: null })).toMatchObject({ cell: null, centre: null, boundary: null });
  });

  it('reads a notification event without delivery states', () => {
    const n = { id: 'n1', ruleId: 'r', watchlistId: 'w', subjectType: 'signal', subjectId: 's', title: 'Zomerfeest — Stroom', summary: 'x', priority: 'high', createdAt: '2026-07-04T21:09:00.000Z', readAt: null };
    expect(parseNotificationEvent(JSON.stringify(n))).toEqual({ ...n, deliveries: [] });
    expect(parseNotificationEvent(JSON.stringify({ ...n, subjectType: 'tip' }))).toBeNull();
  });

  it('never throws on whatever arrives on the stream (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (data) => {
        expect(() => parseSignalEvent(data)).not.toThrow();
        expect(() => parseNotificationEvent(data)).not.toThrow();
      }),
    );
  });

  it('keeps one copy of a redelivered notification, newest first', () => {
    const n = (id: string) => ({ id, ruleId: 'r', watchlistId: 'w', subjectType: 'post' as const, subjectId: id, title: id, summary: '', priority: 'high' as const, createdAt: '', readAt: null, deliveries: [] });
    let list = addNotification([], n('01A'));
    list = addNotification(list, n('01B'));
    list = addNotification(list, n('01A'));
    expect(list.map((x) => x.id)).toEqual(['01B', '01A']);
  });
});
