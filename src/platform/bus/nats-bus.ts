import { createHash } from 'node:crypto';
import {
  DebugEvents,
  DiscardPolicy,
  Events,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type JetStreamManager,
  type Msg,
  type NatsConnection,
  type NatsError,
  type QueuedIterator,
  type Status,
  type StreamConfig,
  type Subscription,
} from 'nats';
import type { Clock } from '#core/clock.ts';
import type { Database, Tx } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { BatchHandler, EventBus, SubscribeOptions } from './bus.ts';
import { decodeEvents } from './codecs.ts';
import type { BusEvent, EventMap, EventType } from './events.ts';
import { DurableConsumer, isNotFound, parseEvent, type SubjectFilter } from './nats-consumer.ts';
import { OutboxRelay } from './nats-relay.ts';
import { stageEvent, stageEvents } from './outbox.ts';

export interface NatsBusOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  /** NATS server URLs, e.g. `['nats://127.0.0.1:4222']`. */
  servers: string[];
  /** The JetStream stream; its subjects are `<stream in lower case>.<event type>`. */
  stream: string;
  /** How often the relay looks for outbox rows committed by other processes. Default 200 ms. */
  relayPollMs?: number;
  /**
   * How long the server waits for an acknowledgement before redelivering, i.e. how soon the
   * events a crashed process held reach another one. Running processes extend it while they
   * work. Default 30 s.
   */
  ackWaitMs?: number;
  /** How long the stream recognises a re-published event id as a duplicate. Default 2 min. */
  duplicateWindowMs?: number;
  /** How long the stream keeps events; a consumer down for longer misses them. Default 7 days. */
  maxAgeMs?: number;
}

interface Registration {
  consumer: string;
  types: readonly string[];
  handler: BatchHandler<EventType>;
  batchSize: number;
}

interface Listener {
  types: ReadonlySet<string>;
  fn: (event: BusEvent) => void;
}

// Event types become subject tokens: no wildcards, spaces or empty tokens.
const EVENT_TYPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
/** How many recent event ids the live tail remembers to drop re-published duplicates. */
const LIVE_DEDUPE = 1024;
/** How long close() lets the connection drain before closing it outright. */
const DRAIN_MS = 5_000;

/**
 * The scaled transport: the transactional outbox in the store, relayed to NATS JetStream.
 * `publish` stages the event in the caller's transaction exactly as the memory transport does;
 * after commit the relay (nats-relay.ts) copies it to the stream, and every durable consumer is
 * a JetStream pull consumer (nats-consumer.ts). Each process runs one relay; when several do,
 * JetStream's de-duplication by event id absorbs the double publishes. Live listeners are a
 * plain NATS subscription on the stream's subjects, which sees every publish without storing
 * anything. See docs/decisions/0002-event-bus.md.
 */
