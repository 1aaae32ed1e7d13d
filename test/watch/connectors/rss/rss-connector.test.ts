import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import { initialRssCursor, pollRss } from '#watch/connectors/rss/poll.ts';
import { rssKind } from '#watch/connectors/rss/kind.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildAtomFeed, buildRssFeed, FakeFeedServer, type FeedItemSpec } from '#test/support/fake-feeds.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { connectorContext, runUntil, storedPosts } from './harness.ts';

let server: FakeFeedServer;
beforeAll(async () => {
  server = await FakeFeedServer.start();
});
afterAll(() => server.close());

const item = (n: number, overrides: Partial<FeedItemSpec> = {}): FeedItemSpec => ({
  id: `https://politie.example.nl/nieuws/${n}`,
  title: `Bericht ${n}`,
  description: `<p>Tekst van bericht <b>${n}</b></p>`,
  link: `https://politie.example.nl/nieuws/${n}`,
  date: new Date(Date.UTC(2026, 6, 4, 18, n)),
  categories: ['Politie Utrecht'],
  ...overrides,
});

let path = 0;

describeEachStore('RSS/Atom connector', (store) => {
  let t: TestContext;
  let organisationId: string;
  let feedPath: string;
  const config = () => ({ url: server.url(feedPath), intervalSeconds: 60 });

  beforeEach(async () => {
    t = await createTestContext(store, { clock: new ManualClock('2026-07-04T20:00:00Z') });
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
    feedPath = `/feed-${store}-${++path}.xml`;
  });
  afterEach(() => t.close());

  it('stores each item once, across polls and across a restart; a 304 costs nothing', async () => {
    server.set(feedPath, { body: buildRssFeed({ title: 'Politie Utrecht', language: 'nl', items: [item(3), item(2), item(1)] }), contentType: 'application/rss+xml', etag: '"v1"' });
    const first = await connectorContext(t, rssKind, { organisationId, config: config() });
    const one = await pollRss(first.ctx, initialRssCursor(first.ctx));
    expect(one).toMatchObject({ stored: 3, duplicates: 0, waitMs: 60_000, health: { state: 'live' } });
    const posts = await storedPosts(t, organisationId);
    expect(posts.map((p) => p.sourceId)).toEqual([1, 2, 3].map((n) => `https://politie.example.nl/nieuws/${n}`));
    expect(posts[0]).toMatchObject({
      source: 'rss',
      url: 'https://politie.example.nl/nieuws/1',
      text: 'Bericht 1\n\nTekst van bericht 1',
      language: 'nl',
      createdAt: '2026-07-04T18:01:00.000Z',
      authorPseudonym: t.ctx.pseudonyms.pseudonymise('rss', 'Politie Utrecht'),
      hashtags: ['politieutrecht'],
    });

    const two = await pollRss(first.ctx, one.cursor);
    expect(two).toMatchObject({ stored: 0, health: { state: 'live', message: expect.stringMatching(/^not modified/) } });
    expect(server.requestsTo(feedPath).map((r) => [r.status, r.headers['if-none-match']])).toEqual([
      [200, undefined],
      [304, '"v1"'],
    ]);

    // A new item appears; the connector restarts and starts from the committed cursor.
    server.set(feedPath, { body: buildRssFeed({ title: 'Politie Utrecht', items: [item(4), item(3), item(2), item(1)] }), etag: '"v2"' });
    const restarted = await connectorContext(t, rssKind, { organisationId, config: config() });
    const cursor = initialRssCursor(restarted.ctx);
    expect(cursor.etag).toBe('"v1"');
    const three = await pollRss(restarted.ctx, cursor);
    expect(three).toMatchObject({ stored: 1, duplicates: 0 });
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(4);

    // A server without validators sends the same document again: nothing is stored twice.
    server.set(feedPath, { body: buildRssFeed({ title: 'Politie Utrecht', items: [item(4), item(3), item(2), item(1)] }) });
    const four = await pollRss(restarted.ctx, three.cursor);
    expect(four).toMatchObject({ stored: 0, duplicates: 0 });
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(4);
  });

  it('runs until stopped, and a second run resumes from the cursor', async () => {
    server.set(feedPath, { body: buildAtomFeed({ title: 'Gemeente', lang: 'nl', items: [item(1), item(2)] }), lastModified: 'Sat, 04 Jul 2026 19:00:00 GMT' });
    const probe = await runUntil(t, rssKind, 'live', { organisationId, config: config() });
    expect(probe.health.map((h) => h.state)).toEqual(['connecting', 'live']);
    expect(probe.health[1]!.message).toBe('2 new items; next poll in 60 s');
    server.set(feedPath, { body: buildAtomFeed({ title: 'Gemeente', items: [item(1), item(2), item(5)] }), lastModified: 'Sat, 04 Jul 2026 19:05:00 GMT' });
    await runUntil(t, rssKind, 'live', { organisationId, config: config() });
    const requests = server.requestsTo(feedPath);
    expect(requests[1]!.headers['if-modified-since']).toBe('Sat, 04 Jul 2026 19:00:00 GMT');
    expect((await storedPosts(t, organisationId)).map((p) => p.text.split('\n')[0])).toEqual(['Bericht 1', 'Bericht 2', 'Bericht 5']);
  });

  it('waits as long as a 429 or 503 asks, without storing or failing', async () => {
    server.set(feedPath, { status: 429, headers: { 'retry-after': '900' }, body: 'slow down' });
    const { ctx } = await connectorContext(t, rssKind, { organisationId, config: config() });
    const result = await pollRss(ctx, initialRssCursor(ctx));
    expect(result).toMatchObject({ stored: 0, waitMs: 900_000, health: { state: 'backoff', message: 'HTTP 429 with Retry-After; next poll in 900 s' } });
    server.set(feedPath, { status: 503 });
    expect(await pollRss(ctx, result.cursor)).toMatchObject({ waitMs: 60_000, health: { state: 'backoff' } });
  });

  it('reports an oversized, a malformed and an XXE document without failing, and recovers', async () => {
    const { ctx, probe } = await connectorContext(t, rssKind, { organisationId, config: config() });
    server.set(feedPath, { streamBytes: 6 * 1024 * 1024 });
    const big = await pollRss(ctx, initialRssCursor(ctx));
    expect(big.health.state).toBe('error');
    expect(probe.malformed[0]).toMatch(/body exceeds the limit of 5242880 bytes/);

    server.set(feedPath, { body: '<rss><channel><item><title>x</channel></rss>', etag: '"bad"' });
    const malformed = await pollRss(ctx, big.cursor);
    expect(probe.malformed[1]).toMatch(/malformed XML at line 1/);
    expect(malformed.cursor.etag).toBe('"bad"');
    expect((await pollRss(ctx, malformed.cursor)).health.message).toMatch(/^not modified/);
    expect(probe.malformed).toHaveLength(2);

    server.set(feedPath, { body: readFileSync('/work/shared/standards/cap/xee.atom', 'utf8') });
    await pollRss(ctx, malformed.cursor);
    expect(probe.malformed[2]).toMatch(/DOCTYPE declaration at line 3.*\(XXE\)/);

    server.set(feedPath, { body: buildRssFeed({ title: 'Hersteld', items: [item(1), { ...item(2), title: '', description: '' }] }) });
    const recovered = await pollRss(ctx, malformed.cursor);
    expect(recovered).toMatchObject({ stored: 1, health: { state: 'live' } });
    expect(probe.malformed[3]).toMatch(/has neither a title nor a description/);
  });

  it('takes only the newest maxItems of a backlog', async () => {
    server.set(feedPath, { body: buildRssFeed({ title: 'Veel', items: [1, 2, 3, 4, 5].map((n) => item(n)) }) });
    const { ctx } = await connectorContext(t, rssKind, { organisationId, config: { ...config(), maxItems: 2 } });
    await pollRss(ctx, initialRssCursor(ctx));
    expect((await storedPosts(t, organisationId)).map((p) => p.text.split('\n')[0])).toEqual(['Bericht 4', 'Bericht 5']);
  });

  it('throws on HTTP errors and unreachable servers, for the runner to back off', async () => {
    server.set(feedPath, { status: 500, body: 'oops' });
    const { ctx } = await connectorContext(t, rssKind, { organisationId, config: config() });
    await expect(pollRss(ctx, initialRssCursor(ctx))).rejects.toThrow(`HTTP 500 from ${server.url(feedPath)}`);
    const gone = await FakeFeedServer.start();
    const url = gone.url('/feed.xml');
    await gone.close();
    const unreachable = await connectorContext(t, rssKind, { organisationId, config: { url, intervalSeconds: 60 } });
    await expect(pollRss(unreachable.ctx, initialRssCursor(unreachable.ctx))).rejects.toThrow(/ECONNREFUSED/);
  });
});
