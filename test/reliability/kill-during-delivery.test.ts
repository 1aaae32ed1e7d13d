import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createContext } from '#app/context.ts';
import { MemoryBus } from '#platform/bus/memory-bus.ts';
import { loadConfig } from '#platform/config.ts';
import type { ChannelKind, Channel } from '#send/channels/channel.ts';
import { createWebhookChannel } from '#send/channels/webhook.ts';
import { silentLog } from '#test/support/buses.ts';
import { databaseUrlOf, exited, startCli } from '#test/support/cli.ts';
import { seedOrganisation } from '#test/support/context.ts';
import { startFakeWebhookReceiver } from '#test/support/fake-webhook-receiver.ts';
import { createTestDatabase, describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';
import { buildDraft } from '#test/send/builders.ts';

const RECIPIENTS = 400;

/**
 * What is asserted: a real `waakzaam serve` delivers one published message as signed webhooks to
 * 400 receivers (each a partner endpoint subscribed to the area); it is killed with SIGKILL
 * mid-delivery and started again. Then (1) every receiver accepted the message: 400 distinct
 * idempotency keys (Waakzaam-Event-Id), one per receiver; (2) the only repeated hand-overs are of
 * deliveries that were in flight at the kill (at-least-once), each under the same key, so a
 * receiver that drops repeats by key (docs/webhooks.md) sees every message exactly once; (3) the
 * store holds exactly one delivery per receiver, all delivered.
 */
describeEachStore('kill -9 of the server during delivery', (store) => {
  it('delivers to every recipient, and repeats only in-flight hand-overs under the same key', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waakzaam-kill-send-'));
    const tdb = await createTestDatabase(store, join(dir, 'waakzaam.db'));
    const receiver = await startFakeWebhookReceiver();
    const channels = new Map<ChannelKind, Channel>([['webhook', createWebhookChannel({ allowHttp: true })]]);
    const config = loadConfig({ WAAKZAAM_DATABASE_URL: databaseUrlOf(tdb.config), WAAKZAAM_WEB_DIR: join(dir, 'no-web') });
    const bus = new MemoryBus({ database: tdb.database, clock: { now: () => new Date() }, log: silentLog });
    const ctx = await createContext(config, { database: tdb.database, bus, log: silentLog, migrate: false, channels });
    const env = {
      WAAKZAAM_DATABASE_URL: databaseUrlOf(tdb.config),
      WAAKZAAM_WEB_DIR: join(dir, 'no-web'),
      WAAKZAAM_WEBHOOK_ALLOW_HTTP: 'true',
      WAAKZAAM_LOG_LEVEL: 'warn',
      PORT: '0',
    };
    const { db } = tdb.database;
    const delivered = async () => Number((await db.selectFrom('send_deliveries').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'delivered').executeTakeFirst())?.n ?? 0);
    try {
      const coordinator = await seedOrganisation(ctx, ['coordinator']);
      const subscriptionIds: string[] = [];
      for (let i = 0; i < RECIPIENTS; i++) {
        const { id } = await ctx.send.subscriptions.subscribeEndpoint(coordinator.organisationId, {
          url: `${receiver.url}?receiver=${i}`,
          secret: receiver.secret,
          area: { kind: 'circle', lat: 52.09 + (i % 20) * 0.001, lon: 5.11, radiusM: 500 },
          topics: [],
          language: 'nl',
        });
        subscriptionIds.push(id);
      }
      const author = { id: 'user:author', permissions: ['messages:write'] };
      const approver = { id: 'user:approver', permissions: ['messages:write', 'messages:approve'] };
      const draft = await ctx.send.messages.create(coordinator.organisationId, buildDraft({ channels: ['webhook'] }), author);
      await ctx.send.messages.submit(coordinator.organisationId, draft.id, author);
      expect((await ctx.send.messages.approve(coordinator.organisationId, draft.id, approver)).status).toBe('published');

      const first = startCli(['serve', '--roles=worker'], env);
      await waitFor(() => receiver.requests.length >= RECIPIENTS / 4, `a quarter of the hand-overs:\n${first.output()}`, 90_000);
      first.child.kill('SIGKILL');
      await exited(first.child);
      const inFlight = await db.selectFrom('send_deliveries').select('idempotency_key').where('status', '=', 'in_flight').execute();
      const atKill = await delivered();
      expect(atKill).toBeLessThan(RECIPIENTS);

      const second = startCli(['serve', '--roles=worker'], env);
      await waitFor(async () => (await delivered()) === RECIPIENTS, `every delivery after the restart:\n${second.output()}`, 120_000);
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);

      const expectedKeys = new Set(subscriptionIds.map((id) => `${draft.id}/webhook/${id}`));
      const keys = receiver.requests.map((r) => String(r.headers['idempotency-key']));
      expect(receiver.requests.every((r) => r.check.ok)).toBe(true);
      expect(new Set(keys)).toEqual(expectedKeys);
      expect(receiver.events.size).toBe(RECIPIENTS);
      const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
      const inFlightKeys = new Set(inFlight.map((r) => r.idempotency_key));
      for (const key of repeated) expect(inFlightKeys.has(key)).toBe(true);
      expect(repeated.length).toBeLessThanOrEqual(inFlight.length);
      const rows = await db.selectFrom('send_deliveries').select(['idempotency_key', 'status']).execute();
      expect(rows).toHaveLength(RECIPIENTS);
      expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    } finally {
      await ctx.send.close();
      await bus.close();
      await receiver.close();
      await tdb.drop();
    }
  });
});
