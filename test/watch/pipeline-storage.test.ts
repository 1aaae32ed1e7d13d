import fc from 'fast-check';
import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import { explanationJson, fromAnalysisRow, insertAnalyses } from '#watch/pipeline/analysis-store.ts';
import { findPostsByIds, postQuery, type PostQuery } from '#watch/post-store.ts';
import { withAnalysis, type Analysis } from '#watch/analysis.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';

// The hot write paths of the pipeline (prepared statements on SQLite, the query builder on
// PostgreSQL) must store the same rows with the same idempotence on both stores.

describeEachStore('watch pipeline storage: posts, identities, analyses', (store) => {
  let t: TestContext;
  let organisationId: string;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock('2026-07-04T20:00:00Z');
    t = await createTestContext(store, { clock });
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
  });
  afterEach(() => t.close());

  const identities = () => t.ctx.database.db.selectFrom('author_identities').selectAll().where('organisation_id', '=', organisationId).execute();
  const events = (type: string) => t.ctx.database.db.selectFrom('outbox').select('payload').where('type', '=', type).where('organisation_id', '=', organisationId).orderBy('seq').execute();

  it('reads a column of one category or one priority newest first, page by page, along the analysis index', async () => {
    // 30 posts: every third a fire (high), every fifth critical medical, the rest not relevant.
    const { stored } = await t.ctx.watch.posts.ingestNow(organisationId, Array.from({ length: 30 }, (_, i) => buildIncomingPost({ text: `post ${i}` })));
    const base: Analysis = { relevant: false, relevance: 0.1, category: null, priority: 'low', confidence: 0.9, explanation: [], language: 'nl', places: [], location: null, nearDuplicateOf: null, feedback: null };
    const kindOf = (i: number): Analysis =>
      i % 3 === 0 ? { ...base, relevant: true, category: 'fire', priority: 'high' } : i % 5 === 0 ? { ...base, relevant: true, category: 'medical', priority: 'critical' } : base;
    await t.ctx.database.transaction((tx) => insertAnalyses(tx, stored.map((p, i) => withAnalysis(p, kindOf(i))), '2026-07-04T20:00:01.000Z'));
    // Newest first is by id (time-ordered; within one millisecond, as here, in no particular order).
    const ids = (filter: (i: number) => boolean) => stored.filter((_, i) => filter(i)).map((p) => p.id).sort().reverse();
    const page = async (q: Partial<PostQuery>) => (await t.ctx.watch.posts.list({ organisationId, limit: 4, ...q })).items.map((p) => p.id);

    const fires = ids((i) => i % 3 === 0);
    expect(await page({ category: 'fire' })).toEqual(fires.slice(0, 4));
    expect(await page({ category: 'fire', before: fires[3] })).toEqual(fires.slice(4, 8));
    expect(await page({ category: 'fire', after: fires[5] })).toEqual(fires.slice(1, 5).reverse());
    expect(await page({ category: 'weather' })).toEqual([]);
    expect(await page({ priority: ['critical'] })).toEqual(ids((i) => i % 3 !== 0 && i % 5 === 0).slice(0, 4));
    expect(await page({ priority: ['critical', 'high'] })).toEqual(ids((i) => i % 3 === 0 || i % 5 === 0).slice(0, 4));
    expect(await page({ category: 'none' })).toEqual(ids((i) => i % 3 !== 0 && i % 5 !== 0).slice(0, 4));

    if (store === 'sqlite') {
      const plan = async (q: Partial<PostQuery>) => {
        const compiled = postQuery(t.ctx.database.db, t.ctx.database.dialect, { organisationId, limit: 50, ...q }).compile();
        const result = await t.ctx.database.db.executeQuery(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
        return JSON.stringify(result.rows);
      };
      expect(await plan({ category: 'fire' })).toContain('post_analysis_org_category');
      expect(await plan({ priority: ['critical'] })).toContain('post_analysis_org_priority');
    }
  });

  it('stores every field of a post once, and announces it once', async () => {
    const incoming = buildIncomingPost({ url: 'https://mastodon.example/@a/1', hashtags: ['zomerfeest'], mentions: ['gemeente'], media: [{ url: 'https://x.example/1.jpg', type: 'image' }], location: { lat: 52.09, lon: 5.12, precision: 'exact', placeName: 'Neude' }, replyTo: 'r1', repostOf: null, quoteOf: 'q1' });
    const first = await t.ctx.watch.posts.ingestNow(organisationId, [incoming, { ...incoming }]);
    expect(first).toMatchObject({ duplicates: 1 });
    expect(first.stored).toHaveLength(1);
    const again = await t.ctx.watch.posts.ingestNow(organisationId, [{ ...incoming, text: 'changed' }]);
    expect(again).toEqual({ stored: [], duplicates: 1 });
    const stored = await t.ctx.watch.posts.get(organisationId, first.stored[0]!.id);
    const { authorHandle: _none, ...expected } = incoming;
    expect(stored).toEqual({ ...expected, id: first.stored[0]!.id, organisationId, receivedAt: '2026-07-04T20:00:00.000Z', analysis: null });
    const received = await events('posts.received');
    expect(received.map((e) => JSON.parse(e.payload) as unknown)).toEqual([{ postIds: [stored.id] }]);
  });

  it('reads posts back by id with every field, in the order asked, leaving out unknown ids', async () => {
    const rich = buildIncomingPost({ url: 'https://mastodon.example/@a/2', hashtags: ['a', 'b'], mentions: ['c'], media: [{ url: 'https://x.example/2.jpg', type: 'image' }], location: { lat: 52.1, lon: 5.1, precision: 'exact', placeName: null }, replyTo: null, repostOf: 'r2', quoteOf: null });
    const { stored } = await t.ctx.watch.posts.ingestNow(organisationId, [buildIncomingPost(), rich, buildIncomingPost()]);
    const ids = [stored[2]!.id, 'no-such-post', stored[0]!.id, stored[1]!.id];
    const read = await t.ctx.database.transaction((tx) => findPostsByIds(tx, ids));
    expect(read).toEqual([stored[2], stored[0], stored[1]]);
    expect(await t.ctx.database.transaction((tx) => findPostsByIds(tx, []))).toEqual([]);
  });

  it('announces a large batch in events of at most 1,000 post ids', async () => {
    const { stored } = await t.ctx.watch.posts.ingestNow(organisationId, Array.from({ length: 2_500 }, () => buildIncomingPost()));
    const received = (await events('posts.received')).map((e) => (JSON.parse(e.payload) as { postIds: string[] }).postIds);
    expect(received.map((ids) => ids.length)).toEqual([1000, 1000, 500]);
    expect(received.flat()).toEqual(stored.map((p) => p.id));
  });

  it('seals an author once a day, and a rolled-back batch leaves no identity behind', async () => {
    const by = (text: string) => buildIncomingPost({ text, authorPseudonym: 'p'.repeat(32), authorHandle: '@sanne@mastodon.example' });
    await expect(
      t.ctx.database.transaction(async (tx) => {
        await t.ctx.watch.posts.ingest(tx, organisationId, [by('rolled back')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await identities()).toEqual([]);

    await t.ctx.watch.posts.ingestNow(organisationId, [by('one')]);
    const [first] = await identities();
    expect(first).toMatchObject({ pseudonym: 'p'.repeat(32), last_seen: '2026-07-04T20:00:00.000Z' });
    clock.advance(60_000);
    await t.ctx.watch.posts.ingestNow(organisationId, [by('two')]);
    expect(await identities()).toEqual([first]); // the same day: not sealed or written again
    clock.advance(86_400_000);
    await t.ctx.watch.posts.ingestNow(organisationId, [by('three')]);
    const [later] = await identities();
    expect(later).toMatchObject({ sealed_handle: first!.sealed_handle, first_seen: first!.first_seen, last_seen: '2026-07-05T20:01:00.000Z' });
    const revealed = await t.ctx.vault.reveal(organisationId, 'p'.repeat(32), 'Getuige van overval Oudegracht, zaak 2026-0704', 'user:test');
    expect(revealed.handle).toBe('@sanne@mastodon.example');
  });

  it('stores each analysis once, with every field, however often its batch comes', async () => {
    const { stored } = await t.ctx.watch.posts.ingestNow(organisationId, [buildIncomingPost(), buildIncomingPost()]);
    const analysis: Analysis = {
      relevant: true,
      relevance: 0.812,
      category: 'fire',
      priority: 'high',
      confidence: 0.7,
      explanation: [{ feature: 'w:brand', weight: 1.2 }],
      language: 'nl',
      places: [{ name: 'Neude', kind: 'street' }],
      location: { lat: 52.09, lon: 5.12, precision: 'place', placeName: 'Neude' },
      nearDuplicateOf: null,
      feedback: null,
    };
    const analysed = stored.map((p) => withAnalysis(p, analysis));
    const first = await t.ctx.database.transaction((tx) => insertAnalyses(tx, analysed, '2026-07-04T20:00:01.000Z'));
    expect([...first].sort()).toEqual(stored.map((p) => p.id).sort());
    const again = await t.ctx.database.transaction((tx) => insertAnalyses(tx, analysed, '2026-07-04T20:00:01.000Z'));
    expect(again.size).toBe(0);
    const back = await t.ctx.database.db.selectFrom('post_analysis').selectAll().where('post_id', '=', stored[0]!.id).executeTakeFirstOrThrow();
    expect(fromAnalysisRow(back)).toEqual(analysis);
    expect(back.analysed_at).toBe('2026-07-04T20:00:01.000Z');
  });
});

it('writes an explanation exactly as JSON.stringify does, for any feature names and weights', () => {
  const item = fc.record({ feature: fc.string({ unit: 'binary' }), weight: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 0.1, 1e21, 1e-7)) });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 10 }), (items) => {
      expect(explanationJson(items)).toBe(JSON.stringify(items));
    }),
  );
});
