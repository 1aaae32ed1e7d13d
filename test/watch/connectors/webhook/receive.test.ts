import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import { receiveWebhook, signWebhookBody, webhookKind } from '#watch/connectors/webhook/kind.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { connectorContext, storedPosts } from '../rss/harness.ts';

const SECRET = 'f'.repeat(64);
const NOW = new Date('2026-07-04T20:00:00Z');
const config = { secret: SECRET, sourceName: 'meldkamer' };

describeEachStore('webhook connector', (store) => {
  let t: TestContext;
  let organisationId: string;

  beforeEach(async () => {
    t = await createTestContext(store, { clock: new ManualClock(NOW) });
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
  });
  afterEach(() => t.close());

  const deliver = async (payload: unknown, sign: (body: Buffer) => string = (b) => signWebhookBody(b, SECRET, NOW)) => {
    const body = Buffer.from(JSON.stringify(payload));
    const { ctx, probe } = await connectorContext(t, webhookKind, { organisationId, config, source: 'meldkamer' });
    return { receipt: await receiveWebhook(ctx, body, { 'x-waakzaam-signature': sign(body) }), probe };
  };

  it('stores the valid items of a signed delivery once, and reports the invalid ones', async () => {
    const items = [
      { id: 'm1', text: 'Brand Oudegracht', createdAt: '2026-07-04T21:55:00+02:00', author: 'centralist-3', geo: { lat: 52.09, lon: 5.12 } },
      { id: 'm2', text: '', createdAt: '2026-07-04T21:56:00+02:00' },
    ];
    const { receipt, probe } = await deliver(items);
    expect(receipt).toEqual({ status: 200, body: { accepted: 1, stored: 1, duplicates: 0, errors: [{ index: 1, reason: 'text: must not be empty' }] } });
    expect(probe.malformed).toEqual(['item 1: text: must not be empty']);
    const [post] = await storedPosts(t, organisationId);
    expect(post).toMatchObject({ source: 'meldkamer', sourceId: 'm1', text: 'Brand Oudegracht', location: { lat: 52.09, lon: 5.12, precision: 'exact' } });
    expect(post!.authorPseudonym).toBe(t.ctx.pseudonyms.pseudonymise('meldkamer', 'centralist-3'));
    expect(JSON.stringify(post)).not.toContain('centralist-3');

    // The sender retries the same delivery: nothing is stored twice.
    const again = await deliver(items);
    expect(again.receipt).toMatchObject({ status: 200, body: { stored: 0, duplicates: 1 } });
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(1);
  });

  it('refuses a bad, expired or missing signature with 401, storing nothing', async () => {
    const item = { id: 'x', text: 'Test', createdAt: '2026-07-04T21:55:00+02:00' };
    const bad = await deliver(item, (b) => signWebhookBody(b, 'g'.repeat(64), NOW));
    expect(bad.receipt).toEqual({ status: 401, body: { reason: expect.stringMatching(/^signature mismatch/) } });
    expect(bad.probe.malformed).toEqual([expect.stringMatching(/^signature: signature mismatch/)]);
    const expired = await deliver(item, (b) => signWebhookBody(b, SECRET, new Date(NOW.getTime() - 600_000)));
    expect(expired.receipt).toEqual({ status: 401, body: { reason: 'timestamp outside the tolerance of 300 s (600 s old)' } });
    const missing = await deliver(item, () => '');
    expect(missing.receipt.status).toBe(401);
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(0);
  });

  it('answers 400 when nothing in a signed delivery is usable', async () => {
    const { receipt } = await deliver({ nope: true });
    const reason = 'id: a string of 1 to 256 characters, or an integer';
    expect(receipt).toEqual({ status: 400, body: { reason, errors: [{ index: 0, reason }] } });
  });

  it('refuses a configuration with a short secret or a reserved source name', () => {
    expect(webhookKind.configSchema.safeParse({ secret: 'kort', sourceName: 'p2000' }).success).toBe(false);
    expect(webhookKind.configSchema.safeParse({ secret: SECRET, sourceName: 'mastodon' }).success).toBe(false);
    expect(webhookKind.configSchema.safeParse({ secret: SECRET, sourceName: 'P2000' }).success).toBe(false);
    expect(webhookKind.secretFields).toEqual(['secret']);
  });
});
