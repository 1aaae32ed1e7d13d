/**
 * The watch pipeline as a whole (SPEC §10): parse + normalise + enrich + classify posts/s on one
 * core, beside natural's naive Bayes and a keyword lexicon doing only the classification; durable
 * end-to-end posts/s on SQLite (replay → store → bus → enrich/classify → analysis stored), beside
 * raw SQLite inserts; and memory under a 10× burst.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createContext } from '#app/context.ts';
import { Pseudonymiser } from '#govern/pseudonyms.ts';
import { loadConfig } from '#platform/config.ts';
import { lexiconClassify, trainBayes } from '#watch/classify/baselines.ts';
import { readLabelledFile, TRAIN_FILE } from '#watch/classify/dataset.ts';
import { Classifier } from '#watch/classify/index.ts';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
import { parseReplayLine } from '#watch/connectors/replay-line.ts';
import { normaliseReplayLine } from '#watch/normalise.ts';
import { rawSqliteInserts } from './peers.ts';

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

async function inProcess(lines: string[]): Promise<{ ours: number; bayes: number; lexiconOnly: number }> {
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
  const bayes = await trainBayes(readLabelledFile(TRAIN_FILE));
  let started = performance.now();
  for (const t of texts) bayes.classify(t);
  const bayesRate = texts.length / ((performance.now() - started) / 1000);

  started = performance.now();
  let hits = 0;
  for (const t of texts) if (lexiconClassify(t) !== 'none') hits += 1;
  const lexiconRate = texts.length / ((performance.now() - started) / 1000);
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

export async function watchBench(): Promise<Record<string, unknown>> {
  const base = scenarioLines();
  const lines = stream(base, IN_PROCESS_POSTS);
  const fast = await inProcess(lines);
  process.stdout.write(
    `in process, one core: parse+enrich+classify ${Math.round(fast.ours)} posts/s (target ≥ 100,000); peers doing classification only (tokens included): natural BayesClassifier ${Math.round(fast.bayes)} posts/s (ours/Bayes ${(fast.ours / fast.bayes).toFixed(1)}×), keyword lexicon ${Math.round(fast.lexiconOnly)} posts/s (ours/lexicon ${(fast.ours / fast.lexiconOnly).toFixed(2)}×)\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-watch-bench-'));
  const normal = await endToEnd(dir, stream(base, 12_000), 'normal');
  const burst = await endToEnd(dir, stream(base, 120_000), 'burst');
  const raw = rawSqliteInserts(dir, 120_000, 1000);
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
