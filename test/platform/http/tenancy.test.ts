import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';

describeEachStore('tenant isolation and authorisation on every route', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let a: Seeded;
  let b: Seeded;
  let cookieA: string;
  let cookieB: string;
  let postOfB: string;

  beforeAll(async () => {
    t = await createTestContext(store);
    app = await buildApp(t.ctx);
    a = await seedOrganisation(t.ctx, ['admin']);
    b = await seedOrganisation(t.ctx, ['admin']);
    cookieA = await login(app, a.email, a.password);
    cookieB = await login(app, b.email, b.password);
    await t.ctx.watch.posts.ingestNow(a.organisationId, [buildIncomingPost({ text: 'bericht van A' })]);
    const { stored } = await t.ctx.watch.posts.ingestNow(b.organisationId, [buildIncomingPost({ text: 'bericht van B' })]);
    postOfB = stored[0]!.id;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('declares access on every /api route: without credentials only public routes answer', async () => {
    const routes = app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/posts');
    for (const url of ['/api/posts', '/api/posts/stream', '/api/users', '/api/tokens', '/api/audit', '/api/auth/me', `/api/posts/${postOfB}`]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('lists only the caller’s own posts', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/posts', headers: { cookie: cookieA } });
    expect(response.statusCode).toBe(200);
    const texts = response.json<{ items: { text: string }[] }>().items.map((p) => p.text);
    expect(texts).toEqual(['bericht van A']);
  });

  it('answers a read of another organisation’s post as not found', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/posts/${postOfB}`, headers: { cookie: cookieA } });
    expect(response.statusCode).toBe(404);
    const own = await app.inject({ method: 'GET', url: `/api/posts/${postOfB}`, headers: { cookie: cookieB } });
    expect(own.statusCode).toBe(200);
  });

  it('cannot revoke another organisation’s token, and that token keeps working', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: cookieB }, payload: { name: 'control room', permissions: ['posts:read'] } });
    expect(created.statusCode).toBe(201);
    const { token, record } = created.json<{ token: string; record: { id: string } }>();
    const revoke = await app.inject({ method: 'DELETE', url: `/api/tokens/${record.id}`, headers: { cookie: cookieA } });
    expect(revoke.statusCode).toBe(404);
    const use = await app.inject({ method: 'GET', url: '/api/posts', headers: { authorization: `Bearer ${token}` } });
    expect(use.statusCode).toBe(200);
    expect(use.json<{ items: { text: string }[] }>().items.map((p) => p.text)).toEqual(['bericht van B']);
  });

  it('creates users only in the caller’s organisation, whatever the body says', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookieA },
      payload: { email: 'intruder@example.nl', name: 'X', password: 'a long enough password', roles: ['viewer'], organisationId: b.organisationId },
    });
    expect(response.statusCode).toBe(201);
    const usersOfB = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: cookieB } });
    expect(usersOfB.json<{ items: { email: string }[] }>().items.map((u) => u.email)).not.toContain('intruder@example.nl');
    const usersOfA = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: cookieA } });
    expect(usersOfA.json<{ items: { email: string }[] }>().items.map((u) => u.email)).toContain('intruder@example.nl');
  });

  it('scopes a token to its permissions: a posts:read token cannot administer', async () => {
    const { token } = await t.ctx.accounts.createToken({ organisationId: a.organisationId, name: 'reader', permissions: ['posts:read'] }, 'test');
    const users = await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${token}` } });
    expect(users.statusCode).toBe(403);
    expect(users.json()).toMatchObject({ code: 'PERMISSION_DENIED' });
    const write = await app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'x', permissions: ['organisation:admin'] } });
    expect(write.statusCode).toBe(403);
  });

  it('refuses a viewer what only an admin may do', async () => {
    const viewer = await seedOrganisation(t.ctx, ['viewer']);
    const cookie = await login(app, viewer.email, viewer.password);
    expect((await app.inject({ method: 'GET', url: '/api/posts', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: { cookie } })).statusCode).toBe(403);
  });

  it('rejects a revoked or unknown token with 401', async () => {
    const { token, record } = await t.ctx.accounts.createToken({ organisationId: a.organisationId, name: 'temp', permissions: ['posts:read'] }, 'test');
    await t.ctx.accounts.revokeToken(a.organisationId, record.id, 'test');
    const response = await app.inject({ method: 'GET', url: '/api/posts', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    const unknown = await app.inject({ method: 'GET', url: '/api/posts', headers: { authorization: 'Bearer wz_nonsense' } });
    expect(unknown.statusCode).toBe(401);
  });
});

describe('route registration', () => {
  it('fails at start-up for an /api route that declares no access', async () => {
    const t = await createTestContext('sqlite');
    try {
      const app = await buildApp(t.ctx);
      expect(() => app.get('/api/forgotten', () => 'x')).toThrow(/declares no access/);
      await app.close();
    } finally {
      await t.close();
    }
  });
});
