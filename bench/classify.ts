import { resolve } from 'node:path';
import { tokenize, type Token } from '#watch/enrich/tokenize.ts';
import { lexiconClassify, trainBayes } from '#watch/classify/baselines.ts';
import { evaluationLanguage, readLabelledFile, TEST_FILE, TRAIN_FILE, type LabelledPost } from '#watch/classify/dataset.ts';
import { evaluate, evaluateByLanguage, round, type Prediction } from '#watch/classify/evaluate.ts';
import { Classifier } from '#watch/classify/index.ts';
import type { ClassLabel } from '#watch/classify/labels.ts';

const SCENARIO = resolve(import.meta.dirname, '../data/scenarios/festival-utrecht.jsonl');
/** Speed is measured on at least this many classifications (the scenario repeated). */
const SPEED_POSTS = 30_000;

interface Scores {
  macroF1: number;
  relevanceF1: number;
  perLanguage: Record<string, { n: number; macroF1: number; relevanceF1: number }>;
}

function score(posts: readonly LabelledPost[], languages: readonly string[], classify: (p: LabelledPost) => ClassLabel): Scores {
  const predictions: Prediction[] = posts.map((p, i) => ({ gold: p.label, predicted: classify(p), language: languages[i]! }));
  const e = evaluate(predictions);
  return { macroF1: round(e.macroF1), relevanceF1: round(e.relevance.f1), perLanguage: evaluateByLanguage(predictions) };
}

/**
 * Posts per CPU-second of `run` (per core: CPU time, not wall time, since the development machines
 * are shared), best of three passes of at least `minimum` calls each, after a warm-up pass.
 */
function speed<T>(items: readonly T[], minimum: number, run: (item: T) => unknown): number {
  for (const item of items) run(item);
  const rounds = Math.max(1, Math.ceil(minimum / items.length));
  let best = 0;
  for (let pass = 0; pass < 3; pass++) {
    const started = process.cpuUsage();
    for (let r = 0; r < rounds; r++) for (const item of items) run(item);
    const used = process.cpuUsage(started);
    best = Math.max(best, (rounds * items.length) / ((used.user + used.system) / 1e6));
  }
  return Math.round(best);
}

function line(name: string, s: Scores): string {
  const langs = Object.entries(s.perLanguage).map(([l, v]) => `${l} ${v.macroF1.toFixed(3)}/${v.relevanceF1.toFixed(3)}`).join('  ');
  return `  ${name.padEnd(8)} macro-F1 ${s.macroF1.toFixed(3)}  relevance-F1 ${s.relevanceF1.toFixed(3)}   per language (macro/relevance): ${langs}`;
}

/**
 * Classifier quality and speed (SPEC §10): ours against a keyword lexicon and natural's naive
 * Bayes, trained on the same split, scored on the held-apart test split and on the demo
 * scenario's ground truth (out of domain).
 */
export async function classifyBench(): Promise<Record<string, unknown>> {
  const train = readLabelledFile(TRAIN_FILE);
  let started = performance.now();
  const ours = Classifier.train(train);
  const oursTrainMs = Math.round(performance.now() - started);
  started = performance.now();
  const bayes = await trainBayes(train);
  const bayesTrainMs = Math.round(performance.now() - started);

  const sets = { test: readLabelledFile(TEST_FILE), scenario: readLabelledFile(SCENARIO) };
  const quality: Record<string, Record<string, Scores>> = {};
  for (const [name, posts] of Object.entries(sets)) {
    const languages = posts.map(evaluationLanguage);
    quality[name] = {
      ours: score(posts, languages, (p) => ours.classify({ text: p.text, language: p.language }).category ?? 'none'),
      lexicon: score(posts, languages, (p) => lexiconClassify(p.text)),
      bayes: score(posts, languages, (p) => bayes.classify(p.text)),
    };
    process.stdout.write(`classifier on ${name} (${posts.length} posts):\n`);
    for (const [model, s] of Object.entries(quality[name])) process.stdout.write(`${line(model, s)}\n`);
  }

  const scenario = sets.scenario;
  const tokens: { text: string; language: string | null; tokens: Token[] }[] = scenario.map((p) => ({ text: p.text, language: p.language, tokens: tokenize(p.text) }));
  const posts = scenario.map((p) => ({ text: p.text, language: p.language }));
  const rates = {
    oursFeaturesAndClassify: speed(tokens, SPEED_POSTS, (p) => ours.classify(p)),
    oursTokenizeFeaturesAndClassify: speed(posts, SPEED_POSTS, (p) => ours.classify(p)),
    lexicon: speed(posts, SPEED_POSTS, (p) => lexiconClassify(p.text)),
    bayes: speed(posts.slice(0, 1000), 1000, (p) => bayes.classify(p.text)),
  };
  process.stdout.write(
    `speed (posts per CPU-second): ours ${rates.oursFeaturesAndClassify} features+classify (tokens given), ${rates.oursTokenizeFeaturesAndClassify} with tokenising; ` +
      `lexicon ${rates.lexicon}; Bayes ${rates.bayes}. Training: ours ${oursTrainMs} ms, Bayes ${bayesTrainMs} ms (${train.length} posts)\n`,
  );
  const result = { trainPosts: train.length, quality, postsPerSecond: rates, trainingMs: { ours: oursTrainMs, bayes: bayesTrainMs } };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}
