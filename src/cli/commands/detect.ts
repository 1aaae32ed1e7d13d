import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { eventsFileFor, evaluateReplay, readTruthEvents } from '#watch/detect/replay-eval.ts';
import type { CliEnvironment } from '../main.ts';

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

const time = (ms: number | null) => (ms === null || Number.isNaN(ms) ? '—' : new Date(ms).toISOString().slice(11, 19));
const seconds = (s: number | null) => (s === null ? '—' : `${s} s`);

async function evaluateFile(file: string): Promise<void> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) lines.push(line);
  const eventsFile = eventsFileFor(file);
  const result = evaluateReplay(lines, eventsFile ? { events: readTruthEvents(eventsFile) } : {});
  await write(`event                 detected  first post  signal    after first  before official  signals\n`);
  for (const e of result.events) {
    await write(
      `${e.eventId.padEnd(22)}${(e.detected ? 'yes' : 'no').padEnd(10)}${time(e.firstPostAt).padEnd(12)}${time(e.detectedAt).padEnd(10)}${seconds(e.delaySeconds).padEnd(13)}${seconds(e.beforeOfficialSeconds).padEnd(17)}${e.signals}\n`,
    );
  }
  await write(`${result.signals} signals, ${result.matchedSignals} matching an event; ${result.events.filter((e) => e.detected).length} of ${result.events.length} events detected${eventsFile ? '' : ' (no .events.json beside the file: no official report times)'}\n`);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const summary = {
    n: result.n,
    events: result.events.length,
    signals: result.signals,
    precision: round(result.precision),
    recall: round(result.recall),
    medianLeadSeconds: result.medianLeadSeconds,
    medianLeadBeforeOfficialSeconds: result.medianLeadBeforeOfficialSeconds,
  };
  await write(`${JSON.stringify(summary)}\n`);
}

/** `waakzaam detect --eval FILE`: scores weak-signal detection on a labelled stream. */
export function registerDetect(program: Command, _env: CliEnvironment): void {
  program
    .command('detect')
    .description('weak-signal (burst) detection; --eval replays a labelled JSONL stream and scores the signals against its events')
    .requiredOption('--eval <file>', 'labelled JSONL (the demo scenario format with truth.eventId); an .events.json beside it adds official report times')
    .action(async (options: { eval: string }) => {
      await evaluateFile(options.eval);
    });
}
