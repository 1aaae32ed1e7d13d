/**
 * The watch pipeline as a whole (SPEC §10): parse + normalise + enrich + classify posts/s on one
 * core, beside natural's naive Bayes and a keyword lexicon doing only the classification; durable
 * end-to-end posts/s on SQLite (replay → store → bus → enrich/classify → analysis stored), beside
 * raw SQLite inserts; and memory under a 10× burst.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import natural from 'natural';
import { pino } from 'pino';
import { createContext } from '#app/context.ts';
import { Pseudonymiser } from '#govern/pseudonyms.ts';
import { loadConfig } from '#platform/config.ts';
import { Classifier } from '#watch/classify/index.ts';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
import { parseReplayLine } from '#watch/connectors/replay-line.ts';
import { normaliseReplayLine } from '#watch/normalise.ts';

const SCENARIO = 'data/scenarios/festival-utrecht.jsonl';
const IN_PROCESS_POSTS = 120_000;
const log = pino({ level: 'silent' });

function scenarioLines(): string[] {
  return readFileSync(SCENARIO, 'utf8').trim().split('\n');
}

/** A stream of `n` lines cycling through the scenario, each with a unique id and time. */
function stream(lines: string[], n: number): string[] {
  const out: string[] = [];
  const start = Date.UTC(2026, 6, 4, 15, 0, 0);
  for (let i = 0; i < n; i++) {
    const line = JSON.parse(lines[i % lines.length]!) as Record<string, unknown>;
    line.id = `b${i}`;
    line.createdAt = new Date(start + i * 10).toISOString();
    delete line.replyTo;
    delete line.repostOf;
    delete line.quoteOf;
    out.push(JSON.stringify(line));
  }
  return out;
}

function inProcess(lines: string[]): { ours: number; bayes: number; lexiconOnly: number } {
  const pseudonyms = new Pseudonymiser(Buffer.alloc(32, 3));
  const enricher = new Enricher({ gazetteer: Gazetteer.load() });
  const classifier = Classifier.load();
  const run = () => {
    const started = performance.now();
    for (let i = 0; i < lines.length; i++) {
      const parsed = parseReplayLine(lines[i]!);
      if (!parsed.ok) continue;
      const post = normaliseReplayLine(parsed.line, pseudonyms);
      const e = enricher.enrich({ id: post.sourceId, organisationId: 'bench', text: post.text, language: post.language, location: post.location });
      classifier.classify({ text: post.text, language: e.language.code, tokens: e.tokens });
    }
    return lines.length / ((performance.now() - started) / 1000);
  };
  run(); // warm-up (JIT, caches)
  const ours = run();

  const texts = lines.slice(0, 20_000).map((l) => (JSON.parse(l) as { text: string }).text);
  const bayes = new natural.BayesClassifier();
  for (const l of scenarioLines().slice(0, 3000)) {
    const p = JSON.parse(l) as { text: string; truth: { category: string | null; relevant: boolean } };
    bayes.addDocument(p.text, p.truth.relevant && p.truth.category ? p.truth.category : 'none');
  }
  bayes.train();
  let started = performance.now();
  for (const t of texts) bayes.classify(t);
  const bayesRate = texts.length / ((performance.now() - started) / 1000);

  const lexicon = /\b(brand|rook|vuur|mes|steek|overval|beroofd|druk|gedrang|storing|stroom|reanim|aed|onweer|vermist|help|112)\w*/i;
  started = performance.now();
  let hits = 0;
  for (let r = 0; r < 5; r++) for (const t of texts) if (lexicon.test(t)) hits += 1;
  const lexiconRate = (texts.length * 5) / ((performance.now() - started) / 1000);
  if (hits < 0) throw new Error('unreachable');
  return { ours, bayes: bayesRate, lexiconOnly: lexiconRate };
}

async function endToEnd(dir: string, lines: string[], label: string): Promise<{ postsPerSecond: number; peakRssMb: number; peakHeapMb: number }> {
  const file = join(dir, `${label}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const ctx = await createContext(loadConfig({ WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, `${label}.db`)}` }), { log });
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  try {
    ctx.watch.pipeline.register();
    await ctx.bus.start();
    const org = await ctx.accounts.createOrganisation({ name: 'Bench', kind: 'police' }, 'bench');
    const started = performance.now();
    const cursor = await ctx.watch.replay.run({ organisationId: org.id, file, speed: 0, batchSize: 1000 });
    for (;;) {
      const row = await ctx.database.db.selectFrom('post_analysis').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      if (Number(row?.n) >= cursor.accepted) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { postsPerSecond: cursor.accepted / ((performance.now() - started) / 1000), peakRssMb: peakRss / 1048576, peakHeapMb: peakHeap / 1048576 };
  } finally {
    clearInterval(sampler);
    await ctx.close();
  }
}

function rawInserts(dir: string, n: number): number {
  const db = new BetterSqlite3(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table posts (id text primary key, source text, source_id text, author text, text text, created_at text, unique(source, source_id))');
  const insert = db.prepare('insert into posts values (?, ?, ?, ?, ?, ?)');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + 1000; i++) insert.run(`id${i}`, 'mastodon', `b${i}`, 'a'.repeat(32), `Het is echt kapot druk ${i}`, new Date().toISOString());
  });
  const started = performance.now();
  for (let i = 0; i < n; i += 1000) batch(i);
  const rate = n / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

export async function watchBench(): Promise<Record<string, unknown>> {
  const base = scenarioLines();
  const lines = stream(base, IN_PROCESS_POSTS);
  const fast = inProcess(lines);
  process.stdout.write(
    `in process, one core: parse+enrich+classify ${Math.round(fast.ours)} posts/s (target ≥ 100,000); peers doing classification only: natural BayesClassifier ${Math.round(fast.bayes)} posts/s (ratio ${(fast.ours / fast.bayes).toFixed(1)}×), keyword regex ${Math.round(fast.lexiconOnly)} posts/s\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-watch-bench-'));
  const normal = await endToEnd(dir, stream(base, 12_000), 'normal');
  const burst = await endToEnd(dir, stream(base, 120_000), 'burst');
  const raw = rawInserts(dir, 120_000);
  process.stdout.write(
    `end to end on SQLite (store, bus, enrich, classify, analysis stored): ${Math.round(burst.postsPerSecond)} posts/s (target ≥ 50,000); raw SQLite inserts ${Math.round(raw)} rows/s (ratio ${(burst.postsPerSecond / raw).toFixed(2)})\n`,
  );
  process.stdout.write(
    `memory: 12,000 posts peak RSS ${Math.round(normal.peakRssMb)} MB (heap ${Math.round(normal.peakHeapMb)} MB); 10× burst of 120,000 posts peak RSS ${Math.round(burst.peakRssMb)} MB (heap ${Math.round(burst.peakHeapMb)} MB)\n`,
  );
  const result = {
    inProcessPostsPerSecond: Math.round(fast.ours),
    bayesClassifyPostsPerSecond: Math.round(fast.bayes),
    lexiconPostsPerSecond: Math.round(fast.lexiconOnly),
    endToEndSqlitePostsPerSecond: Math.round(burst.postsPerSecond),
    rawSqliteRowsPerSecond: Math.round(raw),
    endToEndVsRaw: Number((burst.postsPerSecond / raw).toFixed(3)),
    peakRssMbNormal: Math.round(normal.peakRssMb),
    peakRssMbBurst10x: Math.round(burst.peakRssMb),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}
