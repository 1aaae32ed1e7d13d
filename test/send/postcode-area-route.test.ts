import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { createServer, type HttpApp } from '#platform/http/server.ts';
import { registerPublicPostcodeArea } from '#send/routes/public-postcode-area.ts';
import { pointInGeometry, type AreaGeometry } from '#send/targeting/geometry.ts';
import { bundledPostcodeAreas } from '#send/targeting/postcode-areas.ts';
import { createTestContext, type TestContext } from '#test/support/context.ts';
import { recordingChannels } from '#test/support/recording-channel.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { buildPushSubscription } from './builders.ts';

interface PostcodeAreaBody {
  postcode: string;
  place: string | null;
  municipality: { code: string; name: string | null } | null;
  geometry: AreaGeometry;
  approximate: boolean;
}

describeEachStore('GET /api/public/postcode-areas/:pc4', (store) => {
  let t: TestContext;
  let app: HttpApp;
  const url = (pc4: string) => `/api/public/postcode-areas/${encodeURIComponent(pc4)}`;

  beforeAll(async () => {
    t = await createTestContext(store, { channels: recordingChannels().channels });
    app = await buildApp(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers the outline of 3512 (Utrecht centre), without signing in, cacheable for a day', async () => {
    const response = await app.inject({ method: 'GET', url: url('3512') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    const body = response.json<PostcodeAreaBody>();
    expect(body).toMatchObject({ postcode: '3512', place: 'Utrecht', municipality: { code: 'GM0344', name: 'Utrecht' }, approximate: true });
    expect(['Polygon', 'MultiPolygon']).toContain(body.geometry.type);
    // The Neude lies in 3512; the Dom in Amsterdam does not.
    expect(pointInGeometry(5.1207, 52.0927, body.geometry)).toBe(true);
    expect(pointInGeometry(4.8936, 52.3731, body.geometry)).toBe(false);
  });

  it('shows the same outline a postcode subscription stores and matches on', async () => {
    const shown = (await app.inject({ method: 'GET', url: url('1011') })).json<PostcodeAreaBody>();
    const created = await app.inject({ method: 'POST', url: '/api/public/subscriptions', payload: { ...buildPushSubscription(), area: { kind: 'postcode', postcode: '1011' } } as Record<string, unknown>, remoteAddress: '203.0.113.7' });
    expect(created.statusCode, created.body).toBe(201);
    const row = await t.tdb.database.db.selectFrom('send_subscriptions').select('geometry').where('id', '=', created.json<{ id: string }>().id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.geometry!)).toEqual(shown.geometry);
    expect(shown.geometry).toEqual(bundledPostcodeAreas()!.outline('1011'));
  });

  it('answers 404 problem+json UNKNOWN_POSTCODE for a well-formed code that is no area (a PO-box code)', async () => {
    const response = await app.inject({ method: 'GET', url: url('1010') });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ code: string; status: number }>()).toMatchObject({ code: 'UNKNOWN_POSTCODE', status: 404 });
  });

  it('answers 400 problem+json for anything that is not four digits from 1000', async () => {
    for (const bad of ['0123', '351', '35120', 'abcd', '3512AB', '3512 ', ' 3512', '٣٥١٢']) {
      const response = await app.inject({ method: 'GET', url: url(bad) });
      expect(response.statusCode, bad).toBe(400);
      expect(response.headers['content-type'], bad).toContain('application/problem+json');
      expect(response.json<{ code: string }>().code, bad).toBe('VALIDATION_FAILED');
    }
  });

  it('never fails on outside input: any path segment gets 200, 400 or 404', async () => {
    const known = new Set(bundledPostcodeAreas()!.all().map((a) => a.postcode));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 99_999 }).map(String)), async (segment) => {
        const response = await app.inject({ method: 'GET', url: url(segment), remoteAddress: '203.0.113.8' });
        const expected = !/^[1-9]\d{3}$/.test(segment) ? 400 : known.has(segment) ? 200 : 404;
        // An empty or slash-only segment is another route (404 from the router); anything else is ours.
        if (segment.trim() === '' || segment === '/') return;
        expect(response.statusCode, JSON.stringify(segment)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('answers 503 POSTCODE_AREAS_UNAVAILABLE on an installation without the areas file', async () => {
    const bare = await createServer({ config: t.ctx.config, log: t.ctx.log, metrics: t.ctx.metrics, auth: t.ctx.auth });
    registerPublicPostcodeArea(bare, t.ctx.send, () => null);
    try {
      const response = await bare.inject({ method: 'GET', url: url('3512') });
      expect(response.statusCode).toBe(503);
      expect(response.json<{ code: string }>().code).toBe('POSTCODE_AREAS_UNAVAILABLE');
    } finally {
      await bare.close();
    }
  });
});
