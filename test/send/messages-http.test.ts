import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { ManualClock } from '#core/clock.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { recordingChannels } from '#test/support/recording-channel.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { buildDraft } from './builders.ts';

interface MessageBody {
  id: string;
  status: string;
  msgType: string;
  emergency: boolean;
  emergencyReason: string | null;
  referencesId: string | null;
  supersededBy: string | null;
  deliveries: Record<string, Record<string, number>>;
}

describeEachStore('messages over HTTP', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let clock: ManualClock;
  let author: Seeded;
  let coordinator: Seeded;
  let other: Seeded;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    clock = new ManualClock('2026-07-04T20:00:00.000Z');
    t = await createTestContext(store, { clock, channels: recordingChannels(() => clock.now().getTime()).channels });
    app = await buildApp(t.ctx);
    coordinator = await seedOrganisation(t.ctx, ['coordinator'], 'Gemeente Utrecht');
    author = { ...coordinator, ...(await secondUser(coordinator.organisationId, ['communicator'])) };
    other = await seedOrganisation(t.ctx, ['coordinator'], 'Politie elders');
    cookies.author = await login(app, author.email, author.password);
    cookies.coordinator = await login(app, coordinator.email, coordinator.password);
    cookies.other = await login(app, other.email, other.password);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function secondUser(organisationId: string, roles: string[]) {
    const email = `communicator-${roles.join('-')}-${Math.random().toString(36).slice(2)}@example.nl`;
    const password = 'correct horse battery staple';
    const user = await t.ctx.accounts.createUser({ organisationId, email, name: 'Schrijver', password, roles }, 'system');
    return { email, password, userId: user.id };
  }

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  async function draftAndSubmit(by = 'author', overrides = {}): Promise<MessageBody> {
    const created = await call(by, 'POST', '/api/send/messages', buildDraft(overrides));
    expect(created.statusCode, created.body).toBe(201);
    const submitted = await call(by, 'POST', `/api/send/messages/${created.json<MessageBody>().id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    return submitted.json<MessageBody>();
  }

  it('four eyes: the author cannot approve their own message; another coordinator can', async () => {
    const own = await draftAndSubmit('coordinator');
    const self = await call('coordinator', 'POST', `/api/send/messages/${own.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'FOUR_EYES' });

    const message = await draftAndSubmit('author');
    expect(message.status).toBe('pending_approval');
    const byCommunicator = await call('author', 'POST', `/api/send/messages/${message.id}/approve`);
    expect(byCommunicator.statusCode).toBe(403);
    expect(byCommunicator.json()).toMatchObject({ code: 'PERMISSION_DENIED' });
    const approved = await call('coordinator', 'POST', `/api/send/messages/${message.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<MessageBody>()).toMatchObject({ status: 'published', emergency: false });
    const audit = await t.ctx.audit.list(coordinator.organisationId, 100);
    const actions = audit.filter((a) => a.subject_id === message.id).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['message.create', 'message.submit', 'message.approve', 'message.published']));
  });

  it('the emergency bypass needs a reason, publishes, is audited under its own action and flagged on the message', async () => {
    const created = await call('coordinator', 'POST', '/api/send/messages', buildDraft());
    const id = created.json<MessageBody>().id;
    const noReason = await call('coordinator', 'POST', `/api/send/messages/${id}/emergency-publish`, { reason: 'snel' });
    expect(noReason.statusCode).toBe(400);
    const reason = 'Paniek bij de uitgang, tweede coördinator niet bereikbaar';
    const published = await call('coordinator', 'POST', `/api/send/messages/${id}/emergency-publish`, { reason });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<MessageBody>()).toMatchObject({ status: 'published', emergency: true, emergencyReason: reason });
    const entry = (await t.ctx.audit.list(coordinator.organisationId, 100)).find((a) => a.subject_id === id && a.action === 'message.emergency_publish');
    expect(entry).toBeDefined();
    expect(JSON.parse(entry!.data)).toMatchObject({ reason });
    const history = await call('coordinator', 'GET', '/api/send/messages?status=published');
    expect(history.json<{ items: MessageBody[] }>().items.find((m) => m.id === id)).toMatchObject({ emergency: true, emergencyReason: reason });
  });

  it('shows per-channel previews and refuses to submit what a channel cannot carry', async () => {
    const long = buildDraft({ content: { nl: { headline: 'Lang bericht over de drukte bij de uitgang', body: 'x'.repeat(600) } } });
    const created = await call('author', 'POST', '/api/send/messages', long);
    const id = created.json<MessageBody>().id;
    const detail = await call('author', 'GET', `/api/send/messages/${id}`);
    const previews = detail.json<{ previews: Array<{ channel: string; language: string; problems: string[]; preview: { length: number; limit: number | null } | null }> }>().previews;
    expect(previews.map((p) => `${p.channel}/${p.language}`).sort()).toEqual(['mastodon/nl', 'webpush/nl']);
    expect(previews.find((p) => p.channel === 'mastodon')!.problems[0]).toMatch(/allows 500/);
    const submit = await call('author', 'POST', `/api/send/messages/${id}/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.json()).toMatchObject({ code: 'CHANNEL_PROBLEMS' });
    const fixed = await call('author', 'PATCH', `/api/send/messages/${id}`, { channels: ['webpush'] });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await call('author', 'POST', `/api/send/messages/${id}/submit`)).statusCode).toBe(200);
  });

  it('rejects back to draft with the reason; a draft from a template fills its placeholders', async () => {
    const created = await call('author', 'POST', '/api/send/messages', {
      template: { id: 'builtin:crowding-exit', values: { exit: 'de uitgang Croeselaan', place: 'het Jaarbeursplein', alternative: 'de uitgang Mineurslaan' } },
      channels: ['webpush'],
      area: { kind: 'circle', lat: 52.0894, lon: 5.1101, radiusM: 600 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json<{ id: string; content: { nl: { headline: string }; en: { instruction: string } } }>();
    expect(body.content.nl.headline).toBe('Het is erg druk bij de uitgang Croeselaan');
    expect(body.content.en.instruction).toContain('de uitgang Mineurslaan');
    await call('author', 'POST', `/api/send/messages/${body.id}/submit`);
    const rejected = await call('coordinator', 'POST', `/api/send/messages/${body.id}/reject`, { reason: 'Noem ook de tijd' });
    expect(rejected.json()).toMatchObject({ status: 'draft', rejectionReason: 'Noem ook de tijd' });
    const templates = await call('author', 'GET', '/api/send/templates');
    expect(templates.json<{ items: Array<{ id: string; placeholders: string[] }> }>().items.find((x) => x.id === 'builtin:power-failure')!.placeholders).toEqual(['place', 'time']);
  });

  it('schedules through the persistent job runner and publishes when the time comes', async () => {
    const message = await draftAndSubmit('author', { scheduledFor: '2026-07-04T21:00:00.000Z' });
    const approved = await call('coordinator', 'POST', `/api/send/messages/${message.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'scheduled' });
    t.ctx.send.registerWorkers();
    await t.ctx.jobs.runDue();
    expect((await call('author', 'GET', `/api/send/messages/${message.id}`)).json()).toMatchObject({ status: 'scheduled' });
    clock.set('2026-07-04T21:00:01.000Z');
    await t.ctx.jobs.runDue();
    expect((await call('author', 'GET', `/api/send/messages/${message.id}`)).json()).toMatchObject({ status: 'published', publishedAt: '2026-07-04T21:00:01.000Z' });
  });

  it('an Update and a Cancel supersede what went out (CAP msgType), through approval', async () => {
    const original = await draftAndSubmit('author');
    await call('coordinator', 'POST', `/api/send/messages/${original.id}/approve`);
    expect((await call('author', 'PATCH', `/api/send/messages/${original.id}`, { topics: ['x'] })).statusCode).toBe(409);
    const update = await call('author', 'POST', `/api/send/messages/${original.id}/update`, { content: { nl: { headline: 'Uitgang Croeselaan weer open', body: 'De drukte is voorbij.' } } });
    expect(update.statusCode, update.body).toBe(201);
    const u = update.json<MessageBody>();
    expect(u).toMatchObject({ msgType: 'Update', referencesId: original.id, status: 'draft' });
    await call('author', 'POST', `/api/send/messages/${u.id}/submit`);
    await call('coordinator', 'POST', `/api/send/messages/${u.id}/approve`);
    expect((await call('author', 'GET', `/api/send/messages/${original.id}`)).json()).toMatchObject({ status: 'updated', supersededBy: u.id });
    expect((await call('author', 'POST', `/api/send/messages/${original.id}/update`, {})).json()).toMatchObject({ code: 'MESSAGE_SUPERSEDED' });

    const cancel = await call('author', 'POST', `/api/send/messages/${u.id}/cancel`, { reason: 'Alles is weer normaal.' });
    expect(cancel.statusCode).toBe(201);
    const c = cancel.json<MessageBody & { content: { nl: { headline: string } } }>();
    expect(c).toMatchObject({ msgType: 'Cancel', referencesId: u.id });
    expect(c.content.nl).toEqual({ headline: 'Uitgang Croeselaan weer open', body: 'Dit bericht is ingetrokken. Alles is weer normaal.' });
    await call('author', 'POST', `/api/send/messages/${c.id}/submit`);
    await call('coordinator', 'POST', `/api/send/messages/${c.id}/approve`);
    expect((await call('author', 'GET', `/api/send/messages/${u.id}`)).json()).toMatchObject({ status: 'cancelled', supersededBy: c.id });

    const unpublished = await call('author', 'POST', '/api/send/messages', buildDraft());
    const discarded = await call('author', 'POST', `/api/send/messages/${unpublished.json<MessageBody>().id}/cancel`, {});
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json()).toMatchObject({ status: 'discarded' });
  });

  it('keeps organisations apart: another organisation can neither see nor approve a message', async () => {
    const message = await draftAndSubmit('author');
    expect((await call('other', 'GET', `/api/send/messages/${message.id}`)).statusCode).toBe(404);
    expect((await call('other', 'POST', `/api/send/messages/${message.id}/approve`)).statusCode).toBe(404);
    expect((await call('other', 'GET', `/api/send/messages/${message.id}/deliveries`)).statusCode).toBe(404);
    const list = await call('other', 'GET', '/api/send/messages');
    expect(list.json<{ items: MessageBody[] }>().items.map((m) => m.id)).not.toContain(message.id);
  });

  it('answers bad input with problem+json, never a crash', async () => {
    const bad = await call('author', 'POST', '/api/send/messages', { ...buildDraft(), area: { kind: 'polygon', coordinates: [[[5.1, 52.1], [5.2, 52.2], [5.2, 52.1], [5.1, 52.2]]] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_AREA' });
    const noFields = await call('author', 'POST', '/api/send/messages', { channels: ['webpush'] });
    expect(noFields.statusCode).toBe(400);
    expect(noFields.headers['content-type']).toContain('application/problem+json');
    const anonymous = await app.inject({ method: 'GET', url: '/api/send/messages' });
    expect(anonymous.statusCode).toBe(401);
  });
});
