import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { IncomingPost } from '#watch/post.ts';
import { createTestContext, seedOrganisation, type Seeded, type TestContext } from '#test/support/context.ts';
import { login } from '#test/support/http.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

interface ClaimJson {
  id: string;
  state: string;
  text: string;
  postCount: number;
  velocity: { perWindow: number; acceleration: number; uniqueAuthors: number };
  verdictNote: string | null;
  correction: { textNl: string; reachPosts: number; messageId: string | null } | null;
}
interface DetailJson extends ClaimJson {
  posts: { postId: string; text: string }[];
  reach: { rumour: { at: string; count: number; cumulative: number }[]; correction: { count: number; cumulative: number }[] };
}

const RUMOUR = 'Horen net dat er iemand is neergestoken bij het Vredenburg en dat de stroom expres is uitgezet. Pas op jongens!';
const CORRECTION = 'Er gaan berichten rond over een steekpartij bij het Vredenburg. Die kloppen niet: er is alleen een stroomstoring.';
const PASSWORD = 'a long enough password';

const at = (minute: number) => new Date(Date.UTC(2026, 6, 4, 21, minute, 0)).toISOString();
const author = (i: number) => i.toString(16).padStart(32, '0');

describeEachStore('rumours: claim grouping, velocity, mark, verification by a field officer, correction and its reach', (store) => {
  let t: TestContext;
  let app: HttpApp;
  let a: Seeded;
  let b: Seeded;
  let cookieA: string;
  let officerId: string;
  let officerCookie: string;
  let claim: ClaimJson;

  async function ingest(posts: IncomingPost[]): Promise<void> {
    await t.ctx.watch.posts.ingestNow(a.organisationId, posts);
  }

  async function claims(cookie: string): Promise<ClaimJson[]> {
    const response = await app.inject({ method: 'GET', url: '/api/rumours?minPosts=2', headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: ClaimJson[] }>().items;
  }

  beforeAll(async () => {
    t = await createTestContext(store);
    t.ctx.watch.pipeline.register();
    t.ctx.incidents.register();
    await t.ctx.bus.start();
    app = await buildApp(t.ctx);
    a = await seedOrganisation(t.ctx, ['analyst']);
    b = await seedOrganisation(t.ctx, ['analyst']);
    cookieA = await login(app, a.email, a.password);
    const officer = await t.ctx.accounts.createUser({ organisationId: a.organisationId, email: `officer-${store}@example.nl`, name: 'Wijkagent Utrecht', password: PASSWORD, roles: ['field_officer'] }, 'test');
    officerId = officer.id;
    officerCookie = await login(app, officer.email, PASSWORD);
    await ingest([buildIncomingPost({ sourceId: 'rumour-1', text: RUMOUR, createdAt: at(12), authorPseudonym: author(1) })]);
    await ingest([
      ...[2, 3, 4].map((i) => buildIncomingPost({ text: RUMOUR, repostOf: 'rumour-1', createdAt: at(12 + i), authorPseudonym: author(i) })),
      buildIncomingPost({ text: `Doorgestuurd: ${RUMOUR}`, createdAt: at(18), authorPseudonym: author(5) }),
      buildIncomingPost({ text: 'Wat een mooie avond op het Vredenburg, de band speelt geweldig', createdAt: at(18), authorPseudonym: author(6) }),
    ]);
    await waitFor(async () => (await claims(cookieA)).some((c) => c.postCount >= 5), 'the claim to gather its posts');
    claim = (await claims(cookieA))[0]!;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('groups reposts and copy-paste variants of one claim, with spread velocity and unique authors', () => {
    expect(claim.state).toBe('observed');
    expect(claim.text).toBe(RUMOUR);
    expect(claim.postCount).toBe(5);
    expect(claim.velocity).toEqual({ perWindow: 5, acceleration: 5, uniqueAuthors: 5 });
  });

  it('keeps other organisations out and refuses bad input', async () => {
    expect(await claims(await login(app, b.email, b.password))).toEqual([]);
    const cookieB = await login(app, b.email, b.password);
    expect((await app.inject({ method: 'GET', url: `/api/rumours/${claim.id}`, headers: { cookie: cookieB } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/mark`, headers: { cookie: cookieB } })).statusCode).toBe(404);
    const badQuery = await app.inject({ method: 'GET', url: '/api/rumours?state=gossip', headers: { cookie: cookieA } });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.headers['content-type']).toContain('application/problem+json');
  });

  it('marks a claim as a rumour once; a correction needs the mark first', async () => {
    const early = await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/correction`, headers: { cookie: cookieA }, payload: { textNl: CORRECTION } });
    expect(early.statusCode).toBe(409);
    const marked = await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/mark`, headers: { cookie: cookieA } });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json<ClaimJson>().state).toBe('marked_rumour');
    expect((await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/mark`, headers: { cookie: cookieA } })).statusCode).toBe(409);
  });

  it('sends the rumour to a field officer, who alone answers it; the answer sets its state', async () => {
    const assignees = (await app.inject({ method: 'GET', url: '/api/verification/assignees', headers: { cookie: cookieA } })).json<{ items: { id: string }[] }>();
    expect(assignees.items.map((u) => u.id)).toEqual([officerId]);
    const analyst = await t.ctx.accounts.findUserByEmail(a.email);
    const wrong = await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/verification`, headers: { cookie: cookieA }, payload: { assigneeId: analyst!.id, question: 'Klopt de steekpartij?' } });
    expect(wrong.statusCode).toBe(400);
    const sent = await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/verification`, headers: { cookie: cookieA }, payload: { assigneeId: officerId, question: 'Is er een steekpartij geweest bij het Vredenburg?' } });
    expect(sent.statusCode, sent.body).toBe(201);
    const { claim: verifying, task } = sent.json<{ claim: ClaimJson; task: { id: string; status: string } }>();
    expect(verifying.state).toBe('verifying');
    expect(task.status).toBe('open');

    const mine = (await app.inject({ method: 'GET', url: '/api/verification/tasks?mine=true&status=open', headers: { cookie: officerCookie } })).json<{ items: { id: string; question: string }[] }>();
    expect(mine.items.map((i) => i.id)).toEqual([task.id]);
    const analystAnswers = await app.inject({ method: 'POST', url: `/api/verification/tasks/${task.id}/answer`, headers: { cookie: cookieA }, payload: { answer: 'denied' } });
    expect(analystAnswers.statusCode).toBe(403);
    const badAnswer = await app.inject({ method: 'POST', url: `/api/verification/tasks/${task.id}/answer`, headers: { cookie: officerCookie }, payload: { answer: 'maybe' } });
    expect(badAnswer.statusCode).toBe(400);
    const answered = await app.inject({ method: 'POST', url: `/api/verification/tasks/${task.id}/answer`, headers: { cookie: officerCookie }, payload: { answer: 'denied', note: 'Ter plaatse: geen steekpartij, alleen stroomstoring.' } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/verification/tasks/${task.id}/answer`, headers: { cookie: officerCookie }, payload: { answer: 'confirmed' } })).statusCode).toBe(409);
    await waitFor(async () => (await claims(cookieA)).find((c) => c.id === claim.id)!.state === 'denied', 'the answer to reach the rumour');
    expect((await claims(cookieA)).find((c) => c.id === claim.id)!.verdictNote).toBe('Ter plaatse: geen steekpartij, alleen stroomstoring.');
  });

  it('records a correction and tracks its reach beside the rumour’s', async () => {
    const invalid = await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/correction`, headers: { cookie: cookieA }, payload: { textNl: 'kort', url: 'javascript:alert(1)' } });
    expect(invalid.statusCode).toBe(400);
    await ingest([buildIncomingPost({ sourceId: 'official-1', text: CORRECTION, createdAt: at(36), authorPseudonym: author(20) })]);
    const corrected = await app.inject({ method: 'POST', url: `/api/rumours/${claim.id}/correction`, headers: { cookie: cookieA }, payload: { textNl: CORRECTION, textEn: 'There was no stabbing at the Vredenburg, only a power failure.' } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json<ClaimJson>().state).toBe('corrected');
    // The official post stored before the correction was recorded counts at once.
    expect(corrected.json<ClaimJson>().correction!.reachPosts).toBe(1);
    await ingest([
      ...[21, 22].map((i) => buildIncomingPost({ text: CORRECTION, repostOf: 'official-1', createdAt: at(37 + i - 21), authorPseudonym: author(i) })),
      buildIncomingPost({ text: `Lees dit: ${CORRECTION}`, createdAt: at(40), authorPseudonym: author(23) }),
    ]);
    const rumour = async () => (await claims(cookieA)).find((c) => c.id === claim.id)!;
    await waitFor(async () => (await rumour()).correction!.reachPosts === 4, 'the correction’s reach');
    const detail = (await app.inject({ method: 'GET', url: `/api/rumours/${claim.id}`, headers: { cookie: cookieA } })).json<DetailJson>();
    expect(detail.posts).toHaveLength(5);
    expect(detail.reach.rumour.at(-1)!.cumulative).toBe(5);
    expect(detail.reach.correction.at(-1)!.cumulative).toBe(4);
    // Both curves share one time axis, so they can be drawn side by side.
    expect(detail.reach.correction.map((p) => (p as { at?: string }).at)).toEqual(detail.reach.rumour.map((p) => p.at));
    const audit = await t.ctx.audit.list(a.organisationId, 20);
    expect(audit.filter((e) => e.subject_id === claim.id).map((e) => e.action)).toEqual(expect.arrayContaining(['rumour.state', 'rumour.verdict', 'verification.request']));
  });
});
