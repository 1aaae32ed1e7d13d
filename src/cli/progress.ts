import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, extra?: Record<string, string | number>): void;
  stop(): void;
}

/**
 * A progress bar on stderr for long work. Without a terminal (CI, pipes) it prints a plain line
 * every few seconds instead, so logs stay readable.
 */
export function progressBar(label: string, total: number, unit: string, format = '', initial: Record<string, string | number> = {}): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit}${format ? ` | ${format}` : ''} | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, initial);
  return {
    update: (done, extra) => bar.update(done, extra),
    stop: () => bar.stop(),
  };
}
