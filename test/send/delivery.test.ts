import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import type { Actor } from '#send/messages/message-service.ts';
import type { Message } from '#send/messages/message.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { recordingChannels, type RecordingChannel } from '#test/support/recording-channel.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { buildDraft, buildPushSubscription } from './builders.ts';

const author: Actor = { id: 'user:author', permissions: ['messages:write'] };
const approver: Actor = { id: 'user:approver', permissions: ['messages:write', 'messages:approve'] };

describeEachStore('delivery engine', (store) => {
  let t: TestContext;
  let clock: ManualClock;
  let broadcast: RecordingChannel;
  let push: RecordingChannel;
  let organisationId: string;

  beforeEach(async () => {
    clock = new ManualClock('2026-07-04T20:00:00.000Z');
    const recording = recordingChannels(() => clock.now().getTime(), { broadcast: 1, recipient: 5 });
    broadcast = recording.broadcast;
    push = recording.push;
    t = await createTestContext(store, { clock, channels: recording.channels });
    organisationId = (await seedOrganisation(t.ctx, ['coordinator'])).organisationId;
  });
  afterEach(async () => t.close());

  async function publish(overrides = {}): Promise<Message> {
    const { messages } = t.ctx.send;
    const draft = await messages.create(organisationId, buildDraft(overrides), author);
    await messages.submit(organisationId, draft.id, author);
    const published = await messages.approve(organisationId, draft.id, approver);
    expect(published.status).toBe('published');
    return published;
  }

  async function subscribers(count: number, overrides = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await t.ctx.send.subscriptions.subscribe(buildPushSubscription(overrides))).id);
    return ids;
  }

  /** Runs worker passes a simulated second apart until nothing is due; returns hand-overs per second. */
  async function drain(maxSeconds = 200): Promise<number[]> {
    const perSecond: number[] = [];
    for (let s = 0; s < maxSeconds; s++) {
      const before = push.handOvers.length + broadcast.handOvers.length;
      await t.ctx.send.delivery.worker.runOnce();
      await t.ctx.send.delivery.worker.runOnce();
      perSecond.push(push.handOvers.length + broadcast.handOvers.length - before);
      const open = await t.tdb.database.db.selectFrom('send_deliveries').select('idempotency_key').where('status', 'in', ['queued', 'retrying', 'in_flight']).execute();
      if (open.length === 0) break;
      clock.advance(1000);
    }
    return perSecond;
  }

  it('queues one delivery per broadcast channel and language and one per subscriber in the area, once, however often it is expanded', async () => {
    const inside = await subscribers(3);
    await subscribers(2, { area: { kind: 'circle', lat: 52.37, lon: 4.89, radiusM: 1000 } }); // Amsterdam
    await subscribers(1, { topics: ['fire'] }); // another topic
    const message = await publish();
    expect(await t.ctx.send.delivery.expander.expand(message)).toBe(2 + 3);
    await t.ctx.send.delivery.expander.expand(message);
    const rows = await t.tdb.database.db.selectFrom('send_deliveries').selectAll().execute();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.channel === 'webpush').map((r) => r.recipient_id).sort()).toEqual([...inside].sort());
    expect(rows.filter((r) => r.channel === 'mastodon').map((r) => r.language).sort()).toEqual(['en', 'nl']);
  });

  it('keeps each channel under its rate: hand-overs per simulated second never exceed it', async () => {
    await subscribers(23);
    await t.ctx.send.delivery.expander.expand(await publish());
    const perSecond = await drain();
    expect(push.handOvers).toHaveLength(23);
    expect(broadcast.handOvers).toHaveLength(2);
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(5 + 1);
    const pushPerSecond = new Map<number, number>();
    for (const h of push.handOvers) pushPerSecond.set(Math.floor(h.at / 1000), (pushPerSecond.get(Math.floor(h.at / 1000)) ?? 0) + 1);
    expect(Math.max(...pushPerSecond.values())).toBe(5);
    const broadcastSeconds = broadcast.handOvers.map((h) => Math.floor(h.at / 1000));
    expect(new Set(broadcastSeconds).size).toBe(2); // 1 a second: the two language versions go out a second apart
    expect(new Set(push.handOvers.map((h) => h.idempotencyKey)).size).toBe(23);
  });

  it('retries with growing, jittered backoff and then dead-letters with the reason', async () => {
    await subscribers(1);
    await t.ctx.send.delivery.expander.expand(await publish({ channels: ['webpush'] }));
    push.answer = { outcome: 'retry', reason: 'push service answered 503' };
    const attemptsAt: number[] = [];
    for (let i = 0; i < 400 && attemptsAt.length < 6; i++) {
      const before = push.handOvers.length;
      await t.ctx.send.delivery.worker.runOnce();
      if (push.handOvers.length > before) attemptsAt.push(clock.now().getTime());
      clock.advance(1000);
    }
    expect(attemptsAt).toHaveLength(6);
    const gaps = attemptsAt.slice(1).map((at, i) => at - attemptsAt[i]!);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps[0]!).toBeGreaterThanOrEqual(1000);
    const [row] = await t.tdb.database.db.selectFrom('send_deliveries').selectAll().execute();
    expect(row).toMatchObject({ status: 'failed', attempts: 6 });
    expect(row!.last_error).toBe('gave up after 6 attempts: push service answered 503');
    expect(push.handOvers.every((h) => h.idempotencyKey === row!.idempotency_key)).toBe(true);
  });

  it('dead-letters a permanent refusal at once and removes a gone subscription', async () => {
    const [refused, gone, fine] = await subscribers(3);
    await t.ctx.send.delivery.expander.expand(await publish({ channels: ['webpush'] }));
    push.answer = (h) => (h.recipient!.id === refused ? { outcome: 'failed', reason: '413 payload too large' } : h.recipient!.id === gone ? { outcome: 'gone', reason: '410 Gone' } : { outcome: 'delivered', externalId: 'x' });
    await drain();
    const byRecipient = new Map((await t.tdb.database.db.selectFrom('send_deliveries').selectAll().execute()).map((r) => [r.recipient_id, r]));
    expect(byRecipient.get(refused!)).toMatchObject({ status: 'failed', last_error: '413 payload too large', attempts: 1 });
    expect(byRecipient.get(gone!)).toMatchObject({ status: 'gone', attempts: 1 });
    expect(byRecipient.get(fine!)).toMatchObject({ status: 'delivered', external_id: 'x' });
    const subscription = await t.tdb.database.db.selectFrom('send_subscriptions').selectAll().where('id', '=', gone!).executeTakeFirstOrThrow();
    expect(subscription).toMatchObject({ status: 'removed', address: '' });
    // the next message no longer reaches the gone subscriber
    const next = await publish({ channels: ['webpush'] });
    const planned = await t.ctx.send.delivery.expander.plan(next);
    expect(planned.map((d) => d.recipientId).sort()).toEqual([refused, fine].sort());
  });

  it('gives every recipient the link to unsubscribe, hands every channel an exercise as CAP status Exercise (which channels mark OEFENING), and uses the recipient language', async () => {
    await subscribers(1, { language: 'en' });
    await subscribers(1);
    await t.ctx.send.delivery.expander.expand(await publish({ exercise: true }));
    await drain();
    for (const h of [...push.handOvers, ...broadcast.handOvers]) {
      expect(h.message.status).toBe('Exercise');
      const channel = h.recipient ? push : broadcast;
      expect(channel.preview(h.message).text).toMatch(h.message.language === 'nl' ? /^OEFENING — / : /^EXERCISE — /);
    }
    expect(push.handOvers.map((h) => h.message.language).sort()).toEqual(['en', 'nl']);
    for (const h of push.handOvers) expect(h.recipient!.unsubscribeUrl).toMatch(/\/citizen\/unsubscribe\?s=.+&t=[A-Za-z0-9_-]{43}$/);
  });

  it('retries an in-flight delivery whose lease ran out (its worker died) with the same idempotency key', async () => {
    await subscribers(1);
    await t.ctx.send.delivery.expander.expand(await publish({ channels: ['webpush'] }));
    const { db } = t.tdb.database;
    // A worker that claimed the delivery and died before recording the outcome:
    await db.updateTable('send_deliveries').set({ status: 'in_flight', lease: 'dead-worker', locked_until: new Date(clock.now().getTime() + 60_000).toISOString(), attempts: 1 }).execute();
    expect(await t.ctx.send.delivery.worker.runOnce()).toBe(0);
    clock.advance(61_000);
    expect(await t.ctx.send.delivery.worker.runOnce()).toBe(1);
    const row = await db.selectFrom('send_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(push.handOvers[0]!.idempotencyKey).toBe(row.idempotency_key);
  });

  it('skips a subscriber who unsubscribed between queueing and delivery', async () => {
    const [id] = await subscribers(1);
    await t.ctx.send.delivery.expander.expand(await publish({ channels: ['webpush'] }));
    const token = t.ctx.send.subscriptions.unsubscribeUrl(id!).split('&t=')[1]!;
    await t.ctx.send.subscriptions.unsubscribe(id!, token);
    await drain();
    expect(push.handOvers).toHaveLength(0);
    const counts = await t.ctx.send.delivery.status.counts(organisationId, [(await t.tdb.database.db.selectFrom('send_deliveries').select('message_id').executeTakeFirstOrThrow()).message_id]);
    expect([...counts.values()][0]!.get('webpush')).toMatchObject({ skipped: 1, delivered: 0 });
  });
});
