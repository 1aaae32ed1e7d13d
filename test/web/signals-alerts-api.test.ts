import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { waitFor } from '#test/support/wait.ts';
import { ApiError } from '../../web/ui/api.ts';
import { createAlertsApi, type AlertsApi, type WatchlistBody } from '../../web/dashboard/watch/alerts-api.ts';
import { emptyRule, filledBody } from './signals-builders.ts';

const VREDENBURG = { lat: 52.0927, lon: 5.1158, precision: 'exact' as const, placeName: null };
const T0 = Date.UTC(2026, 6, 4, 21, 8, 0);

/**
 * The dashboard's client for signals, watchlists and notifications against the real server (not a
 * stand-in), so that a change on either side that breaks the other fails here: the routes,
 * the shapes the parsers accept, the secret placeholder and the link from signal to incident.
 */
describe('alerts client against the real API', { timeout: 60_000 }, () => {
  let t: TestContext;
  let app: HttpApp;
  let alerts: AlertsApi;
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestContext('sqlite');
    t.ctx.watch.pipeline.register();
    t.ctx.signals.register();
    t.ctx.incidents.register();
    await t.ctx.bus.start();
    app = await buildApp(t.ctx);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const org = await seedOrganisation(t.ctx, ['coordinator']);
    organisationId = org.organisationId;
    const cookie = await login(app, org.email, org.password);
    alerts = createAlertsApi({ fetch: (path, init) => fetch(`${base}${path}`, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }) });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('creates, lists and updates a watchlist; a stored webhook secret is never shown and is kept', async () => {
    const body: WatchlistBody = filledBody({
      rules: [{ ...emptyRule(), name: 'Haak', channels: { dashboard: true, email: [], webhook: { url: 'https://hooks.example.nl/w', secret: 's'.repeat(32) } } }],
    });
    const created = await alerts.createWatchlist(body);
    expect(created.rules[0]!.channels.webhook).toEqual({ url: 'https://hooks.example.nl/w', secret: '********' });
    expect((await alerts.listWatchlists()).map((w) => w.id)).toContain(created.id);
    const updated = await alerts.updateWatchlist(created.id, { ...body, name: 'Zomerfeest (avond)', rules: [{ ...body.rules[0]!, channels: { ...body.rules[0]!.channels, webhook: { url: 'https://hooks.example.nl/w', secret: '********' } } }] });
    expect(updated.name).toBe('Zomerfeest (avond)');
    const stored = await t.ctx.signals.watchlists.get(organisationId, created.id);
    expect(stored.rules[0]!.channels.webhook!.secret).toBe('s'.repeat(32));
    const refused = await alerts.createWatchlist({ ...body, purpose: 'kort' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    await alerts.deleteWatchlist(created.id);
    expect((await alerts.listWatchlists()).map((w) => w.id)).not.toContain(created.id);
  });

  it('reads signals, their posts and incident, reviews them, and lists and reads notifications', async () => {
    await alerts.createWatchlist(filledBody({ rules: [{ ...emptyRule(), name: 'Elk signaal', condition: { on: 'signal', minScore: 0 } }] }));
    const burst = Array.from({ length: 6 }, (_, i) =>
      buildIncomingPost({ text: `Stroomstoring op het Vredenburg! Alles is uitgevallen, podium en lichten donker ${i}`, createdAt: new Date(T0 + i * 20_000).toISOString(), location: VREDENBURG }),
    );
    await t.ctx.watch.posts.ingestNow(organisationId, burst);
    await waitFor(async () => (await alerts.listSignals()).some((s) => s.observed >= 6), 'the burst to become a signal', 20_000);
    const [signal] = await alerts.listSignals();
    expect(signal!.boundary!.length).toBeGreaterThanOrEqual(7);
    expect(signal!.observed).toBeGreaterThan(signal!.expected);

    const detail = await alerts.getSignal(signal!.id);
    expect(detail.postIds).toHaveLength(signal!.observed);
    expect(detail.posts[0]!.text).toMatch(/Stroomstoring/);

    await waitFor(async () => (await alerts.incidentOf(signal!)) !== null, 'the signal’s incident', 20_000);
    expect((await alerts.incidentOf(signal!))!.signalIds).toContain(signal!.id);

    expect((await alerts.reviewSignal(signal!.id, 'acknowledged')).review).toBe('acknowledged');

    await waitFor(async () => (await alerts.listNotifications()).length > 0, 'a notification', 20_000);
    const [notification] = await alerts.listNotifications({ unread: true });
    expect(notification).toMatchObject({ subjectType: 'signal', subjectId: signal!.id, readAt: null });
    await alerts.markRead(notification!.id);
    expect(await alerts.listNotifications({ unread: true })).toEqual([]);
  });
});
