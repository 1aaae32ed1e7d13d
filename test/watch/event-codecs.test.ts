import { beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '#platform/bus/events.ts';
import type { AnalysedPost } from '#watch/analysis.ts';
import '#watch/events.ts';
import { insertAnalyses } from '#watch/pipeline/analysis-store.ts';
import { insertNewPosts } from '#watch/post-store.ts';
import type { Post } from '#watch/post.ts';
import { testTransports, useTestBuses } from '#test/support/buses.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { testStores, type TestDatabase } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

// The post events are stored and sent as ids (src/watch/events.ts, platform/bus/codecs.ts). What
// must hold on every transport and store: a consumer or listener sees the posts in full, whether
// they came from memory or were read back from the store (another process, a restart, NATS);
// only ids are stored; posts deleted in the meantime are left out.

const ORG = 'org-codecs';

for (const transport of testTransports()) {
  for (const store of testStores()) {
    describe(`post events stored as ids [${transport} on ${store}]`, () => {
      const { db, bus } = useTestBuses(transport, store);
      let tdb: TestDatabase;

      beforeEach(async () => {
        tdb = db();
        await tdb.database.db.insertInto('organisations').values({ id: ORG, name: 'Codecs', kind: 'police', created_at: new Date().toISOString() }).execute();
      });

      /** Stores `n` posts (every field set on the first) with their analyses. */
      async function storePosts(n: number): Promise<AnalysedPost[]> {
        const posts: Post[] = Array.from({ length: n }, (_, i) => {
          const { authorHandle: _none, ...incoming } = buildIncomingPost(
            i === 0 ? { url: 'https://mastodon.example/@a/1', hashtags: ['zomerfeest'], mentions: ['gemeente'], media: [{ url: 'https://x.example/1.jpg', type: 'image' }], location: { lat: 52.09, lon: 5.12, precision: 'exact', placeName: 'Neude' }, replyTo: 'r1', quoteOf: 'q1' } : {},
          );
          return { ...incoming, id: `0193a000-7000-8000-0000-${String(i).padStart(12, '0')}`, organisationId: ORG, receivedAt: '2026-07-04T20:00:00.000Z' };
        });
        const analysed: AnalysedPost[] = posts.map((post, i) => ({
          ...post,
          analysis: {
            relevant: i % 2 === 0, relevance: 0.75, category: i % 2 === 0 ? 'crowd_safety' : null, priority: 'high', confidence: 0.625,
            explanation: [{ feature: 'w:druk', weight: 0.5 }], language: 'nl', places: [{ name: 'Neude', kind: 'street' }],
            location: { lat: 52.09, lon: 5.12, precision: 'place', placeName: 'Neude' }, nearDuplicateOf: null, feedback: null,
          },
        }));
        await tdb.database.transaction(async (tx) => {
          await insertNewPosts(tx, posts);
          await insertAnalyses(tx, analysed, '2026-07-04T20:00:01.000Z');
        });
        return analysed;
      }

      const storedPayloads = async (type: string) =>
        (await tdb.database.db.selectFrom('outbox').select('payload').where('type', '=', type).orderBy('seq').execute()).map((r) => JSON.parse(r.payload) as unknown);

      it('gives consumers and listeners the posts in full, and stores only their ids', async () => {
        const posts = await storePosts(3);
        const b = await bus();
        const consumed: BusEvent<'posts.analysed'>[] = [];
        const heard: BusEvent<'posts.analysed'>[] = [];
        const received: BusEvent<'posts.received'>[] = [];
        b.subscribe('analysed', ['posts.analysed'], async (events) => void consumed.push(...events));
        b.subscribe('received', ['posts.received'], async (events) => void received.push(...events));
        await b.start();
        b.listen(['posts.analysed'], (event) => void heard.push(event));
        await tdb.database.transaction(async (tx) => {
          await b.publish(tx, 'posts.analysed', { posts }, { organisationId: ORG });
          await b.publish(tx, 'posts.received', { posts: posts.map(({ analysis: _a, ...post }) => post) }, { organisationId: ORG });
        });
        await waitFor(() => consumed.length === 1 && heard.length === 1 && received.length === 1, 'the events delivered');
        expect(consumed[0]!.payload.posts).toEqual(posts);
        expect(heard[0]!.payload.posts).toEqual(posts);
        expect(received[0]!.payload.posts).toEqual(posts.map(({ analysis: _a, ...post }) => post));
        const ids = posts.map((p) => p.id);
        expect(await storedPayloads('posts.analysed')).toEqual([{ postIds: ids }]);
        expect(await storedPayloads('posts.received')).toEqual([{ postIds: ids }]);
      });

      it('reads the posts from the store after a restart, leaving out posts deleted since', async () => {
        const posts = await storePosts(4);
        const first = await bus();
        first.subscribe('analysed', ['posts.analysed'], async () => {
          throw new Error('not handled before the restart');
        });
        await tdb.database.transaction((tx) => first.publish(tx, 'posts.analysed', { posts }, { organisationId: ORG }));
        await first.close();
        await tdb.database.db.deleteFrom('posts').where('id', '=', posts[1]!.id).execute();

        const second = await bus();
        const consumed: BusEvent<'posts.analysed'>[] = [];
        second.subscribe('analysed', ['posts.analysed'], async (events) => void consumed.push(...events));
        await second.start();
        await waitFor(() => consumed.length === 1, 'the event staged before the restart');
        expect(consumed[0]!.payload.posts).toEqual([posts[0], posts[2], posts[3]]);
      });
    });
  }
}
