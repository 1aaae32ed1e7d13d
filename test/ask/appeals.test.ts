import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { ManualClock } from '#core/clock.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { seedOrganisation, type Seeded } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';
import { createAskContext, makePhoto, multipart, type AskTestContext } from './support.ts';

const draft = {
  kind: 'missing_person',
  title: 'Vermist: Sanne (8)',
  description: 'Sanne, 8 jaar, blond haar, roze jas, sinds 18.00 uur vermist bij het Griftpark.',
  area: { type: 'circle', center: { lat: 52.0977, lon: 5.1255 }, radiusM: 1500 },
  responseInstructions: 'Gezien? Tip via deze pagina of bel 0800-0011. In nood: 112.',
  durationMinutes: 120,
};

describeEachStore('appeals', (store) => {
  let t: AskTestContext;
  let app: HttpApp;
  let org: Seeded;
  let viewer: Seeded;
  let cookie: string;
  const clock = new ManualClock('2026-07-04T18:00:00.000Z');

  beforeAll(async () => {
    t = await createAskContext(store, { clock });
    t.ctx.ask.register();
    await t.ctx.bus.start();
    app = await buildApp(t.ctx);
    org = await seedOrganisation(t.ctx, ['operator']);
    viewer = await seedOrganisation(t.ctx, ['viewer']);
    cookie = await login(app, org.email, org.password);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('runs draft → consent → active → closed, with figures, audit and publish requests', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/appeals', headers: { cookie }, payload: draft });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;

    // A draft is invisible to the public, tips cannot answer it, and it cannot go out without consent.
    expect((await app.inject({ method: 'GET', url: `/api/public/appeals/${id}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/public/tips', payload: { appealId: id, text: 'gezien' } })).statusCode).toBe(404);
    const early = await app.inject({ method: 'POST', url: `/api/appeals/${id}/publish`, headers: { cookie } });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ code: string }>().code).toBe('CONSENT_REQUIRED');

    const photo = await makePhoto(800, 600, { exif: { IFD0: { Make: 'FamilyCamera' } } });
    const form = await multipart({}, [{ bytes: photo }]);
    const upload = await app.inject({ method: 'POST', url: `/api/appeals/${id}/photos`, headers: { cookie, ...form.headers }, payload: form.payload });
    expect(upload.statusCode, upload.body).toBe(201);
    const mediaId = upload.json<{ mediaId: string }>().mediaId;

    const consent = await app.inject({ method: 'POST', url: `/api/appeals/${id}/consent`, headers: { cookie }, payload: { givenBy: 'E. de Vries', relation: 'moeder', method: 'phone' } });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json<{ consent: { relation: string; recordedBy: string } }>().consent).toMatchObject({ relation: 'moeder', recordedBy: `user:${org.userId}` });

    const published = await app.inject({ method: 'POST', url: `/api/appeals/${id}/publish`, headers: { cookie } });
    expect(published.statusCode, published.body).toBe(200);
    const active = published.json<{ status: string; publishMessageId: string; endsAt: string }>();
    expect(active.status).toBe('active');
    expect(active.endsAt).toBe('2026-07-04T20:00:00.000Z');
    expect((await app.inject({ method: 'POST', url: `/api/appeals/${id}/publish`, headers: { cookie } })).statusCode).toBe(409);

    const requests = await t.tdb.database.db.selectFrom('outbox').select('payload').where('type', '=', 'appeal.publish_requested').execute();
    const appealRequest = requests.map((r) => JSON.parse(r.payload) as { messageId: string; purpose: string; area: unknown }).find((r) => r.messageId === active.publishMessageId);
    expect(appealRequest).toMatchObject({ purpose: 'appeal', area: draft.area });

    // The public page shows the appeal and its photo, without metadata, without the consent record.
    await waitFor(async () => (await t.tdb.database.db.selectFrom('media').select('status').where('id', '=', mediaId).executeTakeFirst())?.status === 'processed', 'the appeal photo');
    const page = await app.inject({ method: 'GET', url: `/api/public/appeals/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('moeder');
    const photoUrl = page.json<{ photoUrls: string[] }>().photoUrls[0]!;
    const publicPhoto = await app.inject({ method: 'GET', url: photoUrl });
    expect(publicPhoto.statusCode).toBe(200);
    expect(publicPhoto.rawPayload.includes(Buffer.from('FamilyCamera'))).toBe(false);

    // Citizens answer; an operator marks the second tip useful 25 minutes after publication.
    clock.advance(10 * 60_000);
    const first = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { appealId: id, text: 'Misschien gezien bij de speeltuin' } });
    clock.advance(15 * 60_000);
    const second = await app.inject({ method: 'POST', url: '/api/public/tips', payload: { appealId: id, text: 'Meisje in roze jas loopt nu richting Wittevrouwen' } });
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    const usefulId = second.json<{ tipId: string }>().tipId;
    expect((await app.inject({ method: 'PATCH', url: `/api/tips/${usefulId}`, headers: { cookie }, payload: { status: 'useful' } })).statusCode).toBe(200);

    const closed = await app.inject({ method: 'POST', url: `/api/appeals/${id}/close`, headers: { cookie }, payload: { outcome: 'found', text: 'Sanne is ongedeerd gevonden.' } });
    expect(closed.statusCode, closed.body).toBe(200);
    const closing = closed.json<{ status: string; closeMessageId: string; outcome: string }>();
    expect(closing).toMatchObject({ status: 'closed', outcome: 'found' });
    const all = await t.tdb.database.db.selectFrom('outbox').select('payload').where('type', '=', 'appeal.publish_requested').execute();
    const closingRequest = all.map((r) => JSON.parse(r.payload) as { messageId: string; replyToMessageId: string; body: string }).find((r) => r.messageId === closing.closeMessageId);
    expect(closingRequest?.replyToMessageId).toBe(active.publishMessageId);
    expect(closingRequest?.body).toContain('Sanne is ongedeerd gevonden.');

    const detail = await app.inject({ method: 'GET', url: `/api/appeals/${id}`, headers: { cookie } });
    // Reach comes from send: no subscriber lives in the area here, so nobody was reached (0, not unknown).
    expect(detail.json<{ figures: unknown }>().figures).toEqual({ reach: 0, closingReach: 0, tips: 2, usefulTips: 1, secondsToFirstUsefulTip: 1500, secondsToFirstTip: 600 });

    const actions = (await t.ctx.audit.list(org.organisationId, 100)).filter((a) => a.subject_id === id).map((a) => a.action);
    expect(actions.sort()).toEqual(['appeal.close', 'appeal.consent', 'appeal.create', 'appeal.photo_add', 'appeal.publish'].sort());
  });

  it('keeps appeals within their organisation and needs appeals:manage to change them', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/appeals', headers: { cookie }, payload: { ...draft, kind: 'vehicle', title: 'Grijze bestelbus' } });
    const id = created.json<{ id: string }>().id;
    const other = await login(app, viewer.email, viewer.password);
    expect((await app.inject({ method: 'GET', url: `/api/appeals/${id}`, headers: { cookie: other } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/appeals', headers: { cookie: other }, payload: draft })).statusCode).toBe(403);
    const service = await t.ctx.ask.appeals.get(org.organisationId, id);
    await expect(t.ctx.ask.appeals.get(viewer.organisationId, id)).rejects.toMatchObject({ code: 'APPEAL_NOT_FOUND' });
    expect(service.kind).toBe('vehicle');
    await expect(t.ctx.ask.appeals.recordConsent(org.organisationId, id, { givenBy: 'x y', relation: 'vader', method: 'phone', note: null }, 'user:x')).rejects.toMatchObject({ code: 'CONSENT_NOT_APPLICABLE' });
    const bad = await app.inject({ method: 'POST', url: '/api/appeals', headers: { cookie }, payload: { ...draft, area: { type: 'polygon', coordinates: [[[5.1, 52.1], [5.2, 52.1], [5.2, 52.2]]] } } });
    expect(bad.statusCode).toBe(400);
  });
});
