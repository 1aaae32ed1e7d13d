/**
 * Weak signals (SPEC §10, W5): ingest-to-signal latency at 5,000 posts/s through the real pipeline
 * on SQLite in process (posts stored → `posts.received` → enrich/classify → `posts.analysed` →
 * `watch.detect` → signal stored and `signal.changed` committed), and memory under a 10× burst.
 * Beside it, the detector alone against its peer: a naive detector that recounts the posts of the
 * sliding window for every post.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createContext } from '#app/context.ts';
import type { CategoryId } from '#core/taxonomy.ts';
import { Pseudonymiser } from '#govern/pseudonyms.ts';
import { loadConfig } from '#platform/config.ts';
import { parseReplayLine } from '#watch/connectors/replay-line.ts';
import { DETECT_CONSUMER } from '#watch/detect/detect-consumer.ts';
import { BurstDetector, DEFAULT_DETECTOR_CONFIG, type DetectorPost } from '#watch/detect/burst.ts';
import { cellOf } from '#watch/detect/cells.ts';
import '#watch/detect/events.ts';
import { evaluateReplay } from '#watch/detect/replay-eval.ts';
import { normaliseReplayLine } from '#watch/normalise.ts';
import type { IncomingPost } from '#watch/post.ts';
import { childArgs, retainedHeapMb, runInChild } from './child.ts';

const SCENARIO = 'data/scenarios/festival-utrecht.jsonl';
const RATE = 5_000;
const SECONDS = 10;
const log = pino({ level: 'silent' });

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Scenario posts, cycled with unique source ids, stamped with the time they are sent. */
function incoming(lines: string[]): (i: number, at: number) => IncomingPost {
  const pseudonyms = new Pseudonymiser(Buffer.alloc(32, 5));
  const parsed = lines.map((l) => parseReplayLine(l)).filter((r) => r.ok).map((r) => normaliseReplayLine(r.line, pseudonyms));
  return (i, at) => {
    const base = parsed[i % parsed.length]!;
    return { ...base, sourceId: `s${i}`, createdAt: new Date(at).toISOString(), replyTo: null, repostOf: null, quoteOf: null };
  };
}

type RunResult = Awaited<ReturnType<typeof pipelineRun>>;

/** One run in a child process of its own, so that its memory figures are its own (child.ts). */
function pipelineRunInChild(dir: string, label: string, rate: number, seconds: number): Promise<RunResult> {
  return runInChild<RunResult>(import.meta.url, RUN_CHILD, [dir, label, String(rate), String(seconds)], `signals run ${label}`);
}

const RUN_CHILD = '--signals-run-child';

