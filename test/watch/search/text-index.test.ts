import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CompiledQuery, sql } from 'kysely';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postQuery, queryPosts } from '#watch/post-store.ts';
import { TEXT_INDEX_CONSUMER, trigramQuery } from '#watch/search/text-index.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

const TEXTS = [
  'Woningbrand aan de Oudegracht, veel rook',
  'BRAND bij het Centraal Station!',
  'De brandweer is ter plaatse',
  'Korting van 50% op alle tickets',
  'Korting van 500 euro',
  'bestand_naam.jpg gedeeld',
  'bestandXnaam.jpg gedeeld',
  'Café De Zaak is vol',
  'cafe de zaak gaat dicht',
  'Ambulance met spoed naar Tivoli',
  'back\\slash in een bericht',
];

/** The ids of posts whose text contains `needle` by the store's scan (no index), newest first. */
async function scanned(t: TestContext, organisationId: string, needle: string): Promise<string[]> {
  const rows = await queryPosts(t.ctx.database.db, t.ctx.database.dialect, { organisationId, text: needle, limit: 1000 });
  return rows.map((p) => p.id);
}

async function searched(t: TestContext, organisationId: string, needle: string): Promise<string[]> {
  return (await t.ctx.watch.posts.list({ organisationId, text: needle, limit: 1000 })).items.map((p) => p.id);
}

/** The SQLite query plan of a search for `needle` (first page of 50), as the service builds it. */
async function plan(t: TestContext, organisationId: string, needle: string): Promise<string> {
  const condition = await t.ctx.watch.textIndex.contains(needle, organisationId, 51);
  const compiled = postQuery(t.ctx.database.db, t.ctx.database.dialect, { organisationId, text: needle, limit: 51 }, condition).compile();
  const rows = await t.ctx.database.db.executeQuery(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
  return JSON.stringify(rows.rows);
}

async function indexedThrough(t: TestContext): Promise<void> {
  const last = await t.ctx.database.db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('seq')).where('type', '=', 'posts.received').executeTakeFirst();
  await waitFor(async () => {
    const row = await t.ctx.database.db.selectFrom('bus_offsets').select('last_seq').where('consumer', '=', TEXT_INDEX_CONSUMER).executeTakeFirst();
    return Number(row?.last_seq ?? 0) >= Number(last?.seq ?? 0);
  }, 'the text index consumer to pass the last posts.received');
}

describe('trigramQuery', () => {
  it('requires every trigram of every word, quoted, each once', () => {
    expect(trigramQuery(['brand'])).toBe('"bra" AND "ran" AND "and"');
    expect(trigramQuery(['50%'])).toBe('"50%"');
    expect(trigramQuery(['a"bc'])).toBe('"a""b" AND """bc"');
    expect(trigramQuery(['aaaa'])).toBe('"aaa"');
    expect(trigramQuery(['ab'])).toBeNull();
    expect(trigramQuery(['é😀x'])).toBe('"é😀x"');
    expect(trigramQuery(['kapot', 'op', 'druk'])).toBe('"kap" AND "apo" AND "pot" AND "dru" AND "ruk"');
  });
});

