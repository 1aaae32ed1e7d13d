import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';

interface NetworkJson {
  nodes: { id: string; pagerank: number; degree: number; reach: number; community: number }[];
  edges: { from: string; to: string; weight: number; kinds: Record<string, number> }[];
  top: { id: string }[];
  totals: { nodes: number; edges: number; interactions: number };
  scope: { posts: number; truncated: boolean };
}

const who = (name: string) => name.padEnd(32, '0');

describeEachStore('actor network over HTTP', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let a: Seeded;
  let cookieA: string;
  let cookieB: string;

  beforeAll(async () => {
    t = await createTestContext(store);
    app = await buildApp(t.ctx);
    a = await seedOrganisation(t.ctx, ['viewer']);
    const b = await seedOrganisation(t.ctx, ['viewer']);
    cookieA = await login(app, a.email, a.password);
    cookieB = await login(app, b.email, b.password);
    const at = (minute: number) => new Date(Date.UTC(2026, 6, 4, 21, minute)).toISOString();
    await t.ctx.watch.posts.ingestNow(a.organisationId, [buildIncomingPost({ sourceId: 'artist-1', authorPseudonym: who('artist'), text: 'Wat een publiek vanavond!', createdAt: at(0) })]);
    await t.ctx.watch.posts.ingestNow(a.organisationId, [
      ...['fan1', 'fan2', 'fan3'].map((fan, i) => buildIncomingPost({ authorPseudonym: who(fan), repostOf: 'artist-1', text: 'Wat een publiek vanavond!', createdAt: at(1 + i) })),
      buildIncomingPost({ authorPseudonym: who('fan1'), replyTo: 'artist-1', mentions: [who('artist'), who('fan2')], text: 'jullie waren top', createdAt: at(5) }),
      // A repost of a post that is not stored: no edge, no crash.
      buildIncomingPost({ authorPseudonym: who('fan4'), repostOf: 'elsewhere-9', text: 'iets', createdAt: at(6) }),
    ]);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('builds the graph of reposts, replies and mentions with pseudonyms as nodes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/network', headers: { cookie: cookieA } });
    expect(response.statusCode, response.body).toBe(200);
    const network = response.json<NetworkJson>();
    expect(network.scope).toEqual({ posts: 6, truncated: false });
    expect(network.nodes[0]!.id).toBe(who('artist'));
    expect(network.top[0]!.id).toBe(who('artist'));
    const fan1 = network.edges.find((e) => e.from === who('fan1') && e.to === who('artist'))!;
    expect(fan1.kinds).toEqual({ repost: 1, reply: 1, mention: 1 });
    expect(fan1.weight).toBe(3 + 2 + 1);
    expect(network.totals.nodes).toBe(4);
    expect(network.nodes.every((n) => /^[0-9a-f]{32}$/.test(n.id) || n.id.length === 32)).toBe(true);
  });

  it('limits the nodes, scopes by time, and refuses bad input and other organisations’ incidents', async () => {
    const limited = (await app.inject({ method: 'GET', url: '/api/network?limit=1', headers: { cookie: cookieA } })).json<NetworkJson>();
    expect(limited.nodes).toHaveLength(1);
    expect(limited.edges).toEqual([]);
    const later = (await app.inject({ method: 'GET', url: '/api/network?since=2026-07-04T21:04:00Z', headers: { cookie: cookieA } })).json<NetworkJson>();
    expect(later.scope.posts).toBe(2);
    expect((await app.inject({ method: 'GET', url: '/api/network?limit=0', headers: { cookie: cookieA } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/network?since=yesterday', headers: { cookie: cookieA } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/network?incidentId=nope', headers: { cookie: cookieA } })).statusCode).toBe(404);
    const other = (await app.inject({ method: 'GET', url: '/api/network', headers: { cookie: cookieB } })).json<NetworkJson>();
    expect(other.nodes).toEqual([]);
  });
});