async function pipelineRun(dir: string, label: string, rate: number, seconds: number, make: (i: number, at: number) => IncomingPost) {
  const ctx = await createContext(loadConfig({ WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, `${label}.db`)}` }), { log });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  try {
    ctx.watch.pipeline.register();
    ctx.signals.register();
    const stop = ctx.bus.listen(['signal.changed'], (event) => {
      const now = performance.now();
      for (const id of event.payload.postIds) {
        const at = sentAt.get(id);
        if (at !== undefined) latencies.push(now - at);
      }
    });
    await ctx.bus.start();
    const org = await ctx.accounts.createOrganisation({ name: 'Bench', kind: 'police' }, 'bench');
    // The organisation's model is built once per process (the base model is trained from the
    // shipped corpus, which blocks for about a second); a running service has it already.
    await ctx.watch.classifiers.forOrganisation(org.id);
    // Likewise the analysis thread, which loads its own gazetteer and model when the service starts.
    await ctx.watch.pipeline.ready();
    const tick = 100;
    const perTick = Math.round((rate * tick) / 1000);
    const started = performance.now();
    let i = 0;
    let lag = 0;
    for (let t = 0; t < (seconds * 1000) / tick; t++) {
      const due = started + t * tick;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else lag = Math.max(lag, -wait);
      const batch = Array.from({ length: perTick }, () => make(i++, Date.now()));
      const sent = performance.now();
      const { stored } = await ctx.watch.posts.ingestNow(org.id, batch);
      for (const p of stored) sentAt.set(p.id, sent);
    }
    const offeredSeconds = (performance.now() - started) / 1000;
    // Drain: wait until the detector has seen every analysed post.
    for (;;) {
      const analysed = await ctx.database.db.selectFrom('post_analysis').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const last = await ctx.database.db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('seq')).where('type', '=', 'posts.analysed').executeTakeFirst();
      const detect = await ctx.database.db.selectFrom('bus_offsets').select('last_seq').where('consumer', '=', DETECT_CONSUMER).executeTakeFirst();
      if (Number(analysed?.n) >= i && detect && Number(detect.last_seq) >= Number(last?.seq ?? 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const drainedSeconds = (performance.now() - started) / 1000;
    stop();
    const signals = await ctx.database.db.selectFrom('signals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const retained = retainedHeapMb();
    const after = process.memoryUsage();
    latencies.sort((a, b) => a - b);
    return {
      posts: i,
      offeredPostsPerSecond: Math.round(i / offeredSeconds),
      throughputPostsPerSecond: Math.round(i / drainedSeconds),
      senderLagMs: Math.round(lag),
      signals: Number(signals?.n ?? 0),
      latencySamples: latencies.length,
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      peakRssMb: Math.round(peakRss / 1048576),
      peakHeapMb: Math.round(peakHeap / 1048576),
      afterRssMb: Math.round(after.rss / 1048576),
      afterHeapMb: Math.round(after.heapUsed / 1048576),
      retainedHeapMb: retained,
    };
  } finally {
    clearInterval(sampler);
    await ctx.close();
  }
}

/** The peer: for every post, count the posts of its category and cell in the window by walking them all. */
function naiveRecount(posts: DetectorPost[]): number {
  const windowMs = DEFAULT_DETECTOR_CONFIG.windowBuckets * DEFAULT_DETECTOR_CONFIG.bucketSeconds * 1000;
  const kept: { key: string; at: number }[] = [];
  let fired = 0;
  for (const p of posts) {
    const key = `${p.category}|${p.location ? cellOf(p.location.lat, p.location.lon, DEFAULT_DETECTOR_CONFIG.resolution) : '-'}`;
    kept.push({ key, at: p.at });
    while (kept.length > 0 && kept[0]!.at < p.at - windowMs) kept.shift();
    let n = 0;
    for (const k of kept) if (k.key === key) n++;
    if (n >= DEFAULT_DETECTOR_CONFIG.minCount * 4) fired++;
  }
  return fired;
}

function detectorOnly(lines: string[]): { oursPerSecond: number; naivePerSecond: number } {
  // The relevant posts of the scenario as the detector sees them, replayed 20× at 100× density.
  const relevant: DetectorPost[] = [];
  const evaluation = evaluateReplay(lines);
  const categories = new Map(evaluation.signalsDetail.flatMap((s) => s.postIds.map((id) => [id, s.category as CategoryId] as const)));
  let i = 0;
  for (const line of lines) {
    const parsed = parseReplayLine(line);
    if (!parsed.ok) continue;
    const category = categories.get(parsed.line.id);
    relevant.push({ id: parsed.line.id, at: Date.parse(parsed.line.createdAt), category: category ?? (['fire', 'crowd_safety', 'public_order', 'medical'] as const)[i++ % 4]!, location: parsed.line.geo ?? { lat: 52.09, lon: 5.115 } });
  }
  const stream: DetectorPost[] = [];
  const start = relevant[0]!.at;
  for (let r = 0; r < 20; r++) for (const p of relevant) stream.push({ ...p, id: `${p.id}-${r}`, at: start + (p.at - start) / 100 + r * ((relevant.at(-1)!.at - start) / 100) });
  const detector = new BurstDetector();
  let t = performance.now();
  for (const p of stream) detector.observe(p);
  const ours = stream.length / ((performance.now() - t) / 1000);
  t = performance.now();
  naiveRecount(stream);
  const naive = stream.length / ((performance.now() - t) / 1000);
  return { oursPerSecond: ours, naivePerSecond: naive };
}

export async function signalsBench(): Promise<Record<string, unknown>> {
  const lines = readFileSync(SCENARIO, 'utf8').trim().split('\n');
  const only = detectorOnly(lines);
  process.stdout.write(`detector alone: ${Math.round(only.oursPerSecond)} posts/s; peer (naive window recount) ${Math.round(only.naivePerSecond)} posts/s (ours/naive ${(only.oursPerSecond / only.naivePerSecond).toFixed(1)}×)\n`);
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-signals-bench-'));
  const steady = await pipelineRunInChild(dir, 'steady', RATE, SECONDS);
  process.stdout.write(
    `pipeline at ${RATE} posts/s offered (${steady.offeredPostsPerSecond} sent, ${steady.posts} posts, SQLite): ingest-to-signal p50 ${steady.p50Ms} ms, p99 ${steady.p99Ms} ms (target ≤ 250 ms) over ${steady.latencySamples} posts in ${steady.signals} signals; drained at ${steady.throughputPostsPerSecond} posts/s\n`,
  );
  const burst = await pipelineRunInChild(dir, 'burst', RATE * 10, 2);
  process.stdout.write(
    `10× burst (${burst.offeredPostsPerSecond} posts/s sent for 2 s, ${burst.posts} posts): peak RSS ${burst.peakRssMb} MB (heap ${burst.peakHeapMb} MB, ${burst.retainedHeapMb} MB after GC once drained); steady run (a process of its own) peak RSS ${steady.peakRssMb} MB (heap ${steady.peakHeapMb} MB, ${steady.retainedHeapMb} MB after GC), ratio ${(burst.peakRssMb / steady.peakRssMb).toFixed(2)}; ingest-to-signal p99 in the burst ${burst.p99Ms} ms\n`,
  );
  const result = {
    detectorPostsPerSecond: Math.round(only.oursPerSecond),
    naiveRecountPostsPerSecond: Math.round(only.naivePerSecond),
    detectorVsNaive: Number((only.oursPerSecond / only.naivePerSecond).toFixed(2)),
    steady,
    burst,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

const args = childArgs(import.meta.url, RUN_CHILD);
if (args) {
  const [dir, label, rate, seconds] = args;
  const result = await pipelineRun(dir!, label!, Number(rate), Number(seconds), incoming(readFileSync(SCENARIO, 'utf8').trim().split('\n')));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
