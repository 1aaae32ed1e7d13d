import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { ClassifierRegistry } from '#watch/pipeline/classifiers.ts';
import '#watch/events.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

interface PostJson {
  id: string;
  text: string;
  analysis: { relevant: boolean; category: string | null; priority: string; explanation: { feature: string; weight: number }[]; location: unknown; places: { name: string }[]; feedback: { label: string } | null } | null;
}

describeEachStore('watch pipeline: enrich, classify, feedback, reveal, map', (store) => {
  // Analysis inline and on a thread of its own (decision 0021): the same behaviour.
  for (const analysis of ['inline', 'thread'] as const) {
    describe(`analysis ${analysis}`, () => {
      let t: TestContext;
      let app: HttpApp;
      let a: Seeded;
      let b: Seeded;
      let cookieA: string;
      const analysed: BusEvent<'posts.analysed'>[] = [];
      const analysedIds = () => analysed.flatMap((e) => e.payload.posts.map((p) => p.id));

      beforeAll(async () => {
        t = await createTestContext(store, { env: { WAAKZAAM_ANALYSIS_THREAD: String(analysis === 'thread') } });
        t.ctx.watch.pipeline.register();
        t.ctx.bus.subscribe('test.analysed', ['posts.analysed'], async (events) => void analysed.push(...events));
        await t.ctx.bus.start();
        app = await buildApp(t.ctx);
        a = await seedOrganisation(t.ctx, ['coordinator']);
        b = await seedOrganisation(t.ctx, ['coordinator']);
        cookieA = await login(app, a.email, a.password);
      });
      afterAll(async () => {
        await app.close();
        await t.close();
      });

      async function ingest(organisationId: string, text: string, extra: Parameters<typeof buildIncomingPost>[0] = {}): Promise<string> {
        const { stored } = await t.ctx.watch.posts.ingestNow(organisationId, [buildIncomingPost({ text, language: null, ...extra })]);
        const id = stored[0]!.id;
        await waitFor(async () => (await t.ctx.watch.posts.get(organisationId, id)).analysis !== null, 'the analysis');
        return id;
      }

      it('stores an analysis per post with category, priority, explanation and a place-derived location', async () => {
        const id = await ingest(a.organisationId, 'Brand in een snackbar bij Utrecht Centraal, veel rook! 112 is gebeld');
        const post = (await app.inject({ method: 'GET', url: `/api/posts/${id}`, headers: { cookie: cookieA } })).json<PostJson>();
        expect(post.analysis).not.toBeNull();
        expect(post.analysis!.relevant).toBe(true);
        expect(post.analysis!.category).toBe('fire');
        expect(post.analysis!.explanation.length).toBeGreaterThan(0);
        expect(post.analysis!.places.map((p) => p.name).join(' ')).toMatch(/Utrecht/);
        expect(post.analysis!.location).toMatchObject({ precision: 'place' });
        await waitFor(() => analysedIds().includes(id), 'posts.analysed');
      });

      it('analyses each post once even when its batch is delivered again', async () => {
        const { stored } = await t.ctx.watch.posts.ingestNow(a.organisationId, [buildIncomingPost({ text: 'Vechtpartij op de Neude' })]);
        const id = stored[0]!.id;
        await waitFor(() => analysedIds().includes(id), 'first analysis');
        const event = { id: 'redelivered', type: 'posts.received' as const, organisationId: a.organisationId, occurredAt: new Date().toISOString(), payload: { posts: stored } };
        await t.ctx.watch.pipeline.handle([event]);
        const rows = await t.ctx.database.db.selectFrom('post_analysis').select('post_id').where('post_id', '=', id).execute();
        expect(rows).toHaveLength(1);
        expect(analysedIds().filter((p) => p === id)).toHaveLength(1);
      });

      it('skips posts deleted before the pipeline reached them (a replay reset), analysing the rest', async () => {
        const { stored } = await t.ctx.watch.posts.ingestNow(a.organisationId, [buildIncomingPost({ text: 'Brand bij het station' })]);
        const gone = { ...stored[0]!, id: '0193a000-7000-8000-0000-00000000dead', sourceId: 'deleted-before-analysis' };
        const event = { id: 'with-a-deleted-post', type: 'posts.received' as const, organisationId: a.organisationId, occurredAt: new Date().toISOString(), payload: { posts: [gone, stored[0]!] } };
        await t.ctx.watch.pipeline.handle([event]);
        const rows = await t.ctx.database.db.selectFrom('post_analysis').select('post_id').where('post_id', 'in', [gone.id, stored[0]!.id]).execute();
        expect(rows.map((r) => r.post_id)).toEqual([stored[0]!.id]);
        expect(analysedIds()).not.toContain(gone.id);
      });

      it('filters posts by category and priority', async () => {
        const response = await app.inject({ method: 'GET', url: '/api/posts?category=fire', headers: { cookie: cookieA } });
        const items = response.json<{ items: PostJson[] }>().items;
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((p) => p.analysis?.category === 'fire')).toBe(true);
      });

      it('learns from feedback at once, for that organisation only, and keeps it after a restart', async () => {
        const text = 'wat een rook en lawaai bij de Domtoren vanavond';
        const idA = await ingest(a.organisationId, text);
        const idB = await ingest(b.organisationId, text);
        const before = (await t.ctx.watch.posts.get(a.organisationId, idA)).analysis!;
        // Correct it to something the model did not say.
        const label = before.category === 'public_order' ? 'weather' : 'public_order';
        const corrected = await app.inject({ method: 'POST', url: `/api/posts/${idA}/feedback`, headers: { cookie: cookieA }, payload: { label } });
        expect(corrected.statusCode, corrected.body).toBe(200);
        const after = corrected.json<PostJson>();
        expect(after.analysis!.category).toBe(label);
        expect(after.analysis!.feedback).toMatchObject({ label });
        // Another organisation's model is untouched.
        const modelB = await t.ctx.watch.classifiers.forOrganisation(b.organisationId);
        expect(modelB.classify({ text }).category).toBe(before.category);
        expect((await t.ctx.watch.posts.get(b.organisationId, idB)).analysis!.feedback).toBeNull();
        // A fresh registry (a restart) learns the stored feedback again.
        const restarted = new ClassifierRegistry({ database: t.ctx.database });
        expect((await restarted.forOrganisation(a.organisationId)).classify({ text }).category).toBe(label);
      });

      it('refuses feedback with an unknown label, and from a viewer', async () => {
        const id = await ingest(a.organisationId, 'Gevonden: zwarte portemonnee bij de Stadsschouwburg');
        const bad = await app.inject({ method: 'POST', url: `/api/posts/${id}/feedback`, headers: { cookie: cookieA }, payload: { label: 'aliens' } });
        expect(bad.statusCode).toBe(400);
        const viewer = await t.ctx.accounts.createUser({ organisationId: a.organisationId, email: `viewer-${store}-${analysis}@example.nl`, name: 'v', password: 'a long enough password', roles: ['viewer'] }, 'test');
        const cookie = await login(app, viewer.email, 'a long enough password');
        const denied = await app.inject({ method: 'POST', url: `/api/posts/${id}/feedback`, headers: { cookie }, payload: { label: 'none' } });
        expect(denied.statusCode).toBe(403);
      });

      it('reveals an author only for a stated purpose, in the audit log', async () => {
        const id = await ingest(a.organisationId, 'ik weet wie de overval heeft gepleegd', { authorHandle: '@tipgever@mastodon.example' });
        const noPurpose = await app.inject({ method: 'POST', url: `/api/posts/${id}/reveal`, headers: { cookie: cookieA }, payload: { purpose: 'x' } });
        expect(noPurpose.statusCode).toBe(400);
        const revealed = await app.inject({ method: 'POST', url: `/api/posts/${id}/reveal`, headers: { cookie: cookieA }, payload: { purpose: 'Getuige van overval Oudegracht, zaak 2026-0704' } });
        expect(revealed.statusCode, revealed.body).toBe(200);
        expect(revealed.json()).toMatchObject({ handle: '@tipgever@mastodon.example' });
        const audit = await t.ctx.audit.list(a.organisationId, 5);
        expect(audit[0]).toMatchObject({ action: 'identity.reveal' });
        expect(JSON.parse(audit[0]!.data)).toMatchObject({ purpose: 'Getuige van overval Oudegracht, zaak 2026-0704' });
      });

      it('serves located posts as GeoJSON and the municipality outlines', async () => {
        const map = await app.inject({ method: 'GET', url: '/api/watch/map', headers: { cookie: cookieA } });
        expect(map.statusCode).toBe(200);
        const collection = map.json<{ type: string; features: { geometry: { coordinates: number[] }; properties: { id: string } }[] }>();
        expect(collection.type).toBe('FeatureCollection');
        expect(collection.features.length).toBeGreaterThan(0);
        const [lon, lat] = collection.features[0]!.geometry.coordinates;
        expect(lat).toBeGreaterThan(50.7);
        expect(lat).toBeLessThan(53.7);
        expect(lon).toBeGreaterThan(3.3);
        expect(lon).toBeLessThan(7.3);
        // The period is about when posts were received: these were written on 4 July (as a replay keeps them).
        const since = (ms: number) => `/api/watch/map?since=${encodeURIComponent(new Date(Date.now() + ms).toISOString())}`;
        const lastHour = await app.inject({ method: 'GET', url: since(-3_600_000), headers: { cookie: cookieA } });
        expect(lastHour.json<{ features: unknown[] }>().features.length).toBe(collection.features.length);
        const later = await app.inject({ method: 'GET', url: since(60_000), headers: { cookie: cookieA } });
        expect(later.json<{ features: unknown[] }>().features).toHaveLength(0);
        const outlines = await app.inject({ method: 'GET', url: '/data/gemeenten.geojson' });
        expect(outlines.statusCode).toBe(200);
        expect(outlines.json<{ features: unknown[] }>().features).toHaveLength(343);
      });
    });
  }
});
