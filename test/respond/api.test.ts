import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { destination } from '#respond/geo.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { VICTIM } from './builders.ts';

describe('respond HTTP API', () => {
  let t: TestContext;
  let app: HttpApp;
  let token: string;
  let otherToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    t = await createTestContext('sqlite', { env: { WAAKZAAM_PDOK_URL: 'off', WAAKZAAM_POSTCODE_TABLE: './data/postcodes' } });
    app = await buildApp(t.ctx);
    const org = await seedOrganisation(t.ctx, ['admin']);
    const other = await seedOrganisation(t.ctx, ['admin']);
    token = (await t.ctx.accounts.createToken({ organisationId: org.organisationId, name: 'meldkamer', permissions: ['dispatch:manage'] }, 'test')).token;
    otherToken = (await t.ctx.accounts.createToken({ organisationId: other.organisationId, name: 'ander', permissions: ['dispatch:manage'] }, 'test')).token;
    viewerToken = (await t.ctx.accounts.createToken({ organisationId: org.organisationId, name: 'kijker', permissions: ['posts:read'] }, 'test')).token;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, bearer: string | null, payload?: unknown) =>
    app.inject({ method, url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {}, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  it('runs a dispatch end to end: register, start, accept, arrive, close', async () => {
    const home = destination(VICTIM, 200, 45);
    const registered = await call('POST', '/api/respond/volunteers', token, { name: 'Anna', qualifiedUntil: '2030-01-01', addresses: [{ label: 'thuis', lat: home.lat, lon: home.lon }] });
    expect(registered.statusCode).toBe(201);
    const { volunteer, token: appToken } = registered.json<{ volunteer: { id: string }; token: string }>();
    expect(appToken).toMatch(/^wzr_/);

    const started = await call('POST', '/api/dispatches', token, { location: { lat: VICTIM.lat, lon: VICTIM.lon }, address: 'Jaarbeursplein 6, Utrecht' });
    expect(started.statusCode).toBe(201);
    const dispatch = started.json<{ id: string; responders: { volunteerId: string; state: string }[]; params: { radiusM: number } }>();
    expect(dispatch.responders.map((r) => r.volunteerId)).toEqual([volunteer.id]);
    expect(dispatch.params.radiusM).toBe(1000);

    const alerts = await call('GET', '/api/responder/alerts', appToken);
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json<{ items: { message: string }[] }>().items[0]!.message).toContain('Jaarbeursplein 6');
    const accepted = await call('POST', `/api/responder/alerts/${dispatch.id}/status`, appToken, { action: 'accept' });
    expect(accepted.json<{ state: string }>().state).toBe('accepted');
    expect((await call('POST', `/api/responder/alerts/${dispatch.id}/status`, appToken, { action: 'arrived' })).statusCode).toBe(200);

    const board = await call('GET', `/api/dispatches/${dispatch.id}`, token);
    const body = board.json<{ counts: Record<string, number>; figures: { timeToFirstArrivalS: number | null }; timeline: { kind: string }[] }>();
    expect(body.counts.arrived).toBe(1);
    expect(body.figures.timeToFirstArrivalS).not.toBeNull();
    expect(body.timeline.map((e) => e.kind)).toEqual(['started', 'alerted', 'accepted', 'arrived']);

    const closed = await call('POST', `/api/dispatches/${dispatch.id}/close`, token, { reason: 'ems_on_scene' });
    expect(closed.statusCode).toBe(200);
    expect((await call('POST', `/api/dispatches/${dispatch.id}/close`, token, { reason: 'cancelled' })).statusCode).toBe(409);
  });

  it('requires dispatch:manage and keeps organisations apart', async () => {
    expect((await call('GET', '/api/dispatches', null)).statusCode).toBe(401);
    const denied = await call('GET', '/api/dispatches', viewerToken);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    const mine = (await call('GET', '/api/dispatches', token)).json<{ items: { id: string }[] }>().items;
    expect(mine.length).toBeGreaterThan(0);
    expect((await call('GET', '/api/dispatches', otherToken)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await call('GET', `/api/dispatches/${mine[0]!.id}`, otherToken)).statusCode).toBe(404);
  });

  it('answers bad input with problem+json', async () => {
    const tooFar = await call('POST', '/api/dispatches', token, { location: { lat: 52, lon: 5 }, params: { radiusM: 5000 } });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    const badPostcode = await call('POST', '/api/dispatches', token, { location: { postcode: '0000XX', houseNumber: 1 } });
    expect(badPostcode.statusCode).toBe(400);
    expect(badPostcode.json<{ code: string }>().code).toBe('INVALID_ADDRESS');
    const unknown = await call('POST', '/api/dispatches', token, { location: { postcode: '9999ZZ', houseNumber: 1 } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ code: string }>().code).toBe('ADDRESS_NOT_FOUND');
    const badVolunteer = await call('POST', '/api/respond/volunteers', token, { name: 'X', qualifiedUntil: '2026-02-30' });
    expect(badVolunteer.statusCode).toBe(400);
    expect((await call('GET', '/api/responder/alerts', 'wzr_not-a-real-token')).statusCode).toBe(401);
    expect((await call('GET', '/api/responder/alerts', null)).json<{ code: string }>().code).toBe('RESPONDER_TOKEN_REQUIRED');
  });

  it('geocodes from the offline table when PDOK is off', async () => {
    const found = await call('GET', '/api/respond/geocode?postcode=3526KP&houseNumber=93', token);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ source: 'table:address', label: 'Europalaan 93, 3526KP Utrecht' });
  });
});
