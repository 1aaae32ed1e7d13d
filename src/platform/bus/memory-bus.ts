import type { Clock } from '#core/clock.ts';
import type { Database, Tx } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { BatchHandler, EventBus, SubscribeOptions } from './bus.ts';
import { decodeEvents, payloadSize } from './codecs.ts';
import type { BusEvent, EventMap, EventType } from './events.ts';
import { lastOutboxSeq, readOutboxOfTypes, readPayloads, rowToEvent, stageEvents, type OnStaged, type OutboxHead } from './outbox.ts';

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

/**
 * Payload characters (as JSON) of committed events kept in memory for this process's consumers;
 * the oldest go first beyond it (their consumers then read them from the outbox).
 */
const DEFAULT_COMMITTED_BUDGET = 64 * 1024 * 1024;

interface Committed {
  event: BusEvent;
  /** Durable consumers yet to read it; at 0 it is dropped. */
  readers: number;
  size: number;
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
  /** Payload characters of committed events kept in memory for this process's consumers (default 64 Mi). */
  committedBudget?: number;
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
  /**
   * Events committed by this process, by id, until each of its consumers has read them: they get
   * these objects instead of reading and parsing the payloads again (a batch of analysed posts
   * is a few hundred kilobytes, and several consumers read it). The outbox stays the log: after
   * a restart, for events written by another process, or beyond the budget, consumers read it.
   * Consumers share these objects and must not change them (frozen under test to make sure).
   */
  private readonly committed = new Map<string, Committed>();
  private committedSize = 0;

  constructor(private readonly options: MemoryBusOptions) {
    this.pollMs = options.pollMs ?? 200;
  }

  async publish<K extends EventType>(tx: Tx, type: K, payload: EventMap[K], options?: { organisationId?: string | null }): Promise<BusEvent<K>> {
    const [event] = await this.publishMany(tx, type, [{ payload, organisationId: options?.organisationId ?? null }]);
    return event!;
  }

  async publishMany<K extends EventType>(tx: Tx, type: K, items: readonly { payload: EventMap[K]; organisationId: string | null }[]): Promise<BusEvent<K>[]> {
    // The durable consumers of the type, and the live tail when someone listens for it; none
    // before start() (a process that only writes, such as `waakzaam replay`, keeps nothing).
    let readers = this.started && !this.stopped ? this.subscriptions.filter((s) => s.types.has(type)).length : 0;
    for (const listener of this.listeners) {
      if (!listener.types.has(type)) continue;
      readers += 1;
      break;
    }
    const staged: Committed[] = [];
    const onStaged: OnStaged | undefined = readers > 0 ? (event, stored) => staged.push({ event, readers, size: payloadSize(type, event.payload, stored) }) : undefined;
    const events = await stageEvents(this.options.database, tx, type, items, this.options.clock.now(), onStaged);
    if (events.length > 0) {
      tx.onCommit(() => {
        for (const entry of staged) this.remember(entry);
        this.wake(type);
      });
    }
    return events;
  }

  private remember(entry: Committed): void {
    if (FREEZE_SHARED) deepFreeze(entry.event);
    this.committed.set(entry.event.id, entry);
    this.committedSize += entry.size;
    for (const [id, oldest] of this.committed) {
      if (this.committedSize <= (this.options.committedBudget ?? DEFAULT_COMMITTED_BUDGET)) break;
      this.committed.delete(id);
      this.committedSize -= oldest.size;
    }
  }

  /** The events of outbox rows read without payloads: from memory where it has them, else parsed from the outbox. */
  private async eventsOf(rows: OutboxHead[]): Promise<BusEvent[]> {
    const events: (BusEvent | undefined)[] = [];
    let missing: number[] | undefined;
    for (const row of rows) {
      const entry = this.committed.get(row.id);
      if (entry === undefined) {
        (missing ??= []).push(row.seq);
        events.push(undefined);
        continue;
      }
      events.push(entry.event);
      if (--entry.readers <= 0) {
        this.committed.delete(row.id);
        this.committedSize -= entry.size;
      }
    }
    if (missing === undefined) return events as BusEvent[];
    const payloads = await readPayloads(this.options.database, missing);
    const read: BusEvent[] = [];
    rows.forEach((row, i) => {
      const payload = payloads.get(row.seq);
      if (events[i] === undefined && payload !== undefined) read.push(rowToEvent({ ...row, payload }));
    });
    const decoded = new Map((await decodeEvents(read, this.options.database)).map((e) => [e.id, e]));
    return rows.map((row, i) => {
      const event = events[i] ?? decoded.get(row.id);
      // Rows are purged only once every consumer has passed them (purgeOutbox).
      if (event === undefined) throw new Error(`outbox row ${row.seq} disappeared while being read`);
      return event;
    });
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
    // A consumer new to this store reads the outbox from its start: its row holds those events
    // back from purgeOutbox until it has passed them (without one, a purge could take them first).
    if (this.subscriptions.length > 0) {
      await this.options.database.db
        .insertInto('bus_offsets')
        .values(this.subscriptions.map((s) => ({ consumer: s.consumer, last_seq: 0 })))
        .onConflict((oc) => oc.column('consumer').doNothing())
        .execute();
    }
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
      const { rows, throughSeq } = await readOutboxOfTypes(database, offset, subscription.batchSize, types, false);
      if (throughSeq === offset) {
        // Idle: record how far it passed over other types' events, if not yet done.
        if (offset !== saved.offset && Date.now() - saved.at >= OFFSET_SAVE_MS) {
          await this.saveOffset(subscription.consumer, offset);
          saved = { offset, at: Date.now() };
        }
        await this.idle(this.pollMs, true, subscription.types);
        continue;
      }
      const events = await this.eventsOf(rows);
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
        const newest = await lastOutboxSeq(this.options.database);
        // A listener added while the read was under way must still get what committed meanwhile.
        if (this.listeners.size === 0) seq = Math.max(seq, newest);
        await this.idle(this.pollMs);
        continue;
      }
      // Only the types someone listens to: the others (a batch of analysed posts is a few hundred
      // kilobytes) are passed over without reading their payloads.
      const types = new Set<string>();
      for (const listener of this.listeners) for (const type of listener.types) types.add(type);
      const { rows, throughSeq } = await readOutboxOfTypes(this.options.database, seq, 1000, [...types], false);
      seq = throughSeq;
      if (rows.length === 0) {
        await this.idle(this.pollMs);
        continue;
      }
      const events = await this.eventsOf(rows);
      for (const event of events) {
        for (const listener of this.listeners) {
          if (!listener.types.has(event.type)) continue;
          try {
            listener.fn(event);
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

/**
 * Under test, shared events are frozen, so that a consumer that changes an event it shares with
 * others fails loudly instead of corrupting theirs.
 */
const FREEZE_SHARED = process.env.VITEST !== undefined;

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}
