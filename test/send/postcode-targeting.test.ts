import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { pointInGeometry } from '#send/targeting/geometry.ts';
import { bundledPostcodeAreas } from '#send/targeting/postcode-areas.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { recordingChannels } from '#test/support/recording-channel.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { buildDraft, buildPushSubscription } from './builders.ts';

describeEachStore('targeting and subscribing by postcode-4 area', (store) => {
  let t: TestContext;
  let app: HttpApp;

  beforeAll(async () => {
    t = await createTestContext(store, { channels: recordingChannels().channels });
    app = await buildApp(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const subscribe = async (area: unknown) => {
    const response = await app.inject({ method: 'POST', url: '/api/public/subscriptions', payload: { ...buildPushSubscription(), area } as Record<string, unknown>, remoteAddress: '203.0.113.9' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };

  it('a message for PC4 3512 reaches the subscribers whose areas overlap it, and no one far away', async () => {
    const same = await subscribe({ kind: 'postcode', postcode: '3512' });
    const neude = await subscribe({ kind: 'circle', lat: 52.0927, lon: 5.1207, radiusM: 50 });
    const utrecht = await subscribe({ kind: 'municipality', code: 'GM0344' });
    const amsterdam = await subscribe({ kind: 'postcode', postcode: '1011' });
    const southUtrecht = await subscribe({ kind: 'postcode', postcode: '3525' });
    // 3511 and 3512 share a border; touching is not overlapping.
    const neighbour = await subscribe({ kind: 'postcode', postcode: '3511' });
    const farCircle = await subscribe({ kind: 'circle', lat: 52.0626, lon: 5.1191, radiusM: 300 });

    const { organisationId } = await seedOrganisation(t.ctx, ['coordinator']);
    const message = await t.ctx.send.messages.create(organisationId, buildDraft({ channels: ['webpush'], area: { kind: 'postcode', postcode: '3512' } }), { id: 'user:x', permissions: [] });
    const recipients = (await t.ctx.send.delivery.expander.plan(message)).map((d) => d.recipientId);
    expect(recipients).toEqual(expect.arrayContaining([same, neude, utrecht]));
    expect(recipients).not.toContain(amsterdam);
    expect(recipients).not.toContain(southUtrecht);
    expect(recipients).not.toContain(neighbour);
    expect(recipients).not.toContain(farCircle);
  });

  it('stores a postcode subscription with the outline it resolved to, the same one messages use', async () => {
    const id = await subscribe({ kind: 'postcode', postcode: '3512' });
    const row = await t.tdb.database.db.selectFrom('send_subscriptions').select(['geometry', 'area']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.area)).toEqual({ kind: 'postcode', postcode: '3512' });
    const stored = JSON.parse(row.geometry!) as ReturnType<NonNullable<ReturnType<typeof bundledPostcodeAreas>>['outline']>;
    expect(stored).toEqual(bundledPostcodeAreas()!.outline('3512'));
    expect(pointInGeometry(5.1207, 52.0927, stored!)).toBe(true);
  });

  it('refuses an unknown postcode with problem+json UNKNOWN_POSTCODE', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/public/subscriptions', payload: { ...buildPushSubscription(), area: { kind: 'postcode', postcode: '1010' } } as Record<string, unknown>, remoteAddress: '203.0.113.9' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ code: string }>().code).toBe('UNKNOWN_POSTCODE');
  });
});
