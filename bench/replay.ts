import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createContext } from '#app/context.ts';
import { loadConfig } from '#platform/config.ts';
import { rawSqliteInserts } from './peers.ts';
import { withBenchDatabase } from './postgres.ts';

const POSTS = 20_000;
const log = pino({ level: 'silent' });

function writeStream(dir: string): string {
  const file = join(dir, 'stream.jsonl');
  const start = Date.UTC(2026, 6, 4, 17, 0, 0);
  const lines: string[] = [];
  for (let i = 0; i < POSTS; i++) {
    lines.push(
      JSON.stringify({
        id: `b${i}`,
        source: i % 3 === 0 ? 'bluesky' : 'mastodon',
        author: { handle: `@user${i % 997}@mastodon.nl` },
        text: `Het is echt kapot druk bij de uitgang Vredenburg ${i} #zomerfeest @gemeente_utrecht`,
        createdAt: new Date(start + i * 100).toISOString(),
        lang: 'nl',
      }),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function replayInto(databaseUrl: string, file: string): Promise<number> {
  const ctx = await createContext(loadConfig({ WAAKZAAM_DATABASE_URL: databaseUrl }), { log });
  try {
    const org = await ctx.accounts.createOrganisation({ name: 'Bench', kind: 'police' }, 'bench');
    const started = performance.now();
    const cursor = await ctx.watch.replay.run({ organisationId: org.id, file, speed: 0, batchSize: 500 });
    const seconds = (performance.now() - started) / 1000;
    if (cursor.accepted !== POSTS) throw new Error(`stored ${cursor.accepted} of ${POSTS}`);
    return POSTS / seconds;
  } finally {
    await ctx.close();
  }
}

/** Durable replay throughput (parse, normalise, pseudonymise, store once, outbox event, cursor). */
export async function replayBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-bench-'));
  const file = writeStream(dir);
  const sqlite = await replayInto(`sqlite:${join(dir, 'bench.db')}`, file);
  const raw = rawSqliteInserts(dir, POSTS);
  process.stdout.write(`replay → SQLite: ${Math.round(sqlite)} posts/s (raw SQLite inserts, the ceiling: ${Math.round(raw)} rows/s; ratio ${(sqlite / raw).toFixed(2)})\n`);
  const result: Record<string, unknown> = { posts: POSTS, sqlitePostsPerSecond: Math.round(sqlite), rawSqliteRowsPerSecond: Math.round(raw), sqliteVsRaw: Number((sqlite / raw).toFixed(3)) };
  const postgres = await withBenchDatabase((url) => replayInto(url, file));
  if (postgres === null) {
    process.stdout.write('replay → PostgreSQL: skipped (set WAAKZAAM_BENCH_POSTGRES_URL)\n');
  } else {
    process.stdout.write(`replay → PostgreSQL: ${Math.round(postgres)} posts/s\n`);
    result.postgresPostsPerSecond = Math.round(postgres);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}
