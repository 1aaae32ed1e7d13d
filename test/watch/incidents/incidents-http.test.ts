import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

interface IncidentJson {
  id: string;
  status: string;
  category: string | null;
  postCount: number;
  locatedCount: number;
  centre: { lat: number; lon: number } | null;
  bounds: number[] | null;
  mergedInto: string | null;
  sparkline: number[];
  verdict: { answer: string; note: string | null } | null;
}
interface DetailJson extends IncidentJson {
  timeline: { minute: string; count: number }[];
  members: { postId: string; text: string; lat: number | null }[];
}

const VREDENBURG = { lat: 52.0927, lon: 5.1158 };
const JAARBEURS = { lat: 52.0888, lon: 5.1078 };
const OUTAGE = [
  'Stroomstoring bij Vredenburg, alles is donker en mensen raken in paniek',
  'Hele Vredenburg zonder stroom, stroomstoring, podium ligt plat',
  'stroomstoring vredenburg, het is helemaal donker hier, wat nu',
];
const FIRE = ['Brand in een foodtruck op het Jaarbeursplein, veel zwarte rook!', 'Foodtruck in brand bij Jaarbeursplein, brandweer onderweg, veel rook'];

describeEachStore('incidents: clustering consumer, status, merge, split, verification over HTTP', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let a: Seeded;
  let b: Seeded;
  let cookieA: string;
  let cookieB: string;

  beforeAll(async () => {
    t = await createTestContext(store);
    t.ctx.watch.pipeline.register();
    t.ctx.incidents.register();
    await t.ctx.bus.start();
    app = await buildApp(t.ctx);
    a = await seedOrganisation(t.ctx, ['analyst']);
    b = await seedOrganisation(t.ctx, ['analyst']);
    cookieA = await login(app, a.email, a.password);
    cookieB = await login(app, b.email, b.password);
    const at = (minute: number) => new Date(Date.UTC(2026, 6, 4, 21, minute, 0)).toISOString();
    await t.ctx.watch.posts.ingestNow(a.organisationId, [
      ...OUTAGE.map((text, i) => buildIncomingPost({ text, createdAt: at(8 + i), location: { ...VREDENBURG, precision: 'exact', placeName: null } })),
      ...FIRE.map((text, i) => buildIncomingPost({ text, createdAt: at(9 + i), location: { ...JAARBEURS, precision: 'exact', placeName: null } })),
    ]);
    await waitFor(async () => (await list(cookieA)).reduce((n, i) => n + i.postCount, 0) >= 5, 'the posts to be clustered');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  async function list(cookie: string, query = 'minPosts=1'): Promise<IncidentJson[]> {
    const response = await app.inject({ method: 'GET', url: `/api/incidents?${query}`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: IncidentJson[] }>().items;
  }

  it('clusters related posts by time, place and text into separate incidents, with map data and a timeline', async () => {
    const incidents = await list(cookieA);
    const outage = incidents.find((i) => i.category === 'infrastructure_outage')!;
    const fire = incidents.find((i) => i.category === 'fire')!;
    expect(outage.postCount).toBe(3);
    expect(fire.postCount).toBe(2);
    expect(outage.status).toBe('new');
    expect(outage.centre!.lat).toBeCloseTo(VREDENBURG.lat, 4);
    expect(outage.sparkline.reduce((x, y) => x + y, 0)).toBe(3);
    const detail = (await app.inject({ method: 'GET', url: `/api/incidents/${outage.id}`, headers: { cookie: cookieA } })).json<DetailJson>();
    expect(detail.members.map((m) => m.text).sort()).toEqual([...OUTAGE].sort());
    expect(detail.timeline.map((m) => m.count)).toEqual([1, 1, 1]);
  });

  it('handles a redelivered batch once', async () => {
    const before = await list(cookieA);
    const post = await t.ctx.watch.posts.list({ organisationId: a.organisationId, limit: 1 });
    const event = { id: 'redelivered-1', type: 'posts.analysed' as const, organisationId: a.organisationId, occurredAt: new Date().toISOString(), payload: { posts: [post.items[0]!] } };
    await t.ctx.incidents.incidents.handle([event]);
    await t.ctx.incidents.incidents.handle([event]);
    expect((await list(cookieA)).map((i) => i.postCount)).toEqual(before.map((i) => i.postCount));
  });

  it('keeps organisations apart', async () => {
    expect(await list(cookieB)).toEqual([]);
    const [incident] = await list(cookieA);
    const read = await app.inject({ method: 'GET', url: `/api/incidents/${incident!.id}`, headers: { cookie: cookieB } });
    expect(read.statusCode).toBe(404);
    expect(read.headers['content-type']).toContain('application/problem+json');
    const change = await app.inject({ method: 'POST', url: `/api/incidents/${incident!.id}/status`, headers: { cookie: cookieB }, payload: { status: 'closed' } });
    expect(change.statusCode).toBe(404);
    const unauthenticated = await app.inject({ method: 'GET', url: '/api/incidents' });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it('changes status along the allowed transitions, audited, and refuses bad input', async () => {
    const outage = (await list(cookieA)).find((i) => i.category === 'infrastructure_outage')!;
    const monitoring = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/status`, headers: { cookie: cookieA }, payload: { status: 'monitoring' } });
    expect(monitoring.statusCode, monitoring.body).toBe(200);
    expect(monitoring.json<IncidentJson>().status).toBe('monitoring');
    const back = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/status`, headers: { cookie: cookieA }, payload: { status: 'new' } });
    expect(back.statusCode).toBe(409);
    const bad = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/status`, headers: { cookie: cookieA }, payload: { status: 'exploded' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const audit = await t.ctx.audit.list(a.organisationId, 10);
    expect(audit.some((e) => e.action === 'incident.status' && e.subject_id === outage.id)).toBe(true);
  });

  it('refuses changes by a viewer', async () => {
    const viewer = await t.ctx.accounts.createUser({ organisationId: a.organisationId, email: `viewer-inc-${store}@example.nl`, name: 'v', password: 'a long enough password', roles: ['viewer'] }, 'test');
    const cookie = await login(app, viewer.email, 'a long enough password');
    const [incident] = await list(cookie);
    const denied = await app.inject({ method: 'POST', url: `/api/incidents/${incident!.id}/status`, headers: { cookie }, payload: { status: 'closed' } });
    expect(denied.statusCode).toBe(403);
  });

  it('merges incidents (members move, the merged one points to the survivor) and splits posts off again', async () => {
    const incidents = await list(cookieA);
    const outage = incidents.find((i) => i.category === 'infrastructure_outage')!;
    const fire = incidents.find((i) => i.category === 'fire')!;
    const merged = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/merge`, headers: { cookie: cookieA }, payload: { incidentIds: [fire.id] } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<IncidentJson>().postCount).toBe(5);
    expect(merged.json<IncidentJson>().bounds).not.toBeNull();
    const gone = (await app.inject({ method: 'GET', url: `/api/incidents/${fire.id}`, headers: { cookie: cookieA } })).json<IncidentJson>();
    expect(gone.mergedInto).toBe(outage.id);
    expect((await list(cookieA)).map((i) => i.id)).not.toContain(fire.id);
    const again = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/merge`, headers: { cookie: cookieA }, payload: { incidentIds: [fire.id] } });
    expect(again.statusCode).toBe(409);

    const detail = (await app.inject({ method: 'GET', url: `/api/incidents/${outage.id}`, headers: { cookie: cookieA } })).json<DetailJson>();
    const firePosts = detail.members.filter((m) => /brand/i.test(m.text)).map((m) => m.postId);
    const split = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/split`, headers: { cookie: cookieA }, payload: { postIds: firePosts } });
    expect(split.statusCode, split.body).toBe(201);
    const created = split.json<IncidentJson>();
    expect(created.postCount).toBe(2);
    expect(created.category).toBe('fire');
    expect(created.status).toBe('new');
    const survivor = (await app.inject({ method: 'GET', url: `/api/incidents/${outage.id}`, headers: { cookie: cookieA } })).json<DetailJson>();
    expect(survivor.postCount).toBe(3);
    expect(survivor.centre!.lat).toBeCloseTo(VREDENBURG.lat, 4);
    const all = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/split`, headers: { cookie: cookieA }, payload: { postIds: survivor.members.map((m) => m.postId) } });
    expect(all.statusCode).toBe(400);
    const stranger = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/split`, headers: { cookie: cookieA }, payload: { postIds: ['not-a-member'] } });
    expect(stranger.statusCode).toBe(400);
  });

  it('sends an incident for verification; the field officer’s answer flows back to it', async () => {
    const officer = await t.ctx.accounts.createUser({ organisationId: a.organisationId, email: `wijkagent-${store}@example.nl`, name: 'Wijkagent', password: 'a long enough password', roles: ['field_officer'] }, 'test');
    const outage = (await list(cookieA)).find((i) => i.category === 'infrastructure_outage')!;
    const asked = await app.inject({ method: 'POST', url: `/api/incidents/${outage.id}/verification`, headers: { cookie: cookieA }, payload: { assigneeId: officer.id, question: 'Is de stroom echt uit bij Vredenburg?' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const task = asked.json<{ id: string }>();
    const officerCookie = await login(app, officer.email, 'a long enough password');
    const answered = await app.inject({ method: 'POST', url: `/api/verification/tasks/${task.id}/answer`, headers: { cookie: officerCookie }, payload: { answer: 'confirmed', note: 'Ter plaatse gezien: alles donker.' } });
    expect(answered.statusCode, answered.body).toBe(200);
    await waitFor(async () => (await list(cookieA)).find((i) => i.id === outage.id)?.verdict !== null, 'the verdict on the incident');
    const after = (await list(cookieA)).find((i) => i.id === outage.id)!;
    expect(after.verdict).toEqual({ answer: 'confirmed', note: 'Ter plaatse gezien: alles donker.' });
    expect(after.status).toBe('confirmed');
  });
});
