/**
 * Enrichment throughput (SPEC W3, §10: the whole watch path must reach 100,000 posts/s per core,
 * so enrichment should take a few microseconds) and the language-detector comparison behind
 * docs/decisions/0006-language-detection.md: speed and accuracy of eld, tinyld and franc-min,
 * raw and as used here.
 *
 * Each stage is timed ROUNDS times and the best round kept, in wall-clock time and in CPU time
 * of the process: on a shared machine the wall clock mostly measures the neighbours, CPU time
 * much less so. `npm run bench -- enrich --stages` skips the (slow) detector comparison.
 */
import { eld as eldLarge } from 'eld/large';
import { eld as eldSmall } from 'eld/small';
import { franc } from 'franc-min';
import { detect as tinyDetect } from 'tinyld';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
import { createLanguageDetector, DETECTED_LANGUAGES, detectLanguage } from '#watch/enrich/language.ts';
import { NearDuplicateIndex } from '#watch/enrich/near-duplicates.ts';
import { stem } from '#watch/enrich/stem.ts';
import { tokenize, type Token } from '#watch/enrich/tokenize.ts';
import { LANGUAGE_LINES } from '#test/watch/enrich/fixtures/language-lines.ts';
import { scenarioLines } from '#test/watch/enrich/support/scenario.ts';

const ENRICH_POSTS = 240_000;
const ROUNDS = 3;
const DETECTOR_SECONDS = 1.5;
const ISO3: Record<string, string> = { nld: 'nl', eng: 'en', deu: 'de', fra: 'fr', tur: 'tr', arb: 'ar', pol: 'pl' };

interface StageTime {
  /** Microseconds per call, wall clock. */
  wall: number;
  /** Microseconds per call of the process's CPU time (user + system, all threads). */
  cpu: number;
}

/** Runs `work` over the items until `minimum` calls, ROUNDS times, and returns the best µs per call. */
function rate<T>(items: readonly T[], minimum: number, work: (item: T, i: number) => void): StageTime {
  for (let i = 0; i < Math.min(items.length, 5000); i++) work(items[i]!, i);
  const best: StageTime = { wall: Infinity, cpu: Infinity };
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    let calls = 0;
    while (calls < minimum) {
      for (let i = 0; i < items.length; i++) work(items[i]!, calls + i);
      calls += items.length;
    }
    const used = process.cpuUsage(cpu);
    best.wall = Math.min(best.wall, Number(process.hrtime.bigint() - started) / 1e3 / calls);
    best.cpu = Math.min(best.cpu, (used.user + used.system) / calls);
  }
  return best;
}

/** Calls per second for at least `seconds`. */
function timed(texts: readonly string[], seconds: number, work: (text: string) => unknown): number {
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < seconds * 1000) {
    for (const t of texts) work(t);
    calls += texts.length;
  }
  return calls / ((performance.now() - started) / 1000);
}

interface Labelled {
  text: string;
  expected: string | null;
  alsoOk?: string;
}

function accuracy(lines: readonly Labelled[], detect: (text: string) => string | null): number {
  const scored = lines.filter((l) => l.expected !== null);
  const right = scored.filter((l) => {
    const code = detect(l.text);
    return code === l.expected || (l.alsoOk !== undefined && code === l.alsoOk);
  }).length;
  return right / scored.length;
}

