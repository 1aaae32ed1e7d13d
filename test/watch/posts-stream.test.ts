import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { openSse } from '#test/support/sse.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

describeEachStore('live posts over Server-Sent Events', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let base: string;
  let a: Seeded;
  let b: Seeded;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestContext(store);
    t.ctx.watch.pipeline.register();
    await t.ctx.bus.start();
    app = await buildApp(t.ctx);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    a = await seedOrganisation(t.ctx, ['analyst']);
    b = await seedOrganisation(t.ctx, ['analyst']);
    cookie = await login(app, a.email, a.password);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('streams the organisation’s new posts, and only those, as they are stored', async () => {
    const stream = await openSse(`${base}/api/posts/stream`, { cookie });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      await waitFor(() => stream.events.some((e) => e.event === 'stats'), 'first stats event');
      await t.ctx.watch.posts.ingestNow(b.organisationId, [buildIncomingPost({ text: 'niet voor A' })]);
      await t.ctx.watch.posts.ingestNow(a.organisationId, [buildIncomingPost({ text: '<script>alert(1)</script> druk!' }), buildIncomingPost({ text: 'tweede' })]);
      await waitFor(() => stream.events.filter((e) => e.event === 'post').length === 2, 'two posts');
      const posts = stream.events.filter((e) => e.event === 'post').map((e) => JSON.parse(e.data) as { id: string; text: string; organisationId?: string; analysis: { priority: string } | null });
      // The stream carries analysed posts: enriched and classified by the watch pipeline.
      expect(posts.every((p) => p.analysis !== null && typeof p.analysis.priority === 'string')).toBe(true);
      expect(posts.map((p) => p.text).sort()).toEqual(['<script>alert(1)</script> druk!', 'tweede'].sort());
      expect(posts[0]!.organisationId).toBeUndefined();
      expect(stream.events.filter((e) => e.event === 'post').every((e) => e.id !== undefined)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('shows the rate of a stream already flowing in its first stats, not 0 for the first window', async () => {
    await t.ctx.watch.posts.ingestNow(a.organisationId, Array.from({ length: 20 }, (_, i) => buildIncomingPost({ text: `druk ${i}` })));
    const stream = await openSse(`${base}/api/posts/stream`, { cookie });
    try {
      await waitFor(() => stream.events.some((e) => e.event === 'stats'), 'first stats event');
      const first = JSON.parse(stream.events.find((e) => e.event === 'stats')!.data) as { received: number; rate: number };
      // 20 posts (and those of the tests before) in the last 10 s: at least 2 a second.
      expect(first.rate).toBeGreaterThanOrEqual(2);
      expect(first.received).toBeGreaterThanOrEqual(20);
    } finally {
      stream.close();
    }
  });

  it('lets a reconnecting client catch up from Last-Event-ID', async () => {
    const { stored } = await t.ctx.watch.posts.ingestNow(a.organisationId, [buildIncomingPost({ text: 'gezien' })]);
    const lastSeen = stored[0]!.id;
    // The client saw 'gezien' in its analysed form; had its analysis come after the reconnect, the
    // stream would rightly send it live again, which is not what this test is about.
    const analysed = async (id: string) => (await t.tdb.database.db.selectFrom('post_analysis').select('post_id').where('post_id', '=', id).executeTakeFirst()) !== undefined;
    await waitFor(() => analysed(lastSeen), "the seen post's analysis", 30_000);
    await t.ctx.watch.posts.ingestNow(a.organisationId, [buildIncomingPost({ text: 'gemist 1' }), buildIncomingPost({ text: 'gemist 2' })]);
    const stream = await openSse(`${base}/api/posts/stream`, { cookie, 'last-event-id': lastSeen });
    try {
      // A post may come twice: from the store while catching up, then again once analysed (or
      // re-classified); clients keep the latest version per id.
      const latest = () => {
        const byId = new Map<string, { text: string; analysis: unknown }>();
        for (const e of stream.events.filter((x) => x.event === 'post')) byId.set(e.id!, JSON.parse(e.data) as { text: string; analysis: unknown });
        return [...byId.values()];
      };
      await waitFor(() => latest().length >= 2 && latest().every((p) => p.analysis !== null), 'missed posts, analysed');
      expect(latest().map((p) => p.text).sort()).toEqual(['gemist 1', 'gemist 2']);
    } finally {
      stream.close();
    }
  });

  it('refuses the stream without a session', async () => {
    const response = await fetch(`${base}/api/posts/stream`);
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});
