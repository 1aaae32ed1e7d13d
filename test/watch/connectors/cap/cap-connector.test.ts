import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import { capKind } from '#watch/connectors/cap/kind.ts';
import { initialCapCursor, pollCap } from '#watch/connectors/cap/poll.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildCapAlert, buildCapIndex, FakeFeedServer } from '#test/support/fake-feeds.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { connectorContext, runUntil, storedPosts } from '../rss/harness.ts';

const reference = (name: string) => readFileSync(`/work/shared/standards/cap/${name}`, 'utf8');
const CAP = 'application/cap+xml';

let server: FakeFeedServer;
beforeAll(async () => {
  server = await FakeFeedServer.start();
});
afterAll(() => server.close());

let n = 0;

describeEachStore('CAP connector', (store) => {
  let t: TestContext;
  let organisationId: string;
  let dir: string;
  const at = (path: string) => server.url(`${dir}${path}`);

  beforeEach(async () => {
    t = await createTestContext(store, { clock: new ManualClock('2026-07-04T20:00:00Z') });
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
    dir = `/cap-${store}-${++n}`;
  });
  afterEach(() => t.close());

  const serve = (path: string, body: string, extra: { etag?: string; status?: number } = {}) => server.set(`${dir}${path}`, { body, contentType: CAP, ...extra });

  it('follows an index to its alerts: valid ones stored once, invalid and XXE ones reported precisely', async () => {
    serve('/1.xml', buildCapAlert({ identifier: 'VRU-1', polygon: '52.0,5.0 52.0,5.2 52.2,5.2 52.2,5.0 52.0,5.0', areaDesc: 'Utrecht-West' }));
    serve('/invalid.xml', reference('invalid.cap'));
    serve('/xee.xml', reference('xee.cap'));
    serve('/index.atom', buildCapIndex([
      { id: 'urn:vru:1', updated: '2026-07-04T19:30:00Z', href: at('/1.xml') },
      { id: 'urn:vru:bad', updated: '2026-07-04T19:20:00Z', href: at('/invalid.xml') },
      { id: 'urn:vru:xee', updated: '2026-07-04T19:10:00Z', href: at('/xee.xml') },
    ]), { etag: '"i1"' });
    const { ctx, probe } = await connectorContext(t, capKind, { organisationId, config: { indexUrl: at('/index.atom') } });
    const first = await pollCap(ctx, initialCapCursor(ctx));
    expect(first).toMatchObject({ stored: 1, waitMs: 120_000, health: { state: 'live', message: '1 new alert; next poll in 120 s' } });
    expect(probe.malformed).toEqual([
      'urn:vru:bad: alert: required element <scope> is missing (after <msgType>, found <info>)',
      expect.stringMatching(/^urn:vru:xee: refused: the document contains a DOCTYPE declaration at line 3; .*\(XXE\)/),
    ]);
    const [post] = await storedPosts(t, organisationId);
    expect(post).toMatchObject({ source: 'cap', sourceId: 'vru@example.nl/VRU-1', url: at('/1.xml'), location: { lat: 52.1, lon: 5.1, precision: 'place', placeName: 'Utrecht-West' } });

    // Unchanged index: a 304, and no alert is fetched again.
    const second = await pollCap(ctx, first.cursor);
    expect(second.health.message).toMatch(/^not modified/);
    // A new entry after a restart: only its alert is fetched.
    serve('/2.xml', buildCapAlert({ identifier: 'VRU-2', msgType: 'Update', references: 'vru@example.nl,VRU-1,2026-07-04T21:30:00+02:00', sent: '2026-07-04T21:45:00+02:00' }));
    serve('/index.atom', buildCapIndex([
      { id: 'urn:vru:2', updated: '2026-07-04T19:45:00Z', href: at('/2.xml') },
      { id: 'urn:vru:1', updated: '2026-07-04T19:30:00Z', href: at('/1.xml') },
      { id: 'urn:vru:bad', updated: '2026-07-04T19:20:00Z', href: at('/invalid.xml') },
      { id: 'urn:vru:xee', updated: '2026-07-04T19:10:00Z', href: at('/xee.xml') },
    ]), { etag: '"i2"' });
    const restarted = await connectorContext(t, capKind, { organisationId, config: { indexUrl: at('/index.atom') }, probe });
    expect(await pollCap(restarted.ctx, initialCapCursor(restarted.ctx))).toMatchObject({ stored: 1 });
    expect(['/1.xml', '/2.xml', '/invalid.xml', '/xee.xml'].map((p) => server.requestsTo(`${dir}${p}`).length)).toEqual([1, 1, 1, 1]);
    expect(probe.malformed).toHaveLength(2);
    const update = (await storedPosts(t, organisationId))[1]!;
    expect(update).toMatchObject({ sourceId: 'vru@example.nl/VRU-2', quoteOf: 'vru@example.nl/VRU-1', text: expect.stringMatching(/^\[UPDATE\] Grote brand/) });
  });

  it('reads alerts embedded in an Atom feed (CAP 1.1) and a URL that serves a single alert', async () => {
    serve('/amber.atom', reference('amber.atom'));
    const embedded = await connectorContext(t, capKind, { organisationId, config: { indexUrl: at('/amber.atom') } });
    expect(await pollCap(embedded.ctx, initialCapCursor(embedded.ctx))).toMatchObject({ stored: 1 });
    serve('/canada.cap', reference('canada.cap'));
    const single = await connectorContext(t, capKind, { organisationId, config: { indexUrl: at('/canada.cap') }, connectorId: 'canada' });
    expect(await pollCap(single.ctx, initialCapCursor(single.ctx))).toMatchObject({ stored: 1 });
    const posts = await storedPosts(t, organisationId);
    expect(posts.map((p) => [p.sourceId, p.language, p.quoteOf])).toEqual([
      ['KARO@CLETS.DOJ.DC.GOV/http://doj.dc.gov/amber12345', 'en', null],
      ['cap@ec.gc.ca/2.49.0.1.124.6bddbc91.2012', 'en', 'cap@ec.gc.ca/2.49.0.1.124.60f31a3a.2012'],
    ]);
    expect(posts[0]!.text).toMatch(/^Amber Alert in Washington D\.C\.\n\nDATE\/TIME: 06\/03\/10/);
    expect(posts[1]!.location).toMatchObject({ precision: 'place', placeName: 'Windsor - Leamington - Essex County' });
  });

  it('reports an XXE index or an invalid single alert and keeps running', async () => {
    serve('/xee.atom', reference('xee.atom'));
    const probe = await runUntil(t, capKind, 'error', { organisationId, config: { indexUrl: at('/xee.atom') } });
    expect(probe.malformed).toEqual([expect.stringMatching(/xee\.atom: refused: the document contains a DOCTYPE declaration/)]);
    expect(probe.health.at(-1)!.message).toMatch(/XML external entity \(XXE\).*; next poll in 120 s$/);
    serve('/noaa.cap', reference('noaa_errors.cap'));
    const single = await connectorContext(t, capKind, { organisationId, config: { indexUrl: at('/noaa.cap') } });
    expect(await pollCap(single.ctx, initialCapCursor(single.ctx))).toMatchObject({ stored: 0, health: { state: 'error' } });
    expect(single.probe.malformed).toEqual([expect.stringMatching(/alert\/info\[1\]\/urgency: "" is not one of Immediate/)]);
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(0);
  });

  it('gives up on an alert that is gone (4xx), retries one whose server fails (5xx), and ingests exercises marked', async () => {
    serve('/gone.xml', 'gone', { status: 404 });
    serve('/flaky.xml', 'busy', { status: 500 });
    serve('/exercise.xml', buildCapAlert({ identifier: 'OEF-1', status: 'Exercise' }));
    serve('/system.xml', buildCapAlert({ identifier: 'SYS-1', status: 'System' }));
    serve('/index.atom', buildCapIndex([
      { id: 'urn:gone', updated: '2026-07-04T19:40:00Z', href: at('/gone.xml') },
      { id: 'urn:flaky', updated: '2026-07-04T19:30:00Z', href: at('/flaky.xml') },
      { id: 'urn:exercise', updated: '2026-07-04T19:20:00Z', href: at('/exercise.xml') },
      { id: 'urn:system', updated: '2026-07-04T19:10:00Z', href: at('/system.xml') },
    ]), { etag: '"same"' });
    const { ctx, probe } = await connectorContext(t, capKind, { organisationId, config: { indexUrl: at('/index.atom') } });
    const first = await pollCap(ctx, initialCapCursor(ctx));
    expect(first).toMatchObject({ stored: 0, health: { state: 'live', message: expect.stringContaining(`${at('/flaky.xml')}: HTTP 500`) } });
    expect(probe.malformed).toEqual([`urn:gone: HTTP 404 from ${at('/gone.xml')}`]);
    // The index is fetched in full again (no 304) because an entry was left over.
    expect(first.cursor.etag).toBeNull();
    serve('/flaky.xml', buildCapAlert({ identifier: 'FLAKY-1' }));
    const second = await pollCap(ctx, first.cursor);
    expect(second).toMatchObject({ stored: 2, health: { message: '2 new alerts, 1 skipped (system, draft, ack or error); next poll in 120 s' } });
    expect(second.cursor.etag).toBe('"same"');
    expect(server.requestsTo(`${dir}/gone.xml`)).toHaveLength(1);
    expect((await storedPosts(t, organisationId)).map((p) => p.text.split('\n')[0])).toEqual(['Grote brand', '[OEFENING] Grote brand']);
  });
});
