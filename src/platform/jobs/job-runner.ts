import type { Clock } from '#core/clock.ts';
import { newId } from '#core/ids.ts';
import type { Database, Tx } from '../db/database.ts';
import type { JobTable } from '../db/schema.ts';
import type { Logger } from '../log.ts';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  runAt: string;
  payload: P;
  attempts: number;
}

export interface ScheduleOptions<P> {
  kind: string;
  runAt: Date;
  payload: P;
  /** Scheduling a second job with the same key is a no-op (e.g. `dispatch-timeout:<id>:<wave>`). */
  dedupeKey?: string;
  maxAttempts?: number;
}

export type JobHandler<P> = (job: Job<P>) => Promise<void>;

export interface JobRunnerOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  /** Longest sleep between looks at the table (for jobs scheduled by other processes). */
  pollMs?: number;
  /** How long a claimed job is owned; after that a crashed runner's job is run again. */
  leaseMs?: number;
}

/**
 * Persistent timers and background jobs. A job is a row; it survives restarts because the row
 * does: on start-up, due jobs and jobs whose lease ran out (their runner died) run again. Claims
 * are compare-and-set updates, so several runners (processes) never run one job at once.
 * Handlers must be idempotent: a crash after the work but before `done` repeats the job.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: JobRunnerOptions) {}

  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler as JobHandler<unknown>);
  }

  /** Schedules a job, inside `tx` when given (so it exists exactly when the change that needs it does). */
  async schedule<P>(options: ScheduleOptions<P>, tx?: Tx): Promise<string> {
    const now = this.options.clock.now().toISOString();
    const id = newId();
    const row: JobTable = {
      id,
      kind: options.kind,
      run_at: options.runAt.toISOString(),
      payload: JSON.stringify(options.payload),
      status: 'pending',
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      last_error: null,
      locked_until: null,
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
    };
    const db = tx?.db ?? this.options.database.db;
    await db.insertInto('jobs').values(row).onConflict((oc) => oc.column('dedupe_key').doNothing()).execute();
    if (tx) tx.onCommit(() => this.wake?.());
    else this.wake?.();
    return id;
  }

  /** Cancels a pending job by id or dedupe key; true when one was cancelled. */
  async cancel(idOrKey: { id: string } | { dedupeKey: string }): Promise<boolean> {
    let query = this.options.database.db.updateTable('jobs').set({ status: 'cancelled', updated_at: this.options.clock.now().toISOString() }).where('status', '=', 'pending');
    query = 'id' in idOrKey ? query.where('id', '=', idOrKey.id) : query.where('dedupe_key', '=', idOrKey.dedupeKey);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async get(id: string): Promise<JobTable | undefined> {
    return this.options.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  start(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Claims and runs every due job once; returns how many ran. Used by the loop and by tests. */
  async runDue(limit = 50): Promise<number> {
    const { database, clock } = this.options;
    const now = clock.now();
    const nowIso = now.toISOString();
    const candidates = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)])]))
      .where('kind', 'in', this.handlers.size > 0 ? [...this.handlers.keys()] : ['\u0000'])
      .orderBy('run_at')
      .limit(limit)
      .execute();
    let ran = 0;
    for (const candidate of candidates) {
      const lockedUntil = new Date(now.getTime() + (this.options.leaseMs ?? 60_000)).toISOString();
      const claimed = await database.db
        .updateTable('jobs')
        .set({ status: 'running', locked_until: lockedUntil, attempts: candidate.attempts + 1, updated_at: nowIso })
        .where('id', '=', candidate.id)
        .where('status', '=', candidate.status)
        .where('attempts', '=', candidate.attempts)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another runner has it
      ran += 1;
      await this.execute({ ...candidate, attempts: candidate.attempts + 1 });
    }
    return ran;
  }

  private async execute(row: JobTable): Promise<void> {
    const { database, clock, log } = this.options;
    const handler = this.handlers.get(row.kind)!;
    try {
      await handler({ id: row.id, kind: row.kind, runAt: row.run_at, payload: JSON.parse(row.payload) as unknown, attempts: row.attempts });
      await database.db.updateTable('jobs').set({ status: 'done', locked_until: null, updated_at: clock.now().toISOString() }).where('id', '=', row.id).execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = row.attempts >= row.max_attempts;
      const retryAt = new Date(clock.now().getTime() + Math.min(3_600_000, 1000 * 2 ** row.attempts)).toISOString();
      log.warn({ err: error, job: row.id, kind: row.kind, attempts: row.attempts, failed }, 'job failed');
      await database.db
        .updateTable('jobs')
        .set({ status: failed ? 'failed' : 'pending', run_at: failed ? row.run_at : retryAt, last_error: message.slice(0, 2000), locked_until: null, updated_at: clock.now().toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1000;
    while (!this.stopped) {
      try {
        const ran = await this.runDue();
        if (ran > 0) continue;
      } catch (error) {
        this.options.log.error({ err: error }, 'job runner failed to claim jobs');
      }
      if (this.stopped) break;
      const next = await this.options.database.db
        .selectFrom('jobs')
        .select('run_at')
        .where('status', '=', 'pending')
        .orderBy('run_at')
        .limit(1)
        .executeTakeFirst()
        .catch(() => undefined);
      const untilNext = next ? new Date(next.run_at).getTime() - this.options.clock.now().getTime() : pollMs;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, Math.max(10, Math.min(pollMs, untilNext)));
      });
      clearTimeout(this.timer);
      this.wake = undefined;
    }
  }
}
