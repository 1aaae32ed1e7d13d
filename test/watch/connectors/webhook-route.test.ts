import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { signWebhookBody } from '#watch/connectors/webhook/signature.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { describeEachStore } from '#test/support/stores.ts';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';

describeEachStore('webhook delivery over HTTP', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let organisationId: string;
  let connectorId: string;

  beforeAll(async () => {
    t = await createTestContext(store);
    app = await buildApp(t.ctx);
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
    connectorId = (await t.ctx.watch.connectors.create(organisationId, { kind: 'webhook', name: 'Meldkamer', config: { secret: SECRET, sourceName: 'meldkamer' }, enabled: true }, 'test')).id;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const deliver = (body: string, signature?: string) =>
    app.inject({
      method: 'POST',
      url: `/api/connectors/${connectorId}/webhook`,
      headers: { 'content-type': 'application/json', 'x-waakzaam-signature': signature ?? signWebhookBody(Buffer.from(body), SECRET, new Date()) },
      payload: body,
    });

  it('stores signed posts once and reports per-item errors', async () => {
    const body = JSON.stringify([
      { id: 'm-1', text: 'Melding: brand in container, Kanaalstraat', createdAt: new Date().toISOString(), author: 'centralist-7' },
      { id: 'm-2', text: '' },
    ]);
    const first = await deliver(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 1, stored: 1, duplicates: 0 });
    expect(first.json<{ errors: unknown[] }>().errors).toHaveLength(1);
    const again = await deliver(body);
    expect(again.json()).toMatchObject({ stored: 0, duplicates: 1 });
    const page = await t.ctx.watch.posts.list({ organisationId, limit: 10 });
    expect(page.items.map((p) => p.source)).toEqual(['meldkamer']);
    expect(JSON.stringify(page.items)).not.toContain('centralist-7');
    const view = await t.ctx.watch.connectors.get(organisationId, connectorId);
    expect(view.health.postsTotal).toBe(1);
  });

  it('refuses a bad or missing signature with a 401 problem and stores nothing', async () => {
    const body = JSON.stringify({ id: 'm-3', text: 'vals', createdAt: new Date().toISOString() });
    const bad = await deliver(body, signWebhookBody(Buffer.from(body), 'another-secret-of-at-least-32-characters!', new Date()));
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'INVALID_SIGNATURE' });
    const tampered = await deliver(body.replace('vals', 'echt'), signWebhookBody(Buffer.from(body), SECRET, new Date()));
    expect(tampered.statusCode).toBe(401);
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(1);
  });

  it('answers unknown connectors and a body with no valid item with problems', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/connectors/nope/webhook', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(unknown.statusCode).toBe(404);
    const empty = await deliver('{"text": 5}');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'INVALID_DELIVERY' });
  });
});
