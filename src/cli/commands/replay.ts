import type { Command } from 'commander';
import { createContext } from '#app/context.ts';
import { createLogger } from '#platform/log.ts';
import type { ReplayCursor, ReplayProgress } from '#watch/connectors/replay.ts';
import type { CliEnvironment } from '../main.ts';
import { progressBar, type Progress } from '../progress.ts';
import { resolveOrganisation } from '../resolve-organisation.ts';
import { shutdownSignal } from '../signals.ts';

export function parseSpeed(value: string): number {
  const speed = value === 'max' ? 0 : Number(value);
  if (!Number.isFinite(speed) || speed < 0) throw new Error(`--speed: expected a number ≥ 0 or "max", got "${value}"`);
  return speed;
}

export function printReplaySummary(cursor: ReplayCursor, seconds: number): void {
  const rate = seconds > 0 ? Math.round(cursor.accepted / seconds) : cursor.accepted;
  process.stdout.write(
    `${cursor.done ? 'replay finished' : 'replay stopped (resume by running it again)'}: ${cursor.accepted} posts stored, ${cursor.duplicates} duplicates skipped, ${cursor.malformed} malformed lines, ${cursor.line} lines read (${rate} posts/s)\n`,
  );
  for (const sample of cursor.malformedSamples) process.stdout.write(`  line ${sample.line}: ${sample.reason}\n`);
  if (cursor.malformed > cursor.malformedSamples.length) process.stdout.write(`  … and ${cursor.malformed - cursor.malformedSamples.length} more\n`);
}

/** A progress callback drawing a bar over the bytes of the file. */
export function replayProgress(label: string): { onProgress: (p: ReplayProgress) => void; stop: () => void } {
  let bar: Progress | undefined;
  return {
    onProgress: (p) => {
      bar ??= progressBar(label, p.totalBytes, 'bytes', '{posts} posts, {malformed} malformed', { posts: 0, malformed: 0 });
      bar.update(p.offset, { posts: p.accepted, malformed: p.malformed });
    },
    stop: () => bar?.stop(),
  };
}

export function registerReplay(program: Command, env: CliEnvironment): void {
  program
    .command('replay <file>')
    .description('replay a recorded JSONL stream of posts into an organisation (resumes where it stopped)')
    .requiredOption('--org <id-or-name>', 'organisation that receives the posts')
    .option('--speed <factor>', 'speed: 1 = as recorded, 60 = an hour a minute, 0 or max = as fast as possible', '0')
    .option('--restart', 'start from the beginning, ignoring the stored cursor')
    .option('--batch <n>', 'posts per transaction', '500')
    .action(async (file: string, options: { org: string; speed: string; restart?: boolean; batch: string }) => {
      const speed = parseSpeed(options.speed);
      const batchSize = Number(options.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error(`--batch: expected an integer from 1 to 10000, got "${options.batch}"`);
      const config = env.config();
      const signal = shutdownSignal();
      const ctx = await createContext(config, { log: createLogger(env.isSet('WAAKZAAM_LOG_LEVEL') ? config.logLevel : 'warn', process.stderr) });
      try {
        await ctx.bus.start();
        const organisationId = await resolveOrganisation(ctx, options.org);
        const progress = replayProgress('replaying');
        const started = performance.now();
        const cursor = await ctx.watch.replay.run({ organisationId, file, speed, batchSize, restart: options.restart ?? false, signal, onProgress: progress.onProgress });
        progress.stop();
        printReplaySummary(cursor, (performance.now() - started) / 1000);
      } finally {
        await ctx.close();
      }
    });
}
