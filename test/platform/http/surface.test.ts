import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, type TestContext } from '#test/support/context.ts';

describe('HTTP surface: OpenAPI, security headers, health, metrics, request ids, problems', () => {
  let t: TestContext;
  let app: HttpApp;

  beforeAll(async () => {
    t = await createTestContext('sqlite');
    app = await buildApp(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/posts', '/api/posts/{id}', '/api/tokens', '/healthz']));
    expect(JSON.stringify(doc.paths['/api/auth/login']!.post!.requestBody)).toContain('password');
  });

  it('serves a browsable API reference at /api/docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers health and readiness', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', store: 'sqlite', bus: 'memory' });
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await app.inject({ method: 'GET', url: '/healthz' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('waakzaam_http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/healthz"');
  });

  it('gives every response a request id, keeping a well-formed one from the client', async () => {
    const own = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(own.headers['x-request-id']).toBe('trace-123');
    const bad = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes with a problem document carrying the request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/nothing-here', code: 'ROUTE_NOT_FOUND' });
    expect(response.json<{ requestId: string }>().requestId).toBe(response.headers['x-request-id']);
  });

  it('refuses a wrong content type and an oversized body with problems', async () => {
    const type = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(type.statusCode).toBe(415);
    expect(type.headers['content-type']).toContain('application/problem+json');
    const big = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'x'.repeat(2_000_000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
  });
});

describe('public routes are rate-limited per client', () => {
  it('answers the request over the limit with 429 problem+json and Retry-After', async () => {
    const t = await createTestContext('sqlite', { env: { WAAKZAAM_PUBLIC_RATE_LIMIT: '3' } });
    const app = await buildApp(t.ctx);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.1.2.3' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.1.2.4' });
      expect(other.statusCode).toBe(200);
      const limited = await app.inject({ method: 'GET', url: '/readyz', remoteAddress: '10.1.2.3' });
      expect(limited.statusCode).toBe(200); // limits count per route
    } finally {
      await app.close();
      await t.close();
    }
  });
});
