import { createReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { evaluationLanguage, parseLabelled } from '#watch/classify/dataset.ts';
import { evaluate, evaluateByLanguage, round, type Prediction } from '#watch/classify/evaluate.ts';
import { Classifier, type ClassifyInput } from '#watch/classify/index.ts';
import { formatEvaluation } from '#watch/classify/report.ts';
import type { CliEnvironment } from '../main.ts';
import { progressBar, type Progress } from '../progress.ts';

/** Files larger than this get a progress bar on stderr during --eval. */
const PROGRESS_FROM_BYTES = 256 * 1024;

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/**
 * One input line: a JSON object with "text" (and optionally "lang"/"language") when it starts with
 * "{", plain text otherwise. Returns an error message for a line that is neither.
 */
export function parseInputLine(line: string): ClassifyInput | string {
  if (!line.trimStart().startsWith('{')) return { text: line };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `malformed JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return 'missing "text" (a string)';
  const language = typeof record.lang === 'string' ? record.lang : typeof record.language === 'string' ? record.language : null;
  return { text: record.text, language };
}

async function classifyStream(input: Readable): Promise<void> {
  const classifier = Classifier.load();
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    const parsed = parseInputLine(line);
    if (typeof parsed === 'string') {
      await write(`${JSON.stringify({ error: parsed, line: n })}\n`);
      continue;
    }
    const c = classifier.classify(parsed);
    const out = { relevant: c.relevant, relevance: round(c.relevance), category: c.category, priority: c.priority, confidence: round(c.confidence), explanation: c.explanation };
    await write(`${JSON.stringify(out)}\n`);
  }
}

async function evaluateFile(file: string): Promise<void> {
  const size = statSync(file).size;
  const classifier = Classifier.load();
  const predictions: Prediction[] = [];
  const problems: string[] = [];
  let bar: Progress | undefined;
  if (size > PROGRESS_FROM_BYTES) bar = progressBar('evaluating', size, 'bytes');
  let bytes = 0;
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    n++;
    bytes += Buffer.byteLength(line) + 1;
    if (bar && n % 1000 === 0) bar.update(Math.min(bytes, size));
    if (line.trim() === '') continue;
    let parsed;
    try {
      parsed = parseLabelled(JSON.parse(line));
    } catch {
      parsed = 'malformed JSON';
    }
    if (typeof parsed === 'string') {
      problems.push(`line ${n}: ${parsed}`);
      continue;
    }
    const c = classifier.classify({ text: parsed.text, language: parsed.language });
    predictions.push({ gold: parsed.label, predicted: c.category ?? 'none', language: evaluationLanguage(parsed), goldPriority: parsed.priority, predictedPriority: c.category ? c.priority : null });
  }
  bar?.update(size);
  bar?.stop();
  for (const problem of problems.slice(0, 10)) process.stderr.write(`skipped ${problem}\n`);
  if (problems.length > 10) process.stderr.write(`… and ${problems.length - 10} more skipped lines\n`);
  const e = evaluate(predictions);
  const perLanguage = evaluateByLanguage(predictions);
  await write(`${formatEvaluation(e, perLanguage)}\n`);
  const summary = {
    n: e.n,
    skipped: problems.length,
    macroF1: round(e.macroF1),
    relevanceF1: round(e.relevance.f1),
    relevancePrecision: round(e.relevance.precision),
    relevanceRecall: round(e.relevance.recall),
    accuracy: round(e.accuracy),
    priorityAccuracy: round(e.priority.accuracy),
    perLanguage,
    perClass: Object.fromEntries(e.perClass.filter((c) => c.support > 0).map((c) => [c.label, { precision: round(c.precision), recall: round(c.recall), f1: round(c.f1), support: c.support }])),
  };
  await write(`${JSON.stringify(summary)}\n`);
}

/** `waakzaam classify`: classify posts from stdin, or score the classifier on a labelled file. */
export function registerClassify(program: Command, _env: CliEnvironment): void {
  program
    .command('classify')
    .description('classify posts read from stdin (plain text or {"text": …} per line) as JSON lines; --eval scores a labelled JSONL file')
    .option('--eval <file>', 'labelled JSONL ({"text", "label"} or the demo scenario format with "truth"): print per-class P/R/F1, a confusion matrix and, last, a JSON summary')
    .action(async (options: { eval?: string }) => {
      if (options.eval !== undefined) await evaluateFile(options.eval);
      else await classifyStream(process.stdin);
    });
}
