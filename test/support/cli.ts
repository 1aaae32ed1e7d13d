import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { DatabaseConfig } from '#platform/config.ts';
import { waitFor } from './wait.ts';

export const BIN = resolve(import.meta.dirname, '../../bin/waakzaam.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `waakzaam` command in a child process. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Starts the real `waakzaam` command and leaves it running. */
export function startCli(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolvePromise) => child.on('exit', (code) => resolvePromise(code)));
}

/** The store as a `WAAKZAAM_DATABASE_URL` for a child process. */
export function databaseUrlOf(config: DatabaseConfig): string {
  return config.driver === 'sqlite' ? `sqlite:${config.path}` : config.url;
}

/** The URL a started `waakzaam serve` logs once it listens. */
export async function listeningUrl(output: () => string): Promise<string> {
  let url = '';
  await waitFor(() => {
    url = /"url":"(http:\/\/[^"]+)"/.exec(output())?.[1] ?? '';
    return url !== '';
  }, `the server to listen:\n${output()}`, 60_000);
  return url;
}
