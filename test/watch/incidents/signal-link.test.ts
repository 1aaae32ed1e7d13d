import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BusEvent } from '#platform/bus/events.ts';
import '#watch/detect/events.ts';
import { withSignal } from '#watch/incidents/signal-link.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

const VREDENBURG = { lat: 52.0927, lon: 5.1158, precision: 'exact' as const, placeName: null };
const T0 = Date.UTC(2026, 6, 4, 21, 8, 0);

describeEachStore('weak signals open and tag incidents (watch.incidents.signals)', (store) => {
  let t: TestContext;
  let org: Seeded;
  const seen: BusEvent<'signal.changed'>[] = [];
  let stopListening: () => void;

  beforeAll(async () => {
    t = await createTestContext(store);
    // The incidents' own post consumer is left out on purpose: every incident here comes from a signal.
    t.ctx.watch.pipeline.register();
    t.ctx.signals.detection.register();
    t.ctx.incidents.signalLink!.register();
    stopListening = t.ctx.bus.listen(['signal.changed'], (event) => seen.push(event));
    await t.ctx.bus.start();
    org = await seedOrganisation(t.ctx, ['analyst']);
  });
  afterAll(async () => {
    stopListening();
    await t.close();
  });

  const incidents = () => t.ctx.incidents.incidents.list({ organisationId: org.organisationId, limit: 50 });

  it('opens an incident for the posts of a burst and records the signal on it', async () => {
    const burst = Array.from({ length: 6 }, (_, i) =>
      buildIncomingPost({ text: `Stroomstoring op het Vredenburg! Alles is uitgevallen, podium en lichten donker ${i}`, createdAt: new Date(T0 + i * 20_000).toISOString(), location: VREDENBURG }),
    );
    await t.ctx.watch.posts.ingestNow(org.organisationId, burst);
    await waitFor(async () => (await t.ctx.signals.signals.list({ organisationId: org.organisationId, limit: 5 })).some((s) => s.observed >= 6), 'the burst to become a signal', 20_000);
    const [signal] = await t.ctx.signals.signals.list({ organisationId: org.organisationId, limit: 5 });
    await waitFor(async () => (await incidents()).some((i) => i.signalIds.includes(signal!.id) && i.postCount >= 6), 'the signal to open an incident', 20_000);

    const linked = (await incidents()).filter((i) => i.signalIds.includes(signal!.id));
    expect(linked).toHaveLength(1);
    expect(linked[0]!.category).toBe(signal!.category);
    const detail = await t.ctx.incidents.incidents.get(org.organisationId, linked[0]!.id);
    const signalPosts = (await t.ctx.signals.signals.detail(org.organisationId, signal!.id)).postIds;
    expect(detail.members.map((m) => m.postId).sort()).toEqual([...signalPosts].sort());
  });

  it('changes nothing on redelivery, and tags the existing incident when another signal points at its posts', async () => {
    await waitFor(() => seen.some((e) => e.payload.change === 'opened'), 'the opened event to be seen');
    const opened = seen.find((e) => e.payload.change === 'opened')!;
    const before = await incidents();
    await t.ctx.incidents.signalLink!.handle([opened]);
    expect(await incidents()).toEqual(before);

    // A second signal over the same posts (e.g. of another category): no new incident, one more id.
    const other = { ...opened, id: `${opened.id}-other`, payload: { ...opened.payload, signal: { ...opened.payload.signal, id: 'S-other' } } };
    const reviewed = { ...opened, id: `${opened.id}-reviewed`, payload: { ...opened.payload, change: 'reviewed' as const, signal: { ...opened.payload.signal, id: 'S-reviewed' } } };
    await t.ctx.incidents.signalLink!.handle([other, reviewed]);
    const after = await incidents();
    expect(after).toHaveLength(before.length);
    const tagged = after.find((i) => i.signalIds.includes(opened.payload.signal.id))!;
    expect(tagged.signalIds).toEqual([opened.payload.signal.id, 'S-other']);
  });

  it('opens an incident for low-priority posts of a burst in a cell, but not for a burst of unlocated posts', async () => {
    const overvecht = { lat: 52.117, lon: 5.11, precision: 'exact' as const, placeName: null };
    const located = await seedOrganisation(t.ctx, ['analyst']);
    const unlocated = await seedOrganisation(t.ctx, ['analyst']);
    // The classifier rates these relevant (traffic) but of low priority: alone, none would open an incident.
    const burst = (location: typeof overvecht | null) =>
      Array.from({ length: 5 }, (_, i) => buildIncomingPost({ text: 'Geen bus meer naar huis?', createdAt: new Date(T0 + 3_600_000 + i * 20_000).toISOString(), location }));
    await t.ctx.watch.posts.ingestNow(located.organisationId, burst(overvecht));
    await t.ctx.watch.posts.ingestNow(unlocated.organisationId, burst(null));
    const handled = async (organisationId: string) => {
      const events = seen.filter((e) => e.organisationId === organisationId).map((e) => e.id);
      if (events.length === 0) return false;
      const rows = await t.ctx.database.db.selectFrom('processed_events').select('event_id').where('consumer', '=', 'watch.incidents.signals').where('event_id', 'in', events).execute();
      return rows.length === events.length;
    };
    await waitFor(() => handled(located.organisationId), 'the located burst’s signal to be handled', 20_000);
    await waitFor(() => handled(unlocated.organisationId), 'the unlocated burst’s signal to be handled', 20_000);

    const [cellSignal] = await t.ctx.signals.signals.list({ organisationId: located.organisationId, limit: 5 });
    expect(cellSignal!.cell).not.toBeNull();
    const opened = await t.ctx.incidents.incidents.list({ organisationId: located.organisationId, limit: 5 });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ priority: 'low', category: 'traffic_transport', signalIds: [cellSignal!.id] });

    const [wideSignal] = await t.ctx.signals.signals.list({ organisationId: unlocated.organisationId, limit: 5 });
    expect(wideSignal!.cell).toBeNull();
    expect(await t.ctx.incidents.incidents.list({ organisationId: unlocated.organisationId, limit: 5 })).toEqual([]);
  });
});

it('adds a signal id once', () => {
  expect(withSignal([], 'a')).toEqual(['a']);
  expect(withSignal(['a'], 'b')).toEqual(['a', 'b']);
  expect(withSignal(['a', 'b'], 'a')).toBeNull();
});
