import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { destination } from '#respond/geo.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { VICTIM } from './builders.ts';

/** GET /api/dispatches/:id/positions: the board's map sees only locations shared after accepting. */
describe('respond HTTP API: live positions for the board', () => {
  let t: TestContext;
  let app: HttpApp;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await createTestContext('sqlite', { env: { WAAKZAAM_PDOK_URL: 'off', WAAKZAAM_POSTCODE_TABLE: './data/postcodes' } });
    app = await buildApp(t.ctx);
    const org = await seedOrganisation(t.ctx, ['operator']);
    const other = await seedOrganisation(t.ctx, ['operator']);
    token = (await t.ctx.accounts.createToken({ organisationId: org.organisationId, name: 'meldkamer', permissions: ['dispatch:manage'] }, 'test')).token;
    otherToken = (await t.ctx.accounts.createToken({ organisationId: other.organisationId, name: 'ander', permissions: ['dispatch:manage'] }, 'test')).token;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, bearer: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });

  it('gives a responder’s live location only once they accepted, never their home, and only to their organisation', async () => {
    const register = async (name: string, metres: number) => {
      const home = destination(VICTIM, metres, 90);
      const response = await call('POST', '/api/respond/volunteers', token, { name, qualifiedUntil: '2030-01-01', addresses: [{ lat: home.lat, lon: home.lon }] });
      return response.json<{ volunteer: { id: string }; token: string }>();
    };
    const anna = await register('Anna', 200);
    const bram = await register('Bram', 300);
    // Bram shared a location before the alert (e.g. an older session): it must not show.
    await call('PUT', '/api/responder/location', bram.token, { lat: VICTIM.lat + 0.002, lon: VICTIM.lon });
    const dispatch = (await call('POST', '/api/dispatches', token, { location: { lat: VICTIM.lat, lon: VICTIM.lon } })).json<{ id: string }>();
    const positions = async () => (await call('GET', `/api/dispatches/${dispatch.id}/positions`, token)).json<{ items: { volunteerId: string; lat: number }[] }>().items;

    expect(await positions()).toEqual([]);
    await call('POST', `/api/responder/alerts/${dispatch.id}/status`, anna.token, { action: 'accept' });
    expect(await positions()).toEqual([]); // accepted, but no location shared yet
    await new Promise((resolve) => setTimeout(resolve, 5)); // the fix must be later than the accept
    await call('PUT', '/api/responder/location', anna.token, { lat: VICTIM.lat + 0.001, lon: VICTIM.lon });
    const shown = await positions();
    expect(shown.map((p) => p.volunteerId)).toEqual([anna.volunteer.id]);
    expect(shown[0]!.lat).toBeCloseTo(VICTIM.lat + 0.001, 6);

    expect((await call('GET', `/api/dispatches/${dispatch.id}/positions`, otherToken)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/dispatches/${dispatch.id}/positions` })).statusCode).toBe(401);
  });
});
