import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadCursor } from '#watch/connectors/cursors.ts';
import { createMastodonKind, type MastodonCursor } from '#watch/connectors/mastodon/kind.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildStatus, startFakeMastodon, type FakeMastodon } from '#test/support/fake-mastodon.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';
import { superviseConnector, type SupervisedConnector } from '../connector-harness.ts';

const timing = { pingIntervalMs: 50, silenceMs: 500, connectTimeoutMs: 2000, requestTimeoutMs: 2000, batch: { maxPosts: 100, maxDelayMs: 20, cursorEveryMs: 100 } };
const kind = createMastodonKind(timing);

describeEachStore('Mastodon streaming connector', (store) => {
  let t: TestContext;
  let organisationId: string;
  let mastodon: FakeMastodon;
  let running: SupervisedConnector | undefined;

  beforeEach(async () => {
    t = await createTestContext(store);
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
    mastodon = await startFakeMastodon({ domain: 'mastodon.example' });
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await mastodon.close();
    await t.close();
  });

  const start = (config: Record<string, unknown> = {}, k = kind) => {
    running = superviseConnector(t, k, { organisationId, config: { instanceUrl: mastodon.url, accessToken: mastodon.token, timeline: 'public', ...config } });
    return running;
  };
  const count = () => t.ctx.watch.posts.count(organisationId);
  const live = (r: SupervisedConnector, times = 1) => waitFor(() => r.states().filter((s) => s === 'live').length >= times, `live ×${times}`);
  const allPosts = async () => (await t.ctx.watch.posts.list({ organisationId, limit: 500 })).items;
  const host = () => new URL(mastodon.url).host;
  const cursor = () => loadCursor<MastodonCursor>(t.ctx.database, organisationId, 'test-mastodon');

  it('stores a status once as plain text, with author and mentions as pseudonyms', async () => {
    const r = start();
    await live(r);
    const status = buildStatus({
      acct: 'annelies_kok60',
      content:
        '<p>Rook bij <span class="h-card"><a href="https://mstdn.example/@bilal679" class="u-url mention">@<span>bilal679</span></a></span> &amp; station<br>zie <a href="https://example.nl/x"><span class="invisible">https://</span><span class="">example.nl/x</span></a> <a href="https://mastodon.example/tags/brand" class="mention hashtag" rel="tag">#<span>Brand</span></a></p><p>Tweede &lt;alinea&gt;</p><script>alert(1)</script>',
      tags: ['Brand'],
      mentions: ['bilal679@mstdn.example'],
      media: [{ type: 'image', url: 'https://files.mastodon.example/media_attachments/files/1/original/a.jpg' }],
      inReplyToId: '116862251916658528',
      language: 'nl',
    });
    mastodon.publish(status);
    mastodon.sendRaw(JSON.stringify({ stream: ['public'], event: 'status.update', payload: JSON.stringify(status) }));
    mastodon.publish(buildStatus({ visibility: 'private', content: '<p>alleen volgers</p>' }));
    await waitFor(async () => (await cursor())?.lastId !== undefined, 'a cursor');
    await waitFor(async () => (await count()) === 1, 'one post');
    const [post] = await allPosts();
    expect(post).toMatchObject({
      source: 'mastodon',
      sourceId: `${host()}/${status.id}`,
      url: `https://mastodon.example/@annelies_kok60/${status.id}`,
      authorPseudonym: t.ctx.pseudonyms.pseudonymise('mastodon', 'annelies_kok60@mastodon.example'),
      text: 'Rook bij @bilal679 & station\nzie https://example.nl/x #Brand\n\nTweede <alinea>',
      language: 'nl',
      hashtags: ['brand'],
      mentions: [t.ctx.pseudonyms.pseudonymise('mastodon', 'bilal679@mstdn.example')],
      media: [{ type: 'image', url: 'https://files.mastodon.example/media_attachments/files/1/original/a.jpg' }],
      replyTo: `${host()}/116862251916658528`,
      repostOf: null,
    });
    // Only the link to the original names the author (as the source's own URL does).
    const row = await t.ctx.database.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify({ ...row, url: null, source_id: null })).not.toContain('annelies');
    expect(r.malformed).toEqual([]);
  });

  it('stores a boost as a post of the booster that relates to the original', async () => {
    const r = start();
    await live(r);
    const original = buildStatus({ acct: 'eva1308@mstdn.example', content: '<p>Weg afgesloten bij Vredenburg</p>' });
    const boost = buildStatus({ acct: 'bilal679', reblog: original });
    mastodon.publish(boost);
    await waitFor(async () => (await count()) === 1, 'the boost');
    expect((await allPosts())[0]).toMatchObject({
      sourceId: `${host()}/${boost.id}`,
      repostOf: `${host()}/${original.id}`,
      text: 'Weg afgesloten bij Vredenburg',
      authorPseudonym: t.ctx.pseudonyms.pseudonymise('mastodon', 'bilal679@mastodon.example'),
      url: `https://mstdn.example/@eva1308/${original.id}`,
    });
  });

  it('reports connecting then live, and sends the token in the Authorization header only', async () => {
    const r = start({ timeline: 'hashtag', tag: '#Utrecht' });
    await live(r);
    expect(r.states()).toEqual(['connecting', 'live']);
    expect(mastodon.streamRequests).toEqual([{ stream: 'hashtag', tag: 'Utrecht', list: null, auth: 'header' }]);
    mastodon.publish(buildStatus({ tags: ['koningsdag'] }));
    mastodon.publish(buildStatus({ tags: ['utrecht'], content: '<p>#utrecht druk</p>' }));
    await waitFor(async () => (await count()) === 1, 'the tagged status');
    expect((await allPosts())[0]!.text).toBe('#utrecht druk');
  });

  it('after the connection drops, catches up through the REST timeline from its cursor: no loss, no duplicates', async () => {
    const r = start();
    await live(r);
    const first = [buildStatus(), buildStatus()];
    for (const s of first) mastodon.publish(s);
    await waitFor(async () => (await cursor())?.lastId === first[1]!.id, 'the cursor');
    mastodon.dropConnections();
    // Published while no stream listens: only the catch-up can find these.
    const missed = [buildStatus(), buildStatus(), buildStatus()];
    for (const s of missed) mastodon.publish(s);
    await live(r, 2);
    const next = buildStatus();
    mastodon.publish(next);
    await waitFor(async () => (await count()) === 6, 'six posts');
    expect(r.errors).toEqual([expect.stringMatching(/connection/)]);
    expect(mastodon.timelineRequests).toEqual([{ path: '/api/v1/timelines/public', query: { min_id: first[1]!.id, limit: '40' } }]);
    const ids = (await allPosts()).map((p) => p.sourceId).sort();
    expect(ids).toEqual([...first, ...missed, next].map((s) => `${host()}/${s.id}`).sort());
    expect(await cursor()).toEqual({ instance: host(), timeline: 'public', lastId: next.id });
  });

  it('pages the catch-up forward with min_id and stops at its bound', async () => {
    const bounded = createMastodonKind({ ...timing, maxCatchUp: 50 });
    const r = start({ timeline: 'public:local' }, bounded);
    await live(r);
    const seen = buildStatus();
    mastodon.publish(seen);
    await waitFor(async () => (await cursor())?.lastId === seen.id, 'the cursor');
    await r.stop();
    const missed = Array.from({ length: 100 }, () => buildStatus());
    for (const s of missed) mastodon.publish(s, { stream: false });
    mastodon.publish(buildStatus({ acct: 'remote@elsewhere.example' }), { stream: false }); // not local
    start({ timeline: 'public:local' }, bounded);
    await live(running!);
    expect(mastodon.timelineRequests.map((q) => q.query)).toEqual([
      { local: 'true', min_id: seen.id, limit: '40' },
      { local: 'true', min_id: missed[39]!.id, limit: '40' },
    ]);
    expect(await count()).toBe(81);
    expect((await cursor())?.lastId).toBe(missed[79]!.id);
  });

  it('keeps only the configured languages (and statuses without one)', async () => {
    const r = start({ language: ['NL'] });
    await live(r);
    mastodon.publish(buildStatus({ language: 'en', content: '<p>english</p>' }));
    mastodon.publish(buildStatus({ language: null, content: '<p>onbekend</p>' }));
    const last = buildStatus({ language: 'nl', content: '<p>nederlands</p>' });
    mastodon.publish(last);
    await waitFor(async () => (await cursor())?.lastId === last.id, 'the cursor');
    expect((await allPosts()).map((p) => p.text).sort()).toEqual(['nederlands', 'onbekend']);
  });

  it('follows a list, but never stores followers-only statuses from it', async () => {
    mastodon.lists.set('42', new Set(['eva1308@mstdn.example']));
    const r = start({ timeline: 'list', listId: '42' });
    await live(r);
    mastodon.publish(buildStatus({ acct: 'eva1308@mstdn.example', visibility: 'private', content: '<p>privé</p>' }));
    mastodon.publish(buildStatus({ acct: 'someone_else' }));
    const last = buildStatus({ acct: 'eva1308@mstdn.example', visibility: 'unlisted', content: '<p>openbaar</p>' });
    mastodon.publish(last);
    await waitFor(async () => (await cursor())?.lastId === last.id, 'the cursor');
    expect((await allPosts()).map((p) => p.text)).toEqual(['openbaar']);
    expect(mastodon.streamRequests[0]).toMatchObject({ stream: 'list', list: '42' });
  });

  it('counts and skips malformed frames, ignores deletes and other events, without stopping', async () => {
    const r = start();
    await live(r);
    mastodon.sendRaw('not json');
    mastodon.sendRaw(JSON.stringify({ stream: ['public'], event: 'update', payload: '{"id": "1"' }));
    mastodon.sendRaw(JSON.stringify({ stream: ['public'], event: 'update', payload: JSON.stringify({ ...buildStatus(), created_at: 'yesterday' }) }));
    mastodon.sendRaw(JSON.stringify({ stream: ['public'], event: 'update', payload: JSON.stringify(buildStatus({ content: `<p>${'x'.repeat(1024 * 1024)}</p>` })) }));
    const deleted = buildStatus({ content: '<p>later verwijderd</p>' });
    mastodon.publish(deleted);
    mastodon.remove(deleted.id); // a delete event: what was seen stays stored
    mastodon.sendRaw(JSON.stringify({ stream: ['user'], event: 'filters_changed' }));
    mastodon.publish(buildStatus({ content: '<p>na de rommel</p>' }));
    await waitFor(async () => (await count()) === 2, 'the good statuses');
    expect(r.malformed).toEqual([
      expect.stringMatching(/^not JSON/),
      expect.stringMatching(/^update: the payload is not JSON/),
      expect.stringMatching(/^update: status\.created_at: /),
      expect.stringMatching(/larger than 1048576 bytes/),
    ]);
    expect(r.attempts).toBe(1);
  });

  it('fails (and is retried) when the token is refused or the server rejects the stream', async () => {
    const refused = start({ accessToken: 'wrong-token' });
    await waitFor(() => refused.errors.length >= 2, 'two failed attempts');
    expect(refused.errors[0]).toMatch(/401/);
    expect(refused.states()).not.toContain('live');
    await refused.stop();
    const r = start();
    await live(r);
    mastodon.sendRaw(JSON.stringify({ error: 'Unknown stream type', status: 400 }));
    await waitFor(() => r.errors.length >= 1, 'the refusal');
    expect(r.errors[0]).toMatch(/refused: Unknown stream type/);
  });

  it('reconnects when the connection goes silent', async () => {
    const r = start();
    await live(r);
    mastodon.freeze();
    await waitFor(() => r.errors.length >= 1, 'the silence to be noticed');
    expect(r.errors[0]).toMatch(/no frame from the server/);
  });

  it('finds a streaming server on another host through instance discovery', async () => {
    const other = await startFakeMastodon({ separateStreamingHost: true });
    try {
      running = superviseConnector(t, kind, { organisationId, config: { instanceUrl: other.url, accessToken: other.token, timeline: 'public' } });
      await live(running);
      other.publish(buildStatus());
      await waitFor(async () => (await count()) === 1, 'a post through the other host');
      await running.stop();
    } finally {
      await other.close();
    }
  });

  it('stops promptly when aborted and closes the connection', async () => {
    const r = start();
    await live(r);
    expect(mastodon.openStreams()).toBe(1);
    await r.stop();
    expect(r.errors).toEqual([]);
    await waitFor(() => mastodon.openStreams() === 0, 'the stream closed');
  });
});
