import type { Clock } from '#core/clock.ts';
import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import '../events.ts';
import type { PostService } from '../post-service.ts';
import type { ConnectorKind, ConnectorState } from './connector.ts';
import { listConnectorRows, writeHealth, type ConnectorRecord } from './connector-store.ts';
import { createConnectorContext } from './context.ts';

export interface RunnerOptions {
  database: Database;
  bus: EventBus;
  posts: PostService;
  pseudonyms: Pseudonymiser;
  clock: Clock;
  log: Logger;
  kinds: readonly ConnectorKind[];
  /** Backoff bounds after a failure (doubling, with jitter). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often the table is re-read for connectors changed by another process. */
  reconcileMs?: number;
}

interface Running {
  record: ConnectorRecord;
  controller: AbortController;
  done: Promise<void>;
}

const HEALTH_FLUSH_MS = 2000;

/**
 * Runs every enabled connector of every organisation in this (ingest) process and keeps it
 * running: a connector that throws is restarted after an exponential backoff with jitter, from
 * its last committed cursor; `live` resets the backoff. Health (state, counts, last post) is
 * written to the store so the dashboard of any API process can show it.
 */
export class ConnectorRunner {
  private readonly kinds: Map<string, ConnectorKind>;
  private readonly running = new Map<string, Running>();
  private stopped = false;
  private reconciling: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;

  constructor(private readonly options: RunnerOptions) {
    this.kinds = new Map(options.kinds.map((k) => [k.kind, k]));
  }

  async start(): Promise<void> {
    this.unlisten = this.options.bus.listen(['connector.changed'], () => void this.reconcile());
    await this.reconcile();
    this.timer = setInterval(() => void this.reconcile(), this.options.reconcileMs ?? 30_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unlisten?.();
    await this.reconciling;
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort();
    await Promise.all(all.map((r) => r.done));
    this.running.clear();
  }

  /** Ids of the connectors running now (for tests and /readyz). */
  runningIds(): string[] {
    return [...this.running.keys()];
  }

  /** Starts, restarts and stops connectors to match the table. Serialised: one pass at a time. */
  reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(() => this.reconcileOnce()).catch((error: unknown) => this.options.log.error({ err: error }, 'connector reconcile failed'));
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<void> {
    if (this.stopped) return;
    const wanted = (await listConnectorRows(this.options.database.db)).filter((r) => r.enabled && this.kinds.has(r.kind));
    const byId = new Map(wanted.map((r) => [r.id, r]));
    for (const [id, running] of this.running) {
      const next = byId.get(id);
      if (!next || next.updatedAt !== running.record.updatedAt) {
        running.controller.abort();
        await running.done;
        this.running.delete(id);
      }
    }
    for (const record of wanted) {
      if (this.running.has(record.id)) continue;
      const controller = new AbortController();
      this.running.set(record.id, { record, controller, done: this.supervise(record, controller.signal) });
    }
  }

  private async supervise(record: ConnectorRecord, signal: AbortSignal): Promise<void> {
    const kind = this.kinds.get(record.kind)!;
    const { log, clock, database } = this.options;
    const connectorLog = log.child({ connector: record.id, kind: record.kind });
    const health = new HealthWriter(database, record.id, clock, connectorLog);
    let failures = 0;
    while (!signal.aborted) {
      try {
        health.set('starting', null);
        const ctx = await createConnectorContext({
          organisationId: record.organisationId,
          connectorId: record.id,
          source: sourceOf(record),
          config: kind.configSchema.parse(record.config),
          signal,
          database,
          posts: this.options.posts,
          pseudonyms: this.options.pseudonyms,
          clock,
          log: connectorLog,
          onHealth: (state, message) => {
            if (state === 'live') failures = 0;
            health.set(state, message);
          },
          onMalformed: (reason) => health.malformed(reason),
          onStored: (n) => health.stored(n),
        });
        if (kind.mode === 'push') {
          health.set('live', 'waiting for deliveries');
          await aborted(signal);
          break;
        }
        // A connector that misses the abort must not hold up shutdown or a restart.
        await Promise.race([kind.run(ctx), aborted(signal)]);
        if (signal.aborted) break;
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        const backoff = backoffMs(failures, this.options.minBackoffMs ?? 1000, this.options.maxBackoffMs ?? 300_000);
        connectorLog.warn({ err: error, failures, backoffMs: backoff }, 'connector failed; backing off');
        health.set(failures >= 10 ? 'error' : 'backoff', `${message.slice(0, 300)} — retry in ${Math.round(backoff / 1000)} s`);
        await health.flush();
        await sleep(backoff, signal);
      }
    }
    health.set('stopped', null);
    await health.flush();
  }
}

/** The source name of a connector's posts: its kind, or the name a webhook declares. */
export function sourceOf(record: ConnectorRecord): string {
  const declared = record.config.sourceName;
  return record.kind === 'webhook' && typeof declared === 'string' && declared ? declared : record.kind;
}

export function backoffMs(failures: number, min: number, max: number): number {
  const base = Math.min(max, min * 2 ** Math.min(failures - 1, 20));
  return Math.round(base * (0.5 + Math.random()));
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** Coalesces health updates: state changes are written at once, counters at most every 2 s. */
class HealthWriter {
  private state: ConnectorState = 'starting';
  private message: string | null = null;
  private since: string;
  private posts = 0;
  private malformedCount = 0;
  private lastPostAt: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly connectorId: string,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.since = clock.now().toISOString();
  }

  set(state: ConnectorState, message: string | null): void {
    if (state !== this.state) this.since = this.clock.now().toISOString();
    const changed = state !== this.state || message !== this.message;
    this.state = state;
    this.message = message;
    if (changed) void this.flush();
  }

  stored(n: number): void {
    if (n === 0) return;
    this.posts += n;
    this.lastPostAt = this.clock.now().toISOString();
    this.schedule();
  }

  malformed(reason: string): void {
    this.malformedCount += 1;
    this.log.debug({ reason }, 'malformed input skipped');
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, HEALTH_FLUSH_MS);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const update = { state: this.state, message: this.message, since: this.since, lastPostAt: this.lastPostAt, addPosts: this.posts, addMalformed: this.malformedCount };
    this.posts = 0;
    this.malformedCount = 0;
    this.writing = this.writing
      .then(() => writeHealth(this.database.db, this.connectorId, update, this.clock.now().toISOString()))
      .catch((error: unknown) => this.log.warn({ err: error }, 'could not write connector health'));
    return this.writing;
  }
}
