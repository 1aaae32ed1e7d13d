import type { Tx } from '../db/database.ts';
import type { BusEvent, EventMap, EventType } from './events.ts';

export interface SubscribeOptions {
  /** Most events handed to the handler at once (hot paths work on batches). */
  batchSize?: number;
}

export type BatchHandler<K extends EventType> = (events: BusEvent<K>[]) => Promise<void>;

/**
 * The event bus: one interface, two transports (memory-bus.ts, nats-bus.ts).
 *
 * Guarantees, the same on both: an event is staged in the outbox table inside the transaction
 * that made the change, so it exists if and only if the change committed; it is delivered after
 * commit, at least once, to every durable consumer, in outbox order; a handler that throws gets
 * the batch again later. Consumers must therefore be idempotent, keyed by the event id
 * (see `markProcessed` in idempotency.ts).
 */
export interface EventBus {
  readonly transport: 'memory' | 'nats';
  /** Stages an event in the caller's transaction; delivered once the transaction commits. */
  publish<K extends EventType>(tx: Tx, type: K, payload: EventMap[K], options?: { organisationId?: string | null }): Promise<BusEvent<K>>;
  /** Stages several events of one type in one statement; the same guarantees as `publish`. */
  publishMany<K extends EventType>(tx: Tx, type: K, items: readonly { payload: EventMap[K]; organisationId: string | null }[]): Promise<BusEvent<K>[]>;
  /**
   * Registers a durable consumer by name: it resumes after a restart where it left off.
   * Register before `start()`.
   */
  subscribe<K extends EventType>(consumer: string, types: readonly K[], handler: BatchHandler<K>, options?: SubscribeOptions): void;
  /**
   * A live, non-durable listener for events committed from now on (for Server-Sent Events).
   * Returns a function that removes it.
   */
  listen<K extends EventType>(types: readonly K[], listener: (event: BusEvent<K>) => void): () => void;
  /** Starts delivery (consumers, relay, live tail). */
  start(): Promise<void>;
  /** Stops delivery; in-flight batches finish first. */
  close(): Promise<void>;
}
