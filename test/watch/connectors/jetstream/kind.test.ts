import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadCursor } from '#watch/connectors/cursors.ts';
import { createJetstreamKind, type JetstreamCursor } from '#watch/connectors/jetstream/kind.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildIdentityEvent, buildPostEvent, buildRepostEvent, nextTimeUs, startFakeJetstream, type FakeJetstream } from '#test/support/fake-jetstream.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';
import { superviseConnector, type SupervisedConnector } from '../connector-harness.ts';

const kind = createJetstreamKind({ pingIntervalMs: 50, silenceMs: 500, connectTimeoutMs: 2000, batch: { maxPosts: 100, maxDelayMs: 20, cursorEveryMs: 100 } });
const DID = 'did:plc:q6gjnaw2blty4crticxkmujt';

describeEachStore('Bluesky Jetstream connector', (store) => {
  let t: TestContext;
  let organisationId: string;
  let jetstream: FakeJetstream;
  let running: SupervisedConnector | undefined;

  beforeEach(async () => {
    t = await createTestContext(store);
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
    jetstream = await startFakeJetstream();
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await jetstream.close();
    await t.close();
  });

  const start = (config: Record<string, unknown> = {}) => {
    running = superviseConnector(t, kind, { organisationId, config: { endpoint: jetstream.url, ...config } });
    return running;
  };
  const count = () => t.ctx.watch.posts.count(organisationId);
  const live = (r: SupervisedConnector, times = 1) => waitFor(() => r.states().filter((s) => s === 'live').length >= times, `live ×${times}`);
  const allPosts = async () => (await t.ctx.watch.posts.list({ organisationId, limit: 500 })).items;

  it('stores a post once, normalised, with the author and the mentioned account as pseudonyms', async () => {
    const r = start({ keywords: [] });
    await live(r);
    const parent = `at://did:plc:wa7b35aakoll7hugkrjtf3xf/app.bsky.feed.post/3l3pte3p2e325`;
    const text = 'Rook bij @politie-utrecht.bsky.social station #Utrecht';
    const mentionAt = Buffer.byteLength('Rook bij ');
    const event = buildPostEvent({
      did: DID,
      rkey: '3l3qo2vuowo2b',
      text,
      langs: ['nl-NL'],
      createdAt: '2024-09-09T19:46:02.102Z',
      facets: [
        { index: { byteStart: mentionAt, byteEnd: mentionAt + 27 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:ufbl4k27gp6kzas5glhz7fim' }] },
        { index: { byteStart: 0, byteEnd: 4 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Brand' }] },
        { index: 'not a facet' },
      ],
      reply: { root: { uri: parent, cid: 'bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4' }, parent: { uri: parent, cid: 'bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4' } },
      embed: {
        $type: 'app.bsky.embed.recordWithMedia',
        record: { $type: 'app.bsky.embed.record', record: { uri: parent, cid: 'bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4' } },
        media: {
          $type: 'app.bsky.embed.images',
          images: [{ alt: '', image: { $type: 'blob', ref: { $link: 'bafkreibme22gw2h7y2eddsbz6cqsaehqmwr5emtu2ia4nqh6iyqb3ceduq' }, mimeType: 'image/jpeg', size: 341245 } }],
        },
      },
    });
    jetstream.publish(event);
    jetstream.publish(event); // the same commit twice
    await waitFor(async () => (await count()) === 1, 'one post');
    jetstream.publish(buildIdentityEvent());
    const [post] = await allPosts();
    expect(post).toMatchObject({
      source: 'bluesky',
      sourceId: `at://${DID}/app.bsky.feed.post/3l3qo2vuowo2b`,
      url: `https://bsky.app/profile/${DID}/post/3l3qo2vuowo2b`,
      authorPseudonym: t.ctx.pseudonyms.pseudonymise('bluesky', DID),
      text,
      language: 'nl',
      createdAt: '2024-09-09T19:46:02.102Z',
      replyTo: parent,
      quoteOf: parent,
      repostOf: null,
      media: [{ url: `https://cdn.bsky.app/img/feed_fullsize/plain/${DID}/bafkreibme22gw2h7y2eddsbz6cqsaehqmwr5emtu2ia4nqh6iyqb3ceduq@jpeg`, type: 'image' }],
      mentions: [t.ctx.pseudonyms.pseudonymise('bluesky', 'did:plc:ufbl4k27gp6kzas5glhz7fim')],
    });
    expect(post!.hashtags.sort()).toEqual(['brand', 'utrecht']);
    // Only the record's address and link carry the DID (they are how the post is found again).
    const row = await t.ctx.database.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify({ ...row, url: null, source_id: null, reply_to: null, quote_of: null, media: null })).not.toContain('did:');
    expect(r.malformed).toEqual([]);
  });

  it('keeps only posts that match a keyword (whole words, any case, text or tags) and a wanted language', async () => {
    const r = start({ keywords: ['brand', 'Utrecht Centraal'], languages: ['nl'] });
    await live(r);
    const texts = {
      match: 'Grote BRAND bij de Dom!',
      partial: 'Workshop branding vanavond',
      phrase: 'Vertraging op utrecht   centraal door een storing',
      tag: 'Kijk dit',
      english: 'A big brand new fire',
      undeclared: 'brand gemeld',
    };
    jetstream.publish(buildPostEvent({ text: texts.match }));
    jetstream.publish(buildPostEvent({ text: texts.partial }));
    jetstream.publish(buildPostEvent({ text: texts.phrase }));
    jetstream.publish(buildPostEvent({ text: texts.tag, facets: [{ index: { byteStart: 0, byteEnd: 4 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'brand' }] }] }));
    jetstream.publish(buildPostEvent({ text: texts.english, langs: ['en'] }));
    jetstream.publish(buildPostEvent({ text: texts.undeclared, langs: [] }));
    const last = buildPostEvent({ text: 'niets bijzonders' });
    jetstream.publish(last);
    await waitFor(async () => (await loadCursor<JetstreamCursor>(t.ctx.database, organisationId, 'test-bluesky'))?.timeUs === last.time_us, 'the cursor at the last event');
    expect((await allPosts()).map((p) => p.text).sort()).toEqual([texts.match, texts.phrase, texts.tag, texts.undeclared].sort());
  });

  it('reports connecting, then live', async () => {
    const r = start();
    await live(r);
    expect(r.states()).toEqual(['connecting', 'live']);
    expect(jetstream.subscriptions[0]).toEqual({ wantedCollections: ['app.bsky.feed.post'], wantedDids: [], cursor: null });
  });

  it('after the server drops the connection, resumes a few seconds before its cursor: no post lost, none twice', async () => {
    const r = start();
    await live(r);
    const before = [buildPostEvent(), buildPostEvent(), buildPostEvent()];
    for (const e of before) jetstream.publish(e);
    await waitFor(async () => (await loadCursor<JetstreamCursor>(t.ctx.database, organisationId, 'test-bluesky'))?.timeUs === before[2]!.time_us, 'the cursor');
    jetstream.dropConnections();
    // Published while no one listens: only the replay from the cursor can deliver these.
    const during = [buildPostEvent(), buildPostEvent()];
    for (const e of during) jetstream.publish(e);
    await live(r, 2);
    const after = buildPostEvent();
    jetstream.publish(after);
    await waitFor(async () => (await count()) === 6, 'six posts');
    expect(r.errors).toEqual([expect.stringMatching(/connection/)]);
    expect(jetstream.subscriptions).toHaveLength(2);
    expect(jetstream.subscriptions[1]!.cursor).toBe(String(before[2]!.time_us - 5_000_000));
    const ids = (await allPosts()).map((p) => p.sourceId);
    expect(new Set(ids).size).toBe(6);
    expect(ids.sort()).toEqual([...before, ...during, after].map((e) => `at://${e.did}/app.bsky.feed.post/${e.commit.rkey}`).sort());
  });

  it('saves the cursor now and then when every event is filtered out', async () => {
    const r = start({ keywords: ['brand'] });
    await live(r);
    let last = 0;
    for (let i = 0; i < 5; i++) {
      const e = buildPostEvent({ text: `rustig ${i}` });
      last = e.time_us;
      jetstream.publish(e);
    }
    await waitFor(async () => (await loadCursor<JetstreamCursor>(t.ctx.database, organisationId, 'test-bluesky'))?.timeUs === last, 'the cursor saved alone');
    expect(await count()).toBe(0);
  });

  it('counts and skips malformed frames without stopping the stream', async () => {
    const r = start();
    await live(r);
    jetstream.sendRaw('not json {');
    jetstream.sendRaw(JSON.stringify({ did: DID, kind: 'commit' })); // no time_us
    jetstream.sendRaw(JSON.stringify({ did: DID, time_us: nextTimeUs(), kind: 'sync' }));
    jetstream.sendRaw(JSON.stringify(buildPostEvent({ createdAt: '2026-02-30T25:00:00Z' })));
    const big = buildPostEvent({ text: 'x'.repeat(1024 * 1024) });
    jetstream.sendRaw(JSON.stringify(big));
    const good = buildPostEvent({ text: 'na de rommel' });
    jetstream.publish(good);
    await waitFor(async () => (await count()) === 1, 'the good post');
    expect(r.malformed).toEqual([
      expect.stringMatching(/^not JSON/),
      expect.stringMatching(/^time_us: /),
      expect.stringMatching(/unknown event kind "sync"/),
      expect.stringMatching(/^commit\.record\.createdAt: /),
      expect.stringMatching(/larger than 1048576 bytes/),
    ]);
    expect(r.errors).toEqual([]);
    expect(r.attempts).toBe(1);
  });

  it('reposts are stored as relations when no keywords are set and reposts are wanted', async () => {
    const r = start({ wantedCollections: ['app.bsky.feed.post', 'app.bsky.feed.repost'] });
    await live(r);
    const original = buildPostEvent({ did: DID });
    const uri = `at://${DID}/app.bsky.feed.post/${original.commit.rkey}`;
    jetstream.publish(original);
    jetstream.publish(buildRepostEvent(uri));
    await waitFor(async () => (await count()) === 2, 'post and repost');
    const repost = (await allPosts()).find((p) => p.repostOf !== null);
    expect(repost).toMatchObject({ repostOf: uri, text: '', url: null });
    expect(jetstream.subscriptions[0]!.wantedCollections).toEqual(['app.bsky.feed.post', 'app.bsky.feed.repost']);
  });

  it('loses nothing in a burst larger than its read-ahead queue', async () => {
    const r = start();
    await live(r);
    const burst = Array.from({ length: 3000 }, (_, i) => buildPostEvent({ text: `post ${i}` }));
    for (const e of burst) jetstream.publish(e);
    await waitFor(async () => (await loadCursor<JetstreamCursor>(t.ctx.database, organisationId, 'test-bluesky'))?.timeUs === burst[2999]!.time_us, 'the whole burst', 60_000);
    expect(await count()).toBe(3000);
    expect(r.errors).toEqual([]);
  });

  it('reconnects when the connection goes silent', async () => {
    const r = start();
    await live(r);
    jetstream.freeze();
    await waitFor(() => r.errors.length >= 1, 'the silence to be noticed');
    expect(r.errors[0]).toMatch(/no frame from the server/);
  });

  it('stops promptly when aborted and closes the connection', async () => {
    const r = start();
    await live(r);
    expect(jetstream.openSockets()).toBe(1);
    await r.stop();
    expect(r.errors).toEqual([]);
    await waitFor(() => jetstream.openSockets() === 0, 'the socket closed');
  });
});
