import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { describeEachStore } from '#test/support/stores.ts';

describeEachStore('sign-in and sessions over HTTP', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let user: Seeded;

  beforeAll(async () => {
    t = await createTestContext(store, { env: { WAAKZAAM_LOGIN_RATE_LIMIT: '10' } });
    app = await buildApp(t.ctx);
    user = await seedOrganisation(t.ctx, ['analyst']);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('signs in with email and password and sets a secure, http-only, same-site session cookie', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: user.password } });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ user: { email: string; roles: string[]; permissions: string[] }; organisation: { id: string } }>();
    expect(body.user.email).toBe(user.email);
    expect(body.user.roles).toEqual(['analyst']);
    expect(body.user.permissions).toContain('posts:read');
    expect(body.organisation.id).toBe(user.organisationId);
    const cookie = response.cookies.find((c) => c.name === 'waakzaam_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.secure).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('answers a wrong password with a 401 problem that does not say which part was wrong', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong password!!' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', title: 'Unauthorized' });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.nl', password: 'wrong password!!' } });
    expect(unknown.json<{ detail: string }>().detail).toBe(response.json<{ detail: string }>().detail);
  });

  it('answers a malformed body with a 400 problem naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.json<{ detail: string }>().detail).toMatch(/email|password/);
    const notJson = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toContain('application/problem+json');
  });

  it('knows the session on /api/auth/me and forgets it after logout', async () => {
    const cookie = await login(app, user.email, user.password);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { id: string } }>().user.id).toBe(user.userId);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a session-cookie request with an unsafe method from another origin', async () => {
    const cookie = await login(app, user.email, user.password);
    const response = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example', host: 'localhost' } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CROSS_ORIGIN_REQUEST' });
  });

  it('rate-limits login attempts per client with a 429 problem', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: user.email, password: 'nope nope nope' } });
      statuses.push(r.statusCode);
    }
    expect(statuses).toContain(429);
    const limited = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: user.email, password: user.password } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
