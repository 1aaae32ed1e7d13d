/**
 * Searching posts by text (the dashboard's search: each word in the text, case-insensitive) through the
 * text index (docs/decisions/0022-text-search.md), beside its peer in the same run: the same query
 * as a scan of the organisation's posts, which is what search was before the index. On SQLite the
 * index is a trigram FTS5 file written by a thread of its own; on PostgreSQL a pg_trgm GIN index
 * (when WAAKZAAM_BENCH_POSTGRES_URL or WAAKZAAM_TEST_POSTGRES_URL names a server). Posts are
 * replayed through the product (the festival scenario, cycled), so the texts are realistic.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { sql } from 'kysely';
import { createContext, type AppContext } from '#app/context.ts';
import { loadConfig } from '#platform/config.ts';
import { queryPosts } from '#watch/post-store.ts';
import { TEXT_INDEX_CONSUMER } from '#watch/search/text-index.ts';
import { withBenchDatabase } from './postgres.ts';
import { scenarioLines, stream } from './scenario.ts';

const POSTS = 240_000;
const log = pino({ level: 'silent' });
/** What a webcare team types: a word no post has, rare to common words, a compound's part, two words, a stop word. */
const NEEDLES = ['xyzzy', 'vechtpartij', 'politie', 'ambulance', 'brand', 'kapot druk', 'druk', 'utrecht', 'het'];

interface Timing {
  needle: string;
  hits: number;
  indexMs: number;
  scanMs: number;
}

/** Median of five runs after one warm-up, in milliseconds. */
async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** Each needle through the product's search (first page of 50) and through the scan. */
async function timeNeedles(ctx: AppContext, organisationId: string): Promise<Timing[]> {
  const out: Timing[] = [];
  for (const needle of NEEDLES) {
    const page = await ctx.watch.posts.list({ organisationId, text: needle, limit: 50 });
    const indexMs = await median(() => ctx.watch.posts.list({ organisationId, text: needle, limit: 50 }));
    const scanned = () => queryPosts(ctx.database.db, ctx.database.dialect, { organisationId, text: needle, limit: 51 });
    const scan = ctx.database.dialect.name === 'postgres' ? () => withoutTrigramIndex(ctx, needle, organisationId) : scanned;
    const scanMs = await median(scan);
    const scannedPage = await scan();
    const indexedIds = page.items.map((p) => p.id).join();
    if (indexedIds !== scannedPage.slice(0, 50).map((p) => p.id).join()) throw new Error(`search "${needle}": the index and the scan disagree`);
    out.push({ needle, hits: page.items.length, indexMs, scanMs });
  }
  return out;
}

/** The PostgreSQL peer: the same query with the trigram index out of the planner's reach. */
function withoutTrigramIndex(ctx: AppContext, needle: string, organisationId: string) {
  return ctx.database.transaction(async (tx) => {
    await sql`set local enable_bitmapscan = off`.execute(tx.db);
    return queryPosts(tx.db, ctx.database.dialect, { organisationId, text: needle, limit: 51 });
  });
}

function report(store: string, timings: Timing[]): void {
  for (const t of timings) {
    process.stdout.write(
      `  ${store} "${t.needle}" (${t.hits} on the first page): index ${t.indexMs.toFixed(2)} ms, scan ${t.scanMs.toFixed(2)} ms (scan/index ${(t.scanMs / t.indexMs).toFixed(1)}×)\n`,
    );
  }
}

async function fill(ctx: AppContext, file: string): Promise<string> {
  const org = await ctx.accounts.createOrganisation({ name: 'Bench', kind: 'police' }, 'bench');
  const cursor = await ctx.watch.replay.run({ organisationId: org.id, file, speed: 0, batchSize: 1000 });
  if (cursor.accepted !== POSTS) throw new Error(`stored ${cursor.accepted} of ${POSTS}`);
  return org.id;
}

export async function searchBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-search-bench-'));
  const file = join(dir, 'stream.jsonl');
  writeFileSync(file, stream(scenarioLines(), POSTS).join('\n') + '\n');
  const result: Record<string, unknown> = { posts: POSTS };

  const ctx = await createContext(loadConfig({ WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'search.db')}`, WAAKZAAM_ANALYSIS_THREAD: 'false' }), { log });
  try {
    ctx.watch.textIndex.register(ctx.bus);
    await ctx.bus.start();
    await ctx.watch.textIndex.ready();
    const started = performance.now();
    const organisationId = await fill(ctx, file);
    const stored = performance.now();
    const last = await ctx.database.db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
    for (;;) {
      const row = await ctx.database.db.selectFrom('bus_offsets').select('last_seq').where('consumer', '=', TEXT_INDEX_CONSUMER).executeTakeFirst();
      if (Number(row?.last_seq ?? 0) >= Number(last.seq)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const indexed = performance.now();
    // The thread's own cost per post: the same posts indexed again under other ids, timed alone.
    const sample = await ctx.database.db.selectFrom('posts').select(['id', 'text']).limit(20_000).execute();
    const indexStarted = performance.now();
    for (let i = 0; i < sample.length; i += 2000) await ctx.watch.textIndex.add(sample.slice(i, i + 2000).map((p) => ({ id: `again-${p.id}`, organisationId: 'bench-again', text: p.text })));
    const indexUs = ((performance.now() - indexStarted) * 1000) / sample.length;
    process.stdout.write(
      `SQLite, ${POSTS.toLocaleString('en')} posts replayed in ${((stored - started) / 1000).toFixed(1)} s with the index fed alongside, all searchable ${((indexed - stored) / 1000).toFixed(2)} s after the last was stored; the index thread spends ${indexUs.toFixed(1)} µs per post (off the store's thread)\n`,
    );
    const timings = await timeNeedles(ctx, organisationId);
    report('SQLite', timings);
    result.sqlite = { replaySeconds: Number(((stored - started) / 1000).toFixed(1)), searchableLagSeconds: Number(((indexed - stored) / 1000).toFixed(2)), indexThreadMicrosecondsPerPost: Number(indexUs.toFixed(1)), timings };
  } finally {
    await ctx.close();
  }

  const postgres = await withBenchDatabase(async (url) => {
    const pgCtx = await createContext(loadConfig({ WAAKZAAM_DATABASE_URL: url, WAAKZAAM_ANALYSIS_THREAD: 'false' }), { log });
    try {
      const organisationId = await fill(pgCtx, file);
      await sql`analyze posts`.execute(pgCtx.database.db);
      return await timeNeedles(pgCtx, organisationId);
    } finally {
      await pgCtx.close();
    }
  });
  if (postgres === null) {
    process.stdout.write('PostgreSQL: skipped (set WAAKZAAM_BENCH_POSTGRES_URL)\n');
  } else {
    report('PostgreSQL', postgres);
    result.postgres = { timings: postgres };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}
