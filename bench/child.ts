/**
 * Runs part of a benchmark in a child process of its own, so that its memory figures are its own
 * (not the parent's arrays, nor an earlier run's heap). The child is this same module started
 * again with `flag` and `args`, with `--expose-gc` so it can report what stays after a full
 * collection; it prints its result as its last line of JSON.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function runInChild<T>(moduleUrl: string, flag: string, args: string[], label: string): Promise<T> {
  const execArgv = process.execArgv.includes('--expose-gc') ? process.execArgv : [...process.execArgv, '--expose-gc'];
  const child = spawn(process.execPath, [...execArgv, fileURLToPath(moduleUrl), flag, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as T);
      else reject(new Error(`${label} failed (exit ${code}): ${out.slice(-500)}`));
    });
  });
}

/** The child's arguments when this process was started by `runInChild(moduleUrl, flag, …)`, else null. */
export function childArgs(moduleUrl: string, flag: string): string[] | null {
  return process.argv[2] === flag && process.argv[1] === fileURLToPath(moduleUrl) ? process.argv.slice(3) : null;
}

/** Heap in use after a full collection (null without `--expose-gc`), in MB. */
export function retainedHeapMb(): number | null {
  if (!global.gc) return null;
  global.gc();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}
