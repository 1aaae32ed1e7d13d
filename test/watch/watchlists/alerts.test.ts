import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import { ManualClock } from '#core/clock.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { verifySignature } from '#platform/webhooks/signed-webhook.ts';
import { startFakeSmtp, type FakeSmtp } from '#test/support/fake-smtp.ts';
import { startFakeWebhookReceiver, type FakeWebhookReceiver } from '#test/support/fake-webhook-receiver.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

interface SignalJson {
  id: string;
  category: string;
  cell: string | null;
  boundary: [number, number][] | null;
  observed: number;
  expected: number;
  reason: { nl: string; en: string };
  review: string;
}

const VREDENBURG = { lat: 52.0927, lon: 5.1158, precision: 'exact' as const, placeName: null };
const T0 = Date.UTC(2026, 6, 4, 21, 8, 0);

describeEachStore('signals, watchlists and alert rules', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let org: Seeded;
  let other: Seeded;
  let cookie: string;
  let smtp: FakeSmtp;
  let receiver: FakeWebhookReceiver;
  const clock = new ManualClock('2026-07-04T21:00:00.000Z');

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    receiver = await startFakeWebhookReceiver();
    t = await createTestContext(store, { clock, env: { WAAKZAAM_SMTP_URL: smtp.url, WAAKZAAM_MAIL_FROM: 'Waakzaam <alerts@waakzaam.test>' } });
    t.ctx.watch.pipeline.register();
    t.ctx.signals.register();
    await t.ctx.bus.start();
    app = await buildApp(t.ctx);
    org = await seedOrganisation(t.ctx, ['coordinator']);
    other = await seedOrganisation(t.ctx, ['coordinator']);
    cookie = await login(app, org.email, org.password);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await smtp.close();
    await receiver.close();
  });

  it('refuses a watchlist without purpose or legal basis, and from a viewer', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/watchlists', headers: { cookie }, payload: { name: 'x', purpose: 'kort', legalBasis: 'Wpg', categories: ['fire'] } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'INVALID_WATCHLIST' });
    const unknownArea = await app.inject({ method: 'POST', url: '/api/watchlists', headers: { cookie }, payload: { name: 'x', purpose: 'Veiligheid tijdens het festival', legalBasis: 'Wpg art. 8', areas: [{ kind: 'municipality', code: 'GM9999' }] } });
    expect(unknownArea.statusCode).toBe(400);
    const viewer = await t.ctx.accounts.createUser({ organisationId: org.organisationId, email: `viewer-w-${store}@example.nl`, name: 'v', password: 'a long enough password', roles: ['viewer'] }, 'test');
    const viewerCookie = await login(app, viewer.email, 'a long enough password');
    const denied = await app.inject({ method: 'POST', url: '/api/watchlists', headers: { cookie: viewerCookie }, payload: { name: 'x', purpose: 'Veiligheid tijdens het festival', legalBasis: 'Wpg art. 8', categories: ['fire'] } });
    expect(denied.statusCode).toBe(403);
  });

  it('turns a burst into one growing signal and notifies by dashboard, email and signed webhook', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/watchlists',
      headers: { cookie },
      payload: {
        name: 'Zomerfeest',
        purpose: 'Veiligheid van bezoekers tijdens het Utrechts Zomerfeest',
        legalBasis: 'Politiewet 2012 art. 3; Wpg art. 8',
        events: [{ name: 'Zomerfeest', area: { kind: 'municipality', code: 'GM0344' }, from: '2026-07-04T14:00:00Z', to: '2026-07-05T00:00:00Z' }],
        accounts: [{ source: 'mastodon', handle: '@sanne_030@mastodon.example' }],
        sensitivity: 1.5,
        rules: [{ name: 'Stroomstoring', condition: { on: 'signal', minScore: 3 }, channels: { dashboard: true, email: ['meldkamer@example.nl'], webhook: { url: receiver.url, secret: receiver.secret } }, throttleMinutes: 15 }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const watchlist = created.json<{ id: string; accounts: { pseudonym: string }[]; rules: { channels: { webhook: { secret: string } } }[] }>();
    expect(watchlist.accounts[0]!.pseudonym).toMatch(/^[0-9a-f]{16,}$/);
    expect(watchlist.rules[0]!.channels.webhook.secret).toBe('********');
    expect(JSON.stringify(watchlist)).not.toContain('sanne_030');

    // Two quiet hours of the odd outage post, then a burst around the Vredenburg.
    const quiet = [0, 1].map((h) => buildIncomingPost({ text: 'stroomstoring in de straat, alles donker', createdAt: new Date(T0 - (2 - h) * 3_600_000).toISOString(), location: VREDENBURG }));
    const burst = Array.from({ length: 12 }, (_, i) => buildIncomingPost({ text: `Stroomstoring op het Vredenburg! Alles is uitgevallen, podium en lichten donker ${i}`, createdAt: new Date(T0 + i * 15_000).toISOString(), location: VREDENBURG }));
    await t.ctx.watch.posts.ingestNow(org.organisationId, quiet);
    await t.ctx.watch.posts.ingestNow(org.organisationId, burst);
    await t.ctx.watch.posts.ingestNow(other.organisationId, [buildIncomingPost({ text: 'Stroomstoring op het Vredenburg!', location: VREDENBURG })]);

    let signals: SignalJson[] = [];
    await waitFor(async () => {
      signals = (await app.inject({ method: 'GET', url: '/api/signals', headers: { cookie } })).json<{ items: SignalJson[] }>().items;
      return signals.some((s) => s.category === 'infrastructure_outage' && s.observed >= 12);
    }, 'a signal that grew to the whole burst', 20_000);
    const outage = signals.filter((s) => s.category === 'infrastructure_outage');
    expect(outage).toHaveLength(1);
    expect(outage[0]!.cell).toMatch(/^88/);
    expect(outage[0]!.boundary!.length).toBeGreaterThanOrEqual(7);
    expect(outage[0]!.expected).toBeLessThan(outage[0]!.observed);
    expect(outage[0]!.reason.nl).toMatch(/berichten in 5 minuten/);

    const detail = await app.inject({ method: 'GET', url: `/api/signals/${outage[0]!.id}`, headers: { cookie } });
    expect(detail.json<{ postIds: string[] }>().postIds.length).toBe(outage[0]!.observed);
    // Tenant isolation.
    const otherCookie = await login(app, other.email, other.password);
    expect((await app.inject({ method: 'GET', url: `/api/signals/${outage[0]!.id}`, headers: { cookie: otherCookie } })).statusCode).toBe(404);

    // One notification for the rule and signal, delivered by email and webhook.
    await waitFor(async () => (await t.ctx.signals.notifications.list(org.organisationId, { limit: 10 })).length > 0, 'a notification');
    await t.ctx.jobs.runDue();
    const notifications = (await app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } })).json<{ items: { id: string; subjectType: string; deliveries: { channel: string; status: string }[] }[] }>().items;
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.subjectType).toBe('signal');
    expect(Object.fromEntries(notifications[0]!.deliveries.map((d) => [d.channel, d.status]))).toEqual({ email: 'sent', webhook: 'sent' });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.envelope.to).toEqual(['meldkamer@example.nl']);
    expect(smtp.messages[0]!.mail.subject).toContain('Zomerfeest');
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.check.ok).toBe(true);
    expect(verifySignature({ body: request.body, header: request.headers['waakzaam-signature'] as string, secret: 'a different secret' }).ok).toBe(false);
    expect(JSON.parse(request.body)).toMatchObject({ type: 'notification.created', notification: { subjectType: 'signal', subjectId: outage[0]!.id } });

    // Redelivering the signal event changes nothing.
    await t.ctx.signals.notifier.handle([{ id: 'again', type: 'signal.changed', organisationId: org.organisationId, occurredAt: clock.now().toISOString(), payload: { signal: { ...(await t.ctx.signals.signals.get(org.organisationId, outage[0]!.id)) }, change: 'opened', postIds: [] } }]);
    expect(await t.ctx.signals.notifications.list(org.organisationId, { limit: 10 })).toHaveLength(1);
  });

  it('throttles email per rule and sends the rest as one digest', async () => {
    const created = await t.ctx.signals.watchlists.create(
      org.organisationId,
      { name: 'Branden', purpose: 'Branden in de binnenstad snel zien', legalBasis: 'Wvr art. 3', keywords: ['brand'], rules: [{ name: 'Hoge prioriteit', condition: { on: 'post', minPriority: 'high' }, channels: { dashboard: true, email: ['brandweer@example.nl'], webhook: null }, throttleMinutes: 10 }] },
      'test',
    );
    expect(created.scope.keywords[0]!.stems.nl).toEqual(['brand']);
    const before = smtp.messages.length;
    const ingest = async (text: string) => {
      const { stored } = await t.ctx.watch.posts.ingestNow(org.organisationId, [buildIncomingPost({ text, location: VREDENBURG })]);
      await waitFor(async () => (await t.ctx.signals.notifications.list(org.organisationId, { limit: 50 })).some((n) => n.subjectId === stored[0]!.id), 'its notification');
      await t.ctx.jobs.runDue();
    };
    await ingest('Grote brand in een foodtruck bij de Neude, 112 gebeld, veel rook!');
    expect(smtp.messages.length).toBe(before + 1);
    await ingest('Uitslaande brand in een snackbar aan de Oudegracht, vlammen uit het dak, brandweer komt eraan');
    await ingest('Brand op het Jaarbeursplein, zwarte rook, mensen rennen weg');
    expect(smtp.messages.length).toBe(before + 1);
    clock.advance(11 * 60_000);
    await t.ctx.jobs.runDue();
    expect(smtp.messages.length).toBe(before + 2);
    expect(smtp.messages.at(-1)!.mail.subject).toMatch(/2 meldingen/);
  });

  it('lets an operator acknowledge a signal, audited', async () => {
    const [signal] = await t.ctx.signals.signals.list({ organisationId: org.organisationId, limit: 1 });
    const response = await app.inject({ method: 'POST', url: `/api/signals/${signal!.id}/review`, headers: { cookie }, payload: { review: 'acknowledged' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<SignalJson>().review).toBe('acknowledged');
    const audit = await t.ctx.audit.list(org.organisationId, 5);
    expect(audit.some((a) => a.action === 'signal.review')).toBe(true);
  });
});
