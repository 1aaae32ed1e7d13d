import type { Clock } from '#core/clock.ts';
import type { Database, Tx } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { BatchHandler, EventBus, SubscribeOptions } from './bus.ts';
import type { BusEvent, EventMap, EventType } from './events.ts';
import { lastOutboxSeq, readOutbox, readOutboxOfTypes, rowToEvent, stageEvent, stageEvents } from './outbox.ts';

interface Subscription {
  consumer: string;
  types: ReadonlySet<string>;
  handler: BatchHandler<EventType>;
  batchSize: number;
}

interface Waker {
  /** The event types that should wake it; null: any. */
  types: ReadonlySet<string> | null;
  fn: () => void;
}

/** An idle consumer that handled nothing still records how far it read, at most this often. */
const OFFSET_SAVE_MS = 5_000;

interface Listener {
  types: ReadonlySet<string>;
  fn: (event: BusEvent) => void;
}

export interface MemoryBusOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  /** How often an idle consumer looks for events written by another process (e.g. `waakzaam replay`). */
  pollMs?: number;
}

/**
 * The embedded transport. The outbox table is the log: each durable consumer reads it in order
 * from its stored offset (bus_offsets) and moves the offset only after its handler succeeded,
 * so a crash at any point redelivers rather than loses. Commits in this process wake the
 * consumers at once; writes from other processes are found by polling.
 */
export class MemoryBus implements EventBus {
  readonly transport = 'memory' as const;
  private readonly subscriptions: Subscription[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly wakers = new Set<Waker>();
  private readonly loops: Promise<void>[] = [];
  private started = false;
  private stopped = false;
  private readonly pollMs: number;

  constructor(private readonly options: MemoryBusOptions) {
    this.pollMs = options.pollMs ?? 200;
  }

  async publish<K extends EventType>(tx: Tx, type: K, payload: EventMap[K], options?: { organisationId?: string | null }): Promise<BusEvent<K>> {
    const event = await stageEvent(this.options.database, tx, type, payload, options?.organisationId ?? null, this.options.clock.now());
    tx.onCommit(() => this.wake(type));
    return event;
  }

  async publishMany<K extends EventType>(tx: Tx, type: K, items: readonly { payload: EventMap[K]; organisationId: string | null }[]): Promise<BusEvent<K>[]> {
    const events = await stageEvents(this.options.database, tx, type, items, this.options.clock.now());
    if (events.length > 0) tx.onCommit(() => this.wake(type));
    return events;
  }

  subscribe<K extends EventType>(consumer: string, types: readonly K[], handler: BatchHandler<K>, options?: SubscribeOptions): void {
    if (this.started) throw new Error(`subscribe(${consumer}) after start(): register consumers before starting the bus`);
    if (this.subscriptions.some((s) => s.consumer === consumer)) throw new Error(`consumer ${consumer} registered twice`);
    this.subscriptions.push({ consumer, types: new Set(types), handler: handler as BatchHandler<EventType>, batchSize: options?.batchSize ?? 256 });
  }

  listen<K extends EventType>(types: readonly K[], listener: (event: BusEvent<K>) => void): () => void {
    const entry: Listener = { types: new Set(types), fn: listener as (event: BusEvent) => void };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const liveFrom = await lastOutboxSeq(this.options.database);
    for (const subscription of this.subscriptions) this.loops.push(this.runConsumer(subscription));
    this.loops.push(this.runLive(liveFrom));
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.loops);
  }

  private async runConsumer(subscription: Subscription): Promise<void> {
    const { database, log } = this.options;
    let offset = await this.loadOffset(subscription.consumer);
    let saved = { offset, at: Date.now() };
    let failures = 0;
    const types = [...subscription.types];
    while (!this.stopped) {
      const { rows, throughSeq } = await readOutboxOfTypes(database, offset, subscription.batchSize, types);
      if (throughSeq === offset) {
        // Idle: record how far it passed over other types' events, if not yet done.
        if (offset !== saved.offset && Date.now() - saved.at >= OFFSET_SAVE_MS) {
          await this.saveOffset(subscription.consumer, offset);
          saved = { offset, at: Date.now() };
        }
        await this.idle(this.pollMs, true, subscription.types);
        continue;
      }
      const events = rows.map(rowToEvent);
      try {
        if (events.length > 0) await subscription.handler(events);
        offset = throughSeq;
        // After handling events the offset is saved at once (so they are not redelivered). Having
        // only passed over other types' events, it is saved now and then: were it lost, a restart
        // would pass over them again, and nothing else.
        if (events.length > 0 || Date.now() - saved.at >= OFFSET_SAVE_MS) {
          await this.saveOffset(subscription.consumer, offset);
          saved = { offset, at: Date.now() };
        }
        failures = 0;
      } catch (error) {
        failures += 1;
        const backoff = Math.min(30_000, 100 * 2 ** Math.min(failures, 9));
        log.error({ err: error, consumer: subscription.consumer, failures, backoffMs: backoff }, 'consumer failed; batch will be redelivered');
        await this.idle(backoff, false);
      }
    }
  }

  private async runLive(from: number): Promise<void> {
    let seq = from;
    while (!this.stopped) {
      if (this.listeners.size === 0) {
        seq = Math.max(seq, await lastOutboxSeq(this.options.database));
        await this.idle(this.pollMs);
        continue;
      }
      const rows = await readOutbox(this.options.database, seq, 1000);
      if (rows.length === 0) {
        await this.idle(this.pollMs);
        continue;
      }
      seq = rows[rows.length - 1]!.seq;
      for (const row of rows) {
        for (const listener of this.listeners) {
          if (!listener.types.has(row.type)) continue;
          try {
            listener.fn(rowToEvent(row));
          } catch (error) {
            this.options.log.warn({ err: error }, 'live listener threw');
          }
        }
      }
    }
  }

  private async loadOffset(consumer: string): Promise<number> {
    const row = await this.options.database.db.selectFrom('bus_offsets').select('last_seq').where('consumer', '=', consumer).executeTakeFirst();
    return row ? Number(row.last_seq) : 0;
  }

  private async saveOffset(consumer: string, seq: number): Promise<void> {
    await this.options.database.db
      .insertInto('bus_offsets')
      .values({ consumer, last_seq: seq })
      .onConflict((oc) => oc.column('consumer').doUpdateSet({ last_seq: seq }))
      .execute();
  }

  /**
   * Waits `ms`, or less when woken by close() or (if `wakeable`) by a commit of an event of
   * `types` (null: of any type). A commit wakes only the consumers of its event's type: with a few
   * dozen consumers, waking all of them on every commit cost each tip and post dozens of queries.
   */
  private idle(ms: number, wakeable = true, types: ReadonlySet<string> | null = null): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(waker);
        resolve();
      };
      const waker: Waker = {
        types,
        fn: () => {
          if (wakeable || this.stopped) done();
        },
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(waker);
    });
  }

  /** Wakes the idle loops waiting for `type`, or every loop when no type is given (close()). */
  private wake(type?: string): void {
    for (const waker of [...this.wakers]) if (type === undefined || waker.types === null || waker.types.has(type)) waker.fn();
  }
}
