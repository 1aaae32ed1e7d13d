import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { startFakeSmtp, type FakeSmtp } from '#test/support/fake-smtp.ts';
import { RecordingChannel, recordingChannels } from '#test/support/recording-channel.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { buildDraft, buildPushSubscription } from './builders.ts';

describeEachStore('citizen subscriptions over HTTP', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let smtp: FakeSmtp;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    const { channels } = recordingChannels();
    channels.set('email', new RecordingChannel('email', 'recipient', 100));
    t = await createTestContext(store, {
      channels,
      env: { WAAKZAAM_SMTP_URL: smtp.url, WAAKZAAM_MAIL_FROM: 'Gemeente Utrecht <noreply@utrecht.example>', WAAKZAAM_PUBLIC_URL: 'https://waakzaam.example.nl/' },
    });
    app = await buildApp(t.ctx);
    t.ctx.send.registerWorkers();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await smtp.close();
  });

  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, remoteAddress: '203.0.113.7' });

  it('email: double opt-in — pending until the mailed link is used, then active; unsubscribe in one step wipes the address', async () => {
    const created = await post('/api/public/subscriptions', { channel: 'email', email: 'Burger@Example.NL', area: { kind: 'municipality', code: 'GM0344' }, topics: ['crowd_safety'], language: 'nl' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, status, unsubscribeToken } = created.json<{ id: string; status: string; unsubscribeToken: string | null }>();
    expect(status).toBe('pending');
    expect(unsubscribeToken).toBeNull();
    expect((await t.ctx.send.delivery.expander.plan(await messageFor())).some((d) => d.recipientId === id)).toBe(false);

    await t.ctx.jobs.runDue();
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.envelope.to).toEqual(['burger@example.nl']);
    expect(mail.mail.subject).toBe('Bevestig uw aanmelding voor berichten');
    const link = /https:\/\/waakzaam\.example\.nl\/citizen\/confirm\?t=([A-Za-z0-9_-]+)/.exec(mail.mail.text ?? '');
    expect(link).not.toBeNull();
    expect(mail.mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n\s+/g, '')).toContain(`https://waakzaam.example.nl/citizen/unsubscribe?s=${id}&t=`);

    const wrong = await post('/api/public/subscriptions/confirm', { token: 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(404);
    const confirmed = await post('/api/public/subscriptions/confirm', { token: link![1] });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const token = confirmed.json<{ unsubscribeToken: string }>().unsubscribeToken;
    expect((await post('/api/public/subscriptions/confirm', { token: link![1] })).statusCode).toBe(200); // twice is fine

    const row = await t.tdb.database.db.selectFrom('send_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(row.confirm_token_hash).not.toContain(link![1]);
    expect(JSON.stringify(row)).not.toContain('203.0.113.7');
    expect((await t.ctx.send.delivery.expander.plan(await messageFor())).some((d) => d.recipientId === id)).toBe(true);

    expect((await post('/api/public/subscriptions/unsubscribe', { id, token: token.slice(0, -2) + 'AA' })).statusCode).toBe(404);
    expect((await post('/api/public/subscriptions/unsubscribe', { id, token })).json()).toEqual({ unsubscribed: true });
    const wiped = await t.tdb.database.db.selectFrom('send_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(wiped).toMatchObject({ status: 'removed', address: '', area: '{}', topics: '[]' });
    expect((await t.ctx.send.delivery.expander.plan(await messageFor())).some((d) => d.recipientId === id)).toBe(false);
  });

  it('Web Push: active at once, with the token to unsubscribe later; an organisation-scoped subscription hears only that organisation', async () => {
    const a = await seedOrganisation(t.ctx, ['coordinator']);
    const b = await seedOrganisation(t.ctx, ['coordinator']);
    const all = await post('/api/public/subscriptions', buildPushSubscription());
    const onlyA = await post('/api/public/subscriptions', buildPushSubscription({ organisationId: a.organisationId }));
    expect(all.statusCode, all.body).toBe(201);
    expect(all.json()).toMatchObject({ status: 'active', unsubscribeToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const recipientsOf = async (organisationId: string) => (await t.ctx.send.delivery.expander.plan(await messageFor(organisationId))).map((d) => d.recipientId);
    expect(await recipientsOf(a.organisationId)).toEqual(expect.arrayContaining([all.json<{ id: string }>().id, onlyA.json<{ id: string }>().id]));
    const forB = await recipientsOf(b.organisationId);
    expect(forB).toContain(all.json<{ id: string }>().id);
    expect(forB).not.toContain(onlyA.json<{ id: string }>().id);
  });

  it('refuses malformed subscriptions with problem+json', async () => {
    const cases = [
      { channel: 'email', email: 'geen-adres', area: { kind: 'municipality', code: 'GM0344' } },
      { channel: 'sms', to: '+31612345678', area: { kind: 'municipality', code: 'GM0344' } },
      { ...buildPushSubscription(), subscription: { endpoint: 'ftp://x', keys: { p256dh: 'x', auth: 'y' } } },
      { ...buildPushSubscription(), area: { kind: 'postcode', postcode: '1010' } }, // no such PC4
      { ...buildPushSubscription(), area: { kind: 'circle', lat: 52, lon: 5, radiusM: 1e9 } },
    ];
    for (const payload of cases) {
      const response = await post('/api/public/subscriptions', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  async function messageFor(organisationId?: string) {
    const org = organisationId ?? (await seedOrganisation(t.ctx, ['coordinator'])).organisationId;
    return t.ctx.send.messages.create(org, buildDraft({ channels: ['webpush', 'email'] }), { id: 'user:x', permissions: [] });
  }
});
