import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectCandidates, type VolunteerPositions } from '#respond/dispatch.ts';
import { destination } from '#respond/geo.ts';
import { DEFAULT_DISPATCH_PARAMS } from '#respond/params.ts';
import { VolunteerIndex } from '#respond/spatial-index.ts';
import { MOMENT, VICTIM } from './builders.ts';

const ids = (cs: { volunteerId: string }[]) => cs.map((c) => c.volunteerId);

describe('volunteer spatial index', () => {
  it('finds exactly what a scan of everyone finds, through inserts, moves, live fixes and removals (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), id: fc.integer({ min: 0, max: 40 }), metres: fc.integer({ min: 0, max: 2500 }), bearing: fc.integer({ min: 0, max: 359 }), second: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: null }) }),
      fc.record({ kind: fc.constant('live' as const), id: fc.integer({ min: 0, max: 40 }), metres: fc.integer({ min: 0, max: 2500 }), ageMin: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('rebuild' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 100, max: 1000 }), fc.integer({ min: 1, max: 12 }), (ops, radius, limit) => {
        const index = new VolunteerIndex({ rebuildAfter: 8 });
        const truth = new Map<string, VolunteerPositions>();
        index.rebuild();
        for (const o of ops) {
          if (o.kind === 'rebuild') index.rebuild();
          else if (o.kind === 'remove') {
            index.remove(`v${o.id}`);
            truth.delete(`v${o.id}`);
          } else if (o.kind === 'upsert') {
            const addresses = [{ ...destination(VICTIM, o.metres, o.bearing), windows: null }];
            if (o.second !== null) addresses.push({ ...destination(VICTIM, o.second, o.bearing + 90), windows: null });
            const v: VolunteerPositions = { id: `v${o.id}`, qualifiedUntil: '2030-01-01', snoozedUntil: null, live: truth.get(`v${o.id}`)?.live ?? null, addresses };
            index.upsert(v);
            truth.set(v.id, v);
          } else {
            const live = { ...destination(VICTIM, o.metres, 180), at: MOMENT.now - o.ageMin * 60_000 };
            if (index.updateLive(`v${o.id}`, live)) truth.set(`v${o.id}`, { ...truth.get(`v${o.id}`)!, live });
          }
        }
        const params = DEFAULT_DISPATCH_PARAMS;
        const fromIndex = selectCandidates(index.near(VICTIM, radius), VICTIM, MOMENT, params, radius, 1000);
        const fromScan = selectCandidates(truth.values(), VICTIM, MOMENT, params, radius, 1000);
        expect(ids(fromIndex)).toEqual(ids(fromScan));
        // The nearest-first early stop keeps exactly the scan's `limit` nearest.
        expect(selectCandidates(index.near(VICTIM, radius), VICTIM, MOMENT, params, radius, limit)).toEqual(fromScan.slice(0, limit));
        expect(index.size).toBe(truth.size);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the same volunteers as a scan when the tree is large enough to reorder its points', () => {
    const index = new VolunteerIndex();
    const all: VolunteerPositions[] = [];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 5000; i++) {
      const v: VolunteerPositions = { id: `v${i}`, qualifiedUntil: '2030-01-01', snoozedUntil: null, live: null, addresses: [{ ...destination(VICTIM, rand() * 3000, rand() * 360), windows: null }] };
      index.upsert(v);
      all.push(v);
    }
    index.rebuild();
    for (const radius of [250, 1000]) {
      const scan = selectCandidates(all, VICTIM, MOMENT, DEFAULT_DISPATCH_PARAMS, radius, 100_000);
      expect(index.idsWithin(VICTIM, radius).sort()).toEqual(ids(scan).sort());
      expect(ids(selectCandidates(index.near(VICTIM, radius), VICTIM, MOMENT, DEFAULT_DISPATCH_PARAMS, radius, 100_000))).toEqual(ids(scan));
    }
  });

  it('yields volunteers nearest first, each with the distance of its nearest position in range', () => {
    const index = new VolunteerIndex();
    index.upsert({ id: 'far-home-near-work', qualifiedUntil: '2030-01-01', snoozedUntil: null, live: null, addresses: [{ ...destination(VICTIM, 900, 0), windows: null }, { ...destination(VICTIM, 100, 90), windows: null }] });
    index.upsert({ id: 'middle', qualifiedUntil: '2030-01-01', snoozedUntil: null, live: null, addresses: [{ ...destination(VICTIM, 400, 180), windows: null }] });
    index.upsert({ id: 'outside', qualifiedUntil: '2030-01-01', snoozedUntil: null, live: null, addresses: [{ ...destination(VICTIM, 1500, 180), windows: null }] });
    const found = [...index.near(VICTIM, 1000)].map((v) => [v.id, Math.round(v.nearestM)]);
    expect(found).toEqual([
      ['far-home-near-work', 100],
      ['middle', 400],
    ]);
  });

  it('stops early only when no later volunteer can be nearer: a near home with a fresh live fix far away does not count', () => {
    const index = new VolunteerIndex();
    const elsewhere = { ...destination(VICTIM, 800, 0), at: MOMENT.now - 60_000 };
    index.upsert({ id: 'home-near-but-out', qualifiedUntil: '2030-01-01', snoozedUntil: null, live: elsewhere, addresses: [{ ...destination(VICTIM, 100, 90), windows: null }] });
    index.upsert({ id: 'at-home', qualifiedUntil: '2030-01-01', snoozedUntil: null, live: null, addresses: [{ ...destination(VICTIM, 600, 180), windows: null }] });
    const chosen = selectCandidates(index.near(VICTIM, 1000), VICTIM, MOMENT, DEFAULT_DISPATCH_PARAMS, 1000, 1);
    expect(chosen.map((c) => [c.volunteerId, Math.round(c.distanceM)])).toEqual([['at-home', 600]]);
  });

  it('returns volunteers stored with their windows', () => {
    const index = new VolunteerIndex();
    const windows = [{ days: ['mon' as const], from: '08:00', to: '17:00' }];
    index.upsert({ id: 'a', qualifiedUntil: '2030-01-01', snoozedUntil: 5, live: null, addresses: [{ ...destination(VICTIM, 10, 0), windows }] });
    const [found] = index.near(VICTIM, 100);
    expect(found).toMatchObject({ id: 'a', snoozedUntil: 5, addresses: [{ windows }] });
  });
});