export class NatsBus implements EventBus {
  readonly transport = 'nats' as const;
  private readonly registrations: Registration[] = [];
  private readonly consumers: DurableConsumer[] = [];
  private readonly listeners = new Set<Listener>();
  private liveChain: Promise<void> = Promise.resolve();
  private readonly recentLive = new Set<string>();
  private readonly relay: OutboxRelay;
  private readonly subjectPrefix: string;
  private readonly statuses: AsyncIterable<Status>;
  private readonly statusWatch: Promise<void>;
  private live: Subscription | undefined;
  private started = false;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly options: NatsBusOptions,
    private readonly log: Logger,
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
  ) {
    this.subjectPrefix = options.stream.toLowerCase();
    this.relay = new OutboxRelay({
      database: options.database,
      clock: options.clock,
      log: log.child({ part: 'relay' }),
      js: nc.jetstream(),
      stream: options.stream,
      subjectOf: (type) => this.subjectOf(type),
      pollMs: options.relayPollMs ?? 200,
    });
    this.statuses = nc.status();
    this.statusWatch = this.watchStatus();
  }

  /**
   * Connects to NATS and creates the stream, or brings an existing one's subjects and limits up
   * to date. Throws, naming the servers, when NATS or JetStream cannot be reached.
   */
  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const where = options.servers.join(', ');
    let nc: NatsConnection;
    try {
      // Retry for ever once connected: an outage delays delivery, the outbox keeps the events.
      nc = await connect({ servers: options.servers, name: `waakzaam:${options.stream}`, maxReconnectAttempts: -1 });
    } catch (error) {
      throw new Error(`cannot connect to NATS at ${where}: ${messageOf(error)}`, { cause: error });
    }
    try {
      const jsm = await nc.jetstreamManager();
      await ensureStream(jsm, {
        name: options.stream,
        subjects: [`${options.stream.toLowerCase()}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
        max_age: nanos(options.maxAgeMs ?? 7 * 24 * 3_600_000),
      });
      return new NatsBus(options, options.log.child({ stream: options.stream }), nc, jsm);
    } catch (error) {
      await nc.close();
      throw new Error(`cannot set up JetStream stream ${options.stream} on NATS at ${where}: ${messageOf(error)}`, { cause: error });
    }
  }

  async publish<K extends EventType>(tx: Tx, type: K, payload: EventMap[K], options?: { organisationId?: string | null }): Promise<BusEvent<K>> {
    assertEventType(type);
    const event = await stageEvent(this.options.database, tx, type, payload, options?.organisationId ?? null, this.options.clock.now());
    tx.onCommit(() => this.relay.wake());
    return event;
  }

  async publishMany<K extends EventType>(tx: Tx, type: K, items: readonly { payload: EventMap[K]; organisationId: string | null }[]): Promise<BusEvent<K>[]> {
    assertEventType(type);
    const events = await stageEvents(this.options.database, tx, type, items, this.options.clock.now());
    if (events.length > 0) tx.onCommit(() => this.relay.wake());
    return events;
  }

  subscribe<K extends EventType>(consumer: string, types: readonly K[], handler: BatchHandler<K>, options?: SubscribeOptions): void {
    if (this.started) throw new Error(`subscribe(${consumer}) after start(): register consumers before starting the bus`);
    if (this.registrations.some((r) => durableName(r.consumer) === durableName(consumer))) throw new Error(`consumer ${consumer} registered twice`);
    if (types.length === 0) throw new Error(`consumer ${consumer} subscribes to no event types`);
    types.forEach(assertEventType);
    this.registrations.push({ consumer, types, handler: handler as BatchHandler<EventType>, batchSize: options?.batchSize ?? 256 });
  }

  listen<K extends EventType>(types: readonly K[], listener: (event: BusEvent<K>) => void): () => void {
    types.forEach(assertEventType);
    if (this.closing) return () => {};
    const entry: Listener = { types: new Set(types), fn: listener as (event: BusEvent) => void };
    this.listeners.add(entry);
    // Subscribing is synchronous on the client, and the server handles one connection's
    // messages in order, so every event the relay publishes from here on reaches the listener.
    this.live ??= this.nc.subscribe(`${this.subjectPrefix}.>`, { callback: (error, msg) => this.onLive(error, msg) });
    return () => {
      this.listeners.delete(entry);
      if (this.listeners.size === 0) {
        this.live?.unsubscribe();
        this.live = undefined;
      }
    };
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const serverFilters = serverAtLeast(this.nc.info?.version, 2, 10);
    for (const registration of this.registrations) {
      const consumer = new DurableConsumer({
        js: this.nc.jetstream(),
        jsm: this.jsm,
        log: this.log,
        stream: this.options.stream,
        durable: durableName(registration.consumer),
        filter: this.filterFor(registration.types, serverFilters),
        types: new Set(registration.types),
        // Payloads stored as ids (codecs.ts) are read back from the store before the handler sees them.
        handler: async (events) => registration.handler(await decodeEvents(events, this.options.database)),
        batchSize: registration.batchSize,
        ackWaitMs: this.options.ackWaitMs ?? 30_000,
      });
      this.consumers.push(consumer);
      await consumer.start();
    }
    this.relay.start();
  }

  /** Stops the relay and the consumers (a batch in a handler finishes first), then drains the connection. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    await Promise.all([this.relay.close(), ...this.consumers.map((consumer) => consumer.close())]);
    this.listeners.clear();
    this.live = undefined;
    await this.disconnect();
    // nats.js 2.x does not end the iterators of nc.status() when the connection closes; they
    // are QueuedIterators underneath, which can be stopped.
    (this.statuses as Partial<QueuedIterator<Status>>).stop?.();
    await this.statusWatch;
  }

  /**
   * Drains rather than closes, so the last acknowledgements and hand-backs reach the server; but
   * a drain waits for a server that may never come back, so it gets a few seconds.
   */
  private async disconnect(): Promise<void> {
    if (!this.nc.isClosed()) {
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'gave up'>((resolve) => (timer = setTimeout(() => resolve('gave up'), DRAIN_MS)));
      const drained = this.nc.drain().then(
        () => 'drained' as const,
        (error: unknown) => {
          this.log.warn({ err: error }, 'could not drain the NATS connection');
          return 'failed' as const;
        },
      );
      const outcome = await Promise.race([drained, gaveUp]);
      clearTimeout(timer);
      if (outcome !== 'drained') this.log.warn({ outcome }, 'closing the NATS connection without draining it');
      // A drain while disconnected can end without closing the connection.
      if (!this.nc.isClosed()) await this.nc.close();
    }
    await this.nc.closed();
  }

  private subjectOf(type: string): string {
    return `${this.subjectPrefix}.${type}`;
  }

  private filterFor(types: readonly string[], serverFilters: boolean): SubjectFilter {
    // NATS before 2.10 takes a single filter subject and cannot be trusted to change one on a
    // durable consumer (2.9 stalls the consumer), and a subscription's types do change between
    // releases. There every consumer reads the whole stream and acknowledges the types it does
    // not want without showing them to the handler, as a memory-bus consumer reads every row.
    if (!serverFilters) return { filter_subject: `${this.subjectPrefix}.>` };
    const subjects = [...new Set(types)].map((type) => this.subjectOf(type));
    return subjects.length === 1 ? { filter_subject: subjects[0]! } : { filter_subjects: subjects };
  }

  private onLive(error: NatsError | null, msg: Msg): void {
    if (error) {
      this.log.warn({ err: error }, 'live subscription error');
      return;
    }
    let event: BusEvent | null;
    try {
      event = parseEvent(msg.json<unknown>());
    } catch {
      event = null;
    }
    // A repeat publish by a relay is stored once but seen here twice; show it once.
    if (event === null || this.recentLive.has(event.id)) return;
    const parsed = event;
    this.recentLive.add(parsed.id);
    if (this.recentLive.size > LIVE_DEDUPE) this.recentLive.delete(this.recentLive.values().next().value!);
    if (![...this.listeners].some((listener) => listener.types.has(parsed.type))) return;
    // Decoding may read the store; the chain keeps the events in the order they arrived.
    this.liveChain = this.liveChain
      .then(() => decodeEvents([parsed], this.options.database))
      .then(
        ([decoded]) => this.tell(decoded!),
        (decodeError: unknown) => this.log.warn({ err: decodeError, eventId: parsed.id }, 'live event could not be decoded'),
      );
  }

  private tell(event: BusEvent): void {
    for (const listener of this.listeners) {
      if (!listener.types.has(event.type)) continue;
      try {
        listener.fn(event);
      } catch (listenerError) {
        this.log.warn({ err: listenerError }, 'live listener threw');
      }
    }
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.statuses) {
      switch (status.type) {
        case Events.Disconnect:
          this.log.warn({ server: status.data }, 'disconnected from NATS; reconnecting');
          break;
        case Events.Reconnect:
          this.log.info({ server: status.data }, 'reconnected to NATS');
          break;
        case Events.LDM:
          this.log.warn({ server: status.data }, 'NATS server entering lame-duck mode');
          break;
        case Events.Error:
          this.log.error({ err: status.data }, 'NATS connection error');
          break;
        case DebugEvents.StaleConnection:
          this.log.warn('stale NATS connection');
          break;
        default:
          this.log.debug({ status: status.type, data: status.data }, 'NATS status');
      }
    }
  }
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  let current: StreamConfig | undefined;
  try {
    current = (await jsm.streams.info(config.name)).config;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (current === undefined) {
    await jsm.streams.add(config);
    return;
  }
  // Storage and retention cannot change on a live stream; only what can is brought up to date.
  const { subjects, discard, duplicate_window, max_age } = config;
  const same =
    String(current.subjects) === String(subjects) &&
    current.discard === discard &&
    current.duplicate_window === duplicate_window &&
    current.max_age === max_age;
  if (!same) await jsm.streams.update(config.name, { subjects, discard, duplicate_window, max_age });
}

/** The durable name of a consumer: NATS allows letters, digits, `-` and `_`. */
export function durableName(consumer: string): string {
  const safe = consumer.replace(/[^A-Za-z0-9_-]/g, '_');
  if (safe === consumer) return consumer;
  // Keep names that differ only in replaced characters apart ('watch.rank' vs 'watch_rank').
  return `${safe}_${createHash('sha256').update(consumer).digest('hex').slice(0, 8)}`;
}

function assertEventType(type: string): void {
  if (!EVENT_TYPE.test(type)) throw new Error(`event type ${JSON.stringify(type)} cannot be a NATS subject: use letters, digits, '-', '_' and dots`);
}

function serverAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const [ma = 0, mi = 0] = (version ?? '0.0').split('.').map(Number);
  return ma > major || (ma === major && mi >= minor);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
