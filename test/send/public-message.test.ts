import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { ManualClock } from '#core/clock.ts';
import { newId } from '#core/ids.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { DraftInput, Message } from '#send/messages/message.ts';
import type { Actor } from '#send/messages/message-service.ts';
import type { PublicMessageDto } from '#send/routes/schemas.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { recordingChannels } from '#test/support/recording-channel.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { buildDraft } from './builders.ts';

const PUBLIC_FIELDS = [
  'area',
  'category',
  'certainty',
  'content',
  'exercise',
  'expiresAt',
  'id',
  'msgType',
  'organisationName',
  'publishedAt',
  'replacesId',
  'severity',
  'supersededBy',
  'urgency',
];

const author: Actor = { id: 'user:schrijver-4711', permissions: ['messages:write'] };
const approver: Actor = { id: 'user:coordinator-0815', permissions: ['messages:write', 'messages:approve'] };

describeEachStore('the public message page API', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let clock: ManualClock;
  let org: Seeded;

  beforeAll(async () => {
    clock = new ManualClock('2026-07-04T18:14:00.000Z');
    t = await createTestContext(store, { clock, channels: recordingChannels(() => clock.now().getTime()).channels });
    app = await buildApp(t.ctx);
    org = await seedOrganisation(t.ctx, ['coordinator'], 'Gemeente Utrecht');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const messages = () => t.ctx.send.messages;
  const get = (id: string) => app.inject({ method: 'GET', url: `/api/public/messages/${id}` });

  async function draft(overrides: Partial<DraftInput> = {}): Promise<Message> {
    return messages().create(org.organisationId, buildDraft(overrides), author);
  }

  /** Four eyes as in production: written by one person, approved by another. */
  async function publish(message: Message): Promise<Message> {
    await messages().submit(org.organisationId, message.id, author);
    return messages().approve(org.organisationId, message.id, approver);
  }

  function expectNotFound(response: Awaited<ReturnType<typeof get>>, what: string): void {
    expect(response.statusCode, `${what}: ${response.body}`).toBe(404);
    expect(response.headers['content-type'], what).toContain('application/problem+json');
    expect(response.json<{ code: string }>().code, what).toBe('MESSAGE_NOT_FOUND');
  }

  it('answers a published message with exactly the public fields, cacheable for 30 seconds', async () => {
    const expiresAt = '2026-07-04T23:00:00.000Z';
    const message = await publish(await draft({ expiresAt }));
    expect(message.status).toBe('published');
    const response = await get(message.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=30');
    const body = response.json<PublicMessageDto>();
    expect(Object.keys(body).sort()).toEqual(PUBLIC_FIELDS);
    expect(body).toMatchObject({
      id: message.id,
      organisationName: 'Gemeente Utrecht',
      msgType: 'Alert',
      exercise: false,
      category: 'crowd_safety',
      urgency: 'Immediate',
      severity: 'Moderate',
      certainty: 'Observed',
      publishedAt: '2026-07-04T18:14:00.000Z',
      expiresAt,
      replacesId: null,
      supersededBy: null,
    });
    expect(body.content.nl).toEqual({ headline: 'Het is erg druk bij de uitgang Croeselaan', body: 'Neem een andere uitgang.', instruction: 'Volg de aanwijzingen van de beveiliging.' });
    expect(body.content.en?.headline).toBe('It is very crowded at the Croeselaan exit');
    // The area: words and a shape, never the composer's input.
    expect(Object.keys(body.area ?? {}).sort()).toEqual(['description', 'geometry']);
    expect(body.area?.description).toMatch(/Utrecht/);
    expect(['Polygon', 'MultiPolygon']).toContain((body.area?.geometry as { type: string }).type);
    // Who wrote and approved it stays inside.
    for (const secret of [author.id, approver.id, 'schrijver', 'coordinator', 'mastodon', 'webpush', 'crowd_safety"]']) expect(response.body).not.toContain(secret);
  });

  it('answers a message with only Dutch without English, and carries the exercise flag', async () => {
    const message = await publish(await draft({ exercise: true, content: { nl: { headline: 'Oefening ontruiming stadhuis', body: 'Dit is een oefening.' } } }));
    const body = (await get(message.id)).json<PublicMessageDto>();
    expect(body.exercise).toBe(true);
    expect(body.content).toEqual({ nl: { headline: 'Oefening ontruiming stadhuis', body: 'Dit is een oefening.' } });
  });

  it('does not leak the reason of an emergency publication', async () => {
    const reason = 'Geen coördinator bereikbaar, brand slaat over';
    const message = await messages().emergencyPublish(org.organisationId, (await draft()).id, reason, approver);
    const response = await get(message.id);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(reason);
    expect(response.body).not.toContain('emergency');
  });

  it('answers draft, pending, rejected, scheduled, discarded and unknown messages with the same 404', async () => {
    const drafted = await draft();
    const pending = await draft();
    await messages().submit(org.organisationId, pending.id, author);
    const rejected = await draft();
    await messages().submit(org.organisationId, rejected.id, author);
    const rejectedNow = await messages().reject(org.organisationId, rejected.id, 'Te vaag geformuleerd', approver);
    expect(rejectedNow.rejectionReason).toBe('Te vaag geformuleerd');
    const scheduled = await publish(await draft({ scheduledFor: '2026-07-05T08:00:00.000Z' }));
    expect(scheduled.status).toBe('scheduled');
    const discarded = await draft();
    await messages().cancel(org.organisationId, discarded.id, {}, author);

    const answers = await Promise.all([drafted, pending, rejected, scheduled, discarded].map((m) => get(m.id)));
    const unknown = await get(newId());
    for (const [what, response] of [...(['draft', 'pending', 'rejected', 'scheduled', 'discarded'] as const).map((w, i) => [w, answers[i]!] as const), ['unknown', unknown] as const]) {
      expectNotFound(response, what);
    }
    // Nothing tells a draft from an id that never existed.
    const strip = (body: string) => {
      const { requestId: _r, instance: _i, ...rest } = JSON.parse(body) as Record<string, unknown>;
      return rest;
    };
    expect(strip(answers[0]!.body)).toEqual(strip(unknown.body));
  });

  it('an updated message points at its newest version; the update says what it replaces', async () => {
    const original = await publish(await draft());
    const update = await messages().createUpdate(org.organisationId, original.id, { content: { nl: { headline: 'Uitgang Croeselaan weer open', body: 'Het is rustiger geworden.' } } }, author);
    // While the update awaits approval it is not public, and the original is not yet superseded.
    expectNotFound(await get(update.id), 'unapproved update');
    expect((await get(original.id)).json<PublicMessageDto>().supersededBy).toBeNull();

    await publish(update);
    const before = (await get(original.id)).json<PublicMessageDto>();
    expect(before.supersededBy).toEqual({ id: update.id, kind: 'Update' });
    const after = (await get(update.id)).json<PublicMessageDto>();
    expect(after).toMatchObject({ msgType: 'Update', replacesId: original.id, supersededBy: null });
    expect(after.content.nl.headline).toBe('Uitgang Croeselaan weer open');

    // Then the update is cancelled: the original and the update both point at the cancellation.
    const cancel = await messages().cancel(org.organisationId, update.id, { reason: 'Het evenement is afgelopen.' }, author);
    expectNotFound(await get(cancel.id), 'unapproved cancellation');
    await publish(cancel);
    expect((await get(original.id)).json<PublicMessageDto>().supersededBy).toEqual({ id: cancel.id, kind: 'Cancel' });
    expect((await get(update.id)).json<PublicMessageDto>().supersededBy).toEqual({ id: cancel.id, kind: 'Cancel' });
    const cancellation = (await get(cancel.id)).json<PublicMessageDto>();
    expect(cancellation).toMatchObject({ msgType: 'Cancel', replacesId: update.id, supersededBy: null });
    expect(cancellation.content.nl.body).toContain('Dit bericht is ingetrokken.');
  });

  it('a cancelled message says so', async () => {
    const original = await publish(await draft());
    const cancel = await publish(await messages().cancel(org.organisationId, original.id, {}, author));
    const body = (await get(original.id)).json<PublicMessageDto>();
    expect(body.supersededBy).toEqual({ id: cancel.id, kind: 'Cancel' });
    // The cancelled message keeps its own text and time: the page shows what was withdrawn.
    expect(body.content.nl.headline).toBe('Het is erg druk bij de uitgang Croeselaan');
    expect(body.publishedAt).toBe(original.publishedAt);
  });

  it('answers malformed ids with 400 or 404 problem+json, never a 500', async () => {
    // Longer than Fastify's maxParamLength (100): the router answers 414 before any handler runs.
    const long = await get('x'.repeat(500));
    expect(long.statusCode).toBe(414);
    for (const id of ['nope', '%00', '..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'='1", '%F0%9F%99%82', 'x'.repeat(99), newId().toUpperCase(), `${newId()}%20`]) {
      const response = await get(id);
      expect([400, 404], `${id}: ${response.statusCode}`).toContain(response.statusCode);
      expect(response.headers['content-type'], id).toContain('application/problem+json');
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 80 }), async (raw) => {
        const response = await get(encodeURIComponent(raw));
        return response.statusCode === 400 || response.statusCode === 404;
      }),
      { numRuns: 60 },
    );
  });
});
