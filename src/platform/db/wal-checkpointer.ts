import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Checkpoints a SQLite file's write-ahead log on a thread of its own, so that the thread that
 * writes does not (docs/decisions/0020-background-checkpoint.md).
 *
 * By default SQLite checkpoints in the connection that commits: the commit that takes the WAL
 * past 1,000 pages copies them into the database file and syncs it, while the writer waits. Under
 * sustained writes (a replay, a burst) that was a tenth of the watch pipeline's wall time. Here a
 * worker thread with a connection of its own runs PASSIVE checkpoints, which never block the
 * writer and never wait for it, every `intervalMs`; the writer's own automatic checkpoint stays
 * as a backstop at BACKSTOP_PAGES, for when the worker cannot keep up or has died.
 *
 * It starts lazily (`noteCommit`): only once the WAL has grown past START_BYTES, i.e. under
 * sustained writes, so that short-lived stores (tests, CLI commands) never start a thread.
 */
export class WalCheckpointer {
  private worker: Worker | null = null;
  private stopSignal: Int32Array | null = null;
  private commits = 0;
  private failed = false;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly path: string,
    private readonly options: { intervalMs?: number; startBytes?: number; onError?: (error: Error) => void } = {},
  ) {}

  /** True while the worker runs. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Called after each committed write transaction: starts the worker once the WAL has grown. */
  noteCommit(): void {
    if (this.worker !== null || this.failed || ++this.commits % CHECK_EVERY !== 0) return;
    let size: number;
    try {
      size = statSync(`${this.path}-wal`).size;
    } catch {
      return;
    }
    if (size >= (this.options.startBytes ?? START_BYTES)) this.start();
  }

  /** Starts the worker now (tests; `noteCommit` does it under load). */
  start(): void {
    if (this.worker !== null) return;
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Plain CommonJS: none of the parent's flags (a TypeScript loader, a test runner's) is needed.
      execArgv: [],
      workerData: { module: requireFromHere.resolve('better-sqlite3'), path: this.path, intervalMs: this.options.intervalMs ?? INTERVAL_MS, signal },
    });
    // A running checkpointer never keeps the process alive; `stop` ends it.
    worker.unref();
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new Error('WAL checkpointer stopped unexpectedly'));
    });
    this.worker = worker;
    this.stopSignal = signal;
    this.sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  }

  /** Stops the worker and waits for its connection to close; the writer checkpoints itself again. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Referenced again, or the process would not wait for the exit this awaits.
    worker.ref();
    Atomics.store(this.stopSignal!, 0, 1);
    Atomics.notify(this.stopSignal!, 0);
    await exited;
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  }

  private fail(error: Error): void {
    this.worker = null;
    this.failed = true;
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
    this.options.onError?.(error);
  }
}

const requireFromHere = createRequire(import.meta.url);

/** SQLite's default automatic checkpoint, in pages. */
const DEFAULT_PAGES = 1000;
/** The writer's own checkpoint while the worker runs: 64 MB of WAL at 4 KB pages. */
const BACKSTOP_PAGES = 16_384;
/** The WAL size (bytes) from which the worker starts: the default checkpoint's worth. */
const START_BYTES = DEFAULT_PAGES * 4096;
/** Commits between looks at the WAL's size. */
const CHECK_EVERY = 16;
/** Pause between checkpoints: short enough that the WAL stays a few MB under a burst (measured). */
const INTERVAL_MS = 20;

/**
 * The worker, as CommonJS evaluated in the thread (no TypeScript loader needed there). A PASSIVE
 * checkpoint copies what no reader still needs and returns; `busy_timeout = 0` so that it never
 * sleeps on a lock. It ends when the stop signal is set, closing its connection.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');
while (Atomics.load(workerData.signal, 0) === 0) {
  try {
    checkpoint.all();
  } catch (error) {
    // Another checkpoint (the writer's backstop) holds the lock: try again next time.
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
  Atomics.wait(workerData.signal, 0, 0, workerData.intervalMs);
}
db.close();
`;