/** Enrichment and detector figures; prints two tables and returns the numbers. */
export async function enrichBench(): Promise<Record<string, unknown>> {
  const lines = scenarioLines();
  const posts = lines.map((l) => ({ id: l.id, organisationId: 'bench', text: l.text, language: l.lang ?? null, location: l.geo ?? null }));
  const texts = posts.map((p) => p.text);
  const tokens: Token[][] = texts.map((t) => tokenize(t));
  const gazetteer = Gazetteer.load();

  const stages: Record<string, StageTime> = {
    tokenize: rate(texts, ENRICH_POSTS, (t) => tokenize(t)),
    'language (no hint)': rate(posts, ENRICH_POSTS, (p, i) => detectLanguage(p.text, tokens[i % tokens.length])),
    stems: rate(tokens, ENRICH_POSTS, (ts) => {
      for (const t of ts) if (t.kind === 'word') stem(t.norm, 'nl');
    }),
    places: rate(posts, ENRICH_POSTS, (p, i) => gazetteer.match(tokens[i % tokens.length]!, p.text)),
    // A fresh index per pass over the scenario: the real mix of originals, reposts and copies.
    'near-duplicates': (() => {
      let index = new NearDuplicateIndex({ maxEntries: 20_000 });
      return rate(tokens, ENRICH_POSTS, (ts, i) => {
        if (i % tokens.length === 0) index = new NearDuplicateIndex({ maxEntries: 20_000 });
        index.add(String(i), ts);
      });
    })(),
  };
  let enricher = new Enricher({ gazetteer });
  stages['enrich (hints as given)'] = rate(posts, ENRICH_POSTS, (p, i) => {
    if (i % posts.length === 0) enricher = new Enricher({ gazetteer });
    enricher.enrich(p);
  });
  stages['enrich (no hints)'] = rate(posts, ENRICH_POSTS, (p, i) => {
    if (i % posts.length === 0) enricher = new Enricher({ gazetteer });
    enricher.enrich({ ...p, language: null });
  });
  process.stdout.write(`enrichment over ${posts.length} scenario posts, looped to ≥ ${ENRICH_POSTS.toLocaleString('en')}, best of ${ROUNDS}:\n`);
  process.stdout.write('| stage | posts/s (wall) | µs/post (wall) | µs/post (CPU) |\n|---|---:|---:|---:|\n');
  for (const [name, r] of Object.entries(stages)) {
    process.stdout.write(`| ${name} | ${Math.round(1e6 / r.wall).toLocaleString('en')} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} |\n`);
  }
  const stagesPostsPerSecond = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(1e6 / v.wall)]));
  const stagesCpuMicros = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v.cpu * 100) / 100]));
  if (process.argv.includes('--stages')) {
    const result = { posts: posts.length, stagesPostsPerSecond, stagesCpuMicros };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  }

  const hinted: Labelled[] = lines.filter((l) => l.lang !== undefined).map((l) => ({ text: l.text, expected: l.lang! }));
  const hand: Labelled[] = [...LANGUAGE_LINES];
  const subset = [...DETECTED_LANGUAGES];
  const large = eldLarge.newInstance();
  const small = eldSmall.newInstance();
  const detectors: Record<string, (text: string) => string | null> = {
    'eld large (raw)': (t) => large.detect(t).language || null,
    'eld small (raw)': (t) => small.detect(t).language || null,
    'tinyld (raw)': (t) => tinyDetect(t) || null,
    'tinyld (only nl,en,de,fr,tr,ar,pl)': (t) => tinyDetect(t, { only: subset }) || null,
    'franc-min (raw)': (t) => ISO3[franc(t, { minLength: 1 })] ?? null,
    'franc-min (only 7 languages)': (t) => ISO3[franc(t, { minLength: 1, only: Object.keys(ISO3) })] ?? null,
    'markers + eld large (subset)': ((d) => (t: string) => d(t).code)(createLanguageDetector(eldLarge)),
    'markers + eld small (subset) — chosen': (t) => detectLanguage(t).code,
  };
  const comparison: Record<string, { postsPerSecond: number; scenarioAccuracy: number; handAccuracy: number }> = {};
  process.stdout.write('\nlanguage detectors on the scenario texts (speed) and labelled lines (accuracy):\n');
  process.stdout.write('| detector | posts/s | scenario lines with hint | hand-labelled lines |\n|---|---:|---:|---:|\n');
  for (const [name, detect] of Object.entries(detectors)) {
    const row = { postsPerSecond: Math.round(timed(texts, DETECTOR_SECONDS, detect)), scenarioAccuracy: accuracy(hinted, detect), handAccuracy: accuracy(hand, detect) };
    comparison[name] = row;
    process.stdout.write(`| ${name} | ${row.postsPerSecond.toLocaleString('en')} | ${(row.scenarioAccuracy * 100).toFixed(1)}% | ${(row.handAccuracy * 100).toFixed(1)}% |\n`);
  }
  const result = {
    posts: posts.length,
    stagesPostsPerSecond,
    stagesCpuMicros,
    languageDetectors: comparison,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}