describe('text index on a SQLite file (its own thread and file)', () => {
  let dir: string;
  let t: TestContext;
  let organisationId: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waakzaam-text-index-'));
    t = await createTestContext('sqlite', { file: join(dir, 'store.db') });
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds what the scan finds, before the thread has indexed a post and after, reading the index once it has', async () => {
    await t.ctx.watch.textIndex.ready();
    expect(t.ctx.watch.textIndex.indexed).toBe(true);
    await t.ctx.watch.posts.ingestNow(organisationId, TEXTS.map((text) => buildIncomingPost({ text })));
    const needles = ['brand', 'BRAND', 'woningbrand', 'station!', '50%', '500', 'bestand_naam', 'café', 'cafe', 'zaak', 'ambulance met', 'met ambulance', 'rook  brand', 'back\\slash', 'nergens', 'ra', 'brand nergens'];
    // Nothing indexed yet: every post is still pending, and found by its exact check.
    for (const needle of needles) expect(await searched(t, organisationId, needle), needle).toEqual(await scanned(t, organisationId, needle));

    t.ctx.watch.textIndex.register(t.ctx.bus);
    await t.ctx.bus.start();
    await indexedThrough(t);
    const found = new Map<string, number>();
    for (const needle of needles) {
      const ids = await searched(t, organisationId, needle);
      expect(ids, needle).toEqual(await scanned(t, organisationId, needle));
      found.set(needle, ids.length);
    }
    // The scan's own semantics, which the index keeps: a compound contains its parts, case is
    // folded for ASCII letters, LIKE's wildcards are plain characters.
    expect(found.get('brand')).toBe(3);
    expect(found.get('50%')).toBe(1);
    expect(found.get('bestand_naam')).toBe(1);
    expect(found.get('nergens')).toBe(0);
    // Words, in any order: each must occur.
    expect(found.get('met ambulance')).toBe(1);
    expect(found.get('rook  brand')).toBe(1);
    expect(found.get('brand nergens')).toBe(0);

    // Once indexed, a rare needle's search is driven by the FTS table, not by a walk over the posts.
    expect(await plan(t, organisationId, 'woningbrand')).toContain('VIRTUAL TABLE INDEX');
  });

  it('scans for a needle so common that the scan fills a page sooner than the candidates are read', async () => {
    await t.ctx.watch.textIndex.ready();
    await t.ctx.watch.posts.ingestNow(organisationId, Array.from({ length: 300 }, (_, i) => buildIncomingPost({ text: i === 7 ? `brand ${i}` : `het is druk ${i}` })));
    t.ctx.watch.textIndex.register(t.ctx.bus);
    await t.ctx.bus.start();
    await indexedThrough(t);
    // 299 candidates of 300: read along the posts' own index until the page is full.
    expect(await plan(t, organisationId, 'druk')).not.toContain('VIRTUAL TABLE INDEX');
    expect(await plan(t, organisationId, 'brand')).toContain('VIRTUAL TABLE INDEX');
    for (const needle of ['druk', 'brand', 'het is']) expect(await searched(t, organisationId, needle)).toEqual(await scanned(t, organisationId, needle));
  });

  it('gives the scan\'s results for any needle over any texts (property)', async () => {
    await t.ctx.watch.textIndex.ready();
    const alphabet = fc.constantFrom('a', 'b', 'A', 'é', 'É', ' ', '%', '_', '\\', 'ß');
    const texts = fc.sample(fc.string({ unit: alphabet, minLength: 1, maxLength: 12 }), { numRuns: 80, seed: 7 });
    await t.ctx.watch.posts.ingestNow(organisationId, texts.map((text) => buildIncomingPost({ text })));
    // Half indexed, half pending: both paths of the search at once.
    const posts = await t.ctx.database.db.selectFrom('posts').select(['id', 'organisation_id', 'text']).orderBy('id').execute();
    await t.ctx.watch.textIndex.add(posts.slice(0, 40).map((p) => ({ id: p.id, organisationId: p.organisation_id, text: p.text })));
    await t.ctx.database.db.insertInto('bus_offsets').values({ consumer: TEXT_INDEX_CONSUMER, last_seq: 0 }).execute();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: alphabet, minLength: 1, maxLength: 5 }), async (needle) => {
        expect(await searched(t, organisationId, needle)).toEqual(await scanned(t, organisationId, needle));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('backfills posts stored before the index existed, and keeps answering meanwhile', async () => {
    await t.ctx.watch.posts.ingestNow(organisationId, Array.from({ length: 2500 }, (_, i) => buildIncomingPost({ text: i % 100 === 0 ? `brand nummer ${i}` : `rustig ${i}` })));
    // The index file is lost (or this store predates it): the next start backfills.
    await t.close();
    rmSync(join(dir, 'store.db.text-index'), { force: true });
    t = await createTestContext('sqlite', { file: join(dir, 'store.db') });
    expect(await searched(t, organisationId, 'brand nummer')).toHaveLength(25);
    await t.ctx.watch.textIndex.ready();
    expect(t.ctx.watch.textIndex.indexed).toBe(true);
    // The outbox no longer names the old posts (as after a purge): only the index can find them.
    await t.ctx.database.db.deleteFrom('outbox').execute();
    expect(await searched(t, organisationId, 'brand nummer')).toHaveLength(25);
    const docs = await sql<{ n: number }>`select count(*) as n from text_index.docs`.execute(t.ctx.database.db);
    expect(docs.rows[0]!.n).toBe(2500);
  });

  it('forgets an organisation\'s posts with them (a replay reset), trigrams included', async () => {
    await t.ctx.watch.textIndex.ready();
    const other = (await seedOrganisation(t.ctx)).organisationId;
    await t.ctx.watch.posts.ingestNow(organisationId, [buildIncomingPost({ text: 'brand in de wijk' })]);
    await t.ctx.watch.posts.ingestNow(other, [buildIncomingPost({ text: 'brand elders' })]);
    t.ctx.watch.textIndex.register(t.ctx.bus);
    await t.ctx.bus.start();
    await indexedThrough(t);
    const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.raw(`text_index.${table}`)}`.execute(t.ctx.database.db)).rows[0]!.n);
    expect(await count('docs')).toBe(2);
    await t.ctx.watch.replay.reset(organisationId, 'scenario.jsonl');
    expect(await count('docs')).toBe(1);
    // The contentless table holds one row per post still indexed.
    const rows = await sql<{ n: number }>`select count(*) as n from text_index.post_text where post_text match '"bra" AND "ran" AND "and"'`.execute(t.ctx.database.db);
    expect(rows.rows[0]!.n).toBe(1);
    expect(await searched(t, other, 'brand')).toHaveLength(1);
    expect(await searched(t, organisationId, 'brand')).toHaveLength(0);
  });

  it('starts its thread again when it died, and searches scan meanwhile', async () => {
    await t.ctx.watch.textIndex.ready();
    await t.ctx.watch.posts.ingestNow(organisationId, TEXTS.map((text) => buildIncomingPost({ text })));
    const index = t.ctx.watch.textIndex as unknown as { worker: Worker | null };
    const first = index.worker!;
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await first.terminate();
    await exited;
    expect(index.worker).toBeNull();
    // Exact all the same (the scan, or the new thread's index: both give the scan's results).
    expect(await searched(t, organisationId, 'brand')).toEqual(await scanned(t, organisationId, 'brand'));
    // The consumer's next delivery (here: posts added directly) runs on a new thread.
    await t.ctx.watch.textIndex.add([{ id: 'again-1', organisationId, text: 'brand opnieuw' }]);
    expect(index.worker).not.toBeNull();
    expect(index.worker).not.toBe(first);
    expect(t.ctx.watch.textIndex.indexed).toBe(true);
  });

  it('falls back to the scan when its thread is closed', async () => {
    await t.ctx.watch.textIndex.ready();
    await t.ctx.watch.posts.ingestNow(organisationId, TEXTS.map((text) => buildIncomingPost({ text })));
    await t.ctx.watch.textIndex.close();
    expect(t.ctx.watch.textIndex.indexed).toBe(false);
    expect(await searched(t, organisationId, 'brand')).toHaveLength(3);
    await expect(t.ctx.watch.textIndex.add([{ id: 'x', organisationId, text: 'brand' }])).rejects.toThrow(/not running/u);
  });

  it('keeps its file next to the store, and none when switched off', async () => {
    expect(existsSync(join(dir, 'store.db.text-index'))).toBe(true);
    const off = await createTestContext('sqlite', { file: join(dir, 'other.db'), env: { WAAKZAAM_TEXT_INDEX: 'false' } });
    try {
      const org = (await seedOrganisation(off.ctx)).organisationId;
      await off.ctx.watch.posts.ingestNow(org, TEXTS.map((text) => buildIncomingPost({ text })));
      expect(off.ctx.watch.textIndex.indexed).toBe(false);
      expect(await searched(off, org, 'woningbrand')).toHaveLength(1);
      expect(existsSync(join(dir, 'other.db.text-index'))).toBe(false);
    } finally {
      await off.close();
    }
  });
});

describeEachStore('text search', (store) => {
  let t: TestContext;
  let organisationId: string;

  beforeEach(async () => {
    t = await createTestContext(store);
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
  });
  afterEach(() => t.close());

  it('matches case-insensitively, with LIKE wildcards and backslashes as plain characters', async () => {
    await t.ctx.watch.posts.ingestNow(organisationId, TEXTS.map((text) => buildIncomingPost({ text })));
    const count = async (needle: string) => (await searched(t, organisationId, needle)).length;
    expect(await count('brand')).toBe(3);
    expect(await count('50%')).toBe(1);
    expect(await count('%')).toBe(1);
    expect(await count('bestand_naam')).toBe(1);
    expect(await count('_')).toBe(1);
    expect(await count('back\\slash')).toBe(1);
    expect(await count('\\')).toBe(1);
  });

  it.runIf(store === 'postgres')('is served by the trigram index on PostgreSQL', async () => {
    // Enough rows that reading them all costs more than the index (at a few thousand it does not).
    await sql`insert into posts (id, organisation_id, source, source_id, author_pseudonym, text, created_at, received_at, hashtags, mentions, media)
      select 'p' || lpad(i::text, 8, '0'), ${organisationId}, 'mastodon', 's' || i, 'a', case when i % 1000 = 0 then 'Woningbrand ' || i else 'rustig op straat ' || i end,
        now(), now(), '[]', '[]', '[]' from generate_series(1, 100000) as i`.execute(t.ctx.database.db);
    await sql`analyze posts`.execute(t.ctx.database.db);
    const compiled = postQuery(t.ctx.database.db, t.ctx.database.dialect, { organisationId, text: 'woningBRAND', limit: 50 }).compile();
    const plan = await t.ctx.database.db.executeQuery(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
    expect(JSON.stringify(plan.rows)).toContain('posts_text_trigrams');
    expect(await searched(t, organisationId, 'woningBRAND')).toHaveLength(100);
  });
});
