import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { describeEachStore } from '#test/support/stores.ts';

interface ConnectorJson {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  config: Record<string, unknown>;
  health: { state: string };
  webhookUrl: string | null;
}

describeEachStore('connector administration over HTTP', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let a: Seeded;
  let cookieA: string;
  let cookieB: string;

  beforeAll(async () => {
    t = await createTestContext(store);
    app = await buildApp(t.ctx);
    a = await seedOrganisation(t.ctx, ['analyst']);
    const b = await seedOrganisation(t.ctx, ['analyst']);
    cookieA = await login(app, a.email, a.password);
    cookieB = await login(app, b.email, b.password);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('lists the kinds with a JSON Schema of their configuration', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/connectors/kinds', headers: { cookie: cookieA } });
    expect(response.statusCode).toBe(200);
    const kinds = response.json<{ items: { kind: string; configSchema: { type?: string; properties?: object }; secretFields: string[] }[] }>().items;
    expect(kinds.map((k) => k.kind).sort()).toEqual(['bluesky', 'cap', 'mastodon', 'rss', 'webhook']);
    for (const kind of kinds) expect(kind.configSchema.properties).toBeDefined();
    expect(kinds.find((k) => k.kind === 'mastodon')!.secretFields).toContain('accessToken');
  });

  it('creates, shows (secrets hidden), changes (secret kept) and deletes a connector, and audits it', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: { cookie: cookieA },
      payload: { kind: 'mastodon', name: 'Mastodon NL', config: { instanceUrl: 'https://mastodon.example', accessToken: 'secret-token-123', timeline: 'public' }, enabled: false },
    });
    expect(created.statusCode, created.body).toBe(201);
    const connector = created.json<ConnectorJson>();
    expect(connector.config.accessToken).toBe('********');
    expect(JSON.stringify(created.json())).not.toContain('secret-token-123');

    const patched = await app.inject({ method: 'PATCH', url: `/api/connectors/${connector.id}`, headers: { cookie: cookieA }, payload: { name: 'Mastodon landelijk', config: { ...connector.config, timeline: 'public:local' } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<ConnectorJson>().config).toMatchObject({ timeline: 'public:local', accessToken: '********' });
    const stored = await t.ctx.watch.connectors.find(a.organisationId, connector.id);
    expect(stored.config.accessToken).toBe('secret-token-123');

    const list = await app.inject({ method: 'GET', url: '/api/connectors', headers: { cookie: cookieA } });
    expect(list.json<{ items: ConnectorJson[] }>().items.map((c) => c.name)).toEqual(['Mastodon landelijk']);
    const audit = await t.ctx.audit.list(a.organisationId, 20);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['connector.create', 'connector.update']));

    const removed = await app.inject({ method: 'DELETE', url: `/api/connectors/${connector.id}`, headers: { cookie: cookieA } });
    expect(removed.statusCode).toBe(204);
  });

  it('answers an invalid configuration with a problem naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/connectors', headers: { cookie: cookieA }, payload: { kind: 'rss', name: 'x', config: { url: 'ftp://nope' } } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_CONNECTOR_CONFIG' });
    expect(response.json<{ detail: string }>().detail).toMatch(/^config\.url/);
    const unknown = await app.inject({ method: 'POST', url: '/api/connectors', headers: { cookie: cookieA }, payload: { kind: 'twitter', name: 'x', config: {} } });
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_CONNECTOR_KIND' });
  });

  it('keeps each organisation’s connectors to itself', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/connectors', headers: { cookie: cookieA }, payload: { kind: 'rss', name: 'Nieuws', config: { url: 'https://news.example/rss' } } });
    const id = created.json<ConnectorJson>().id;
    const listB = await app.inject({ method: 'GET', url: '/api/connectors', headers: { cookie: cookieB } });
    expect(listB.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await app.inject({ method: 'PATCH', url: `/api/connectors/${id}`, headers: { cookie: cookieB }, payload: { enabled: false } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/connectors/${id}`, headers: { cookie: cookieB } })).statusCode).toBe(404);
  });
});
