import {
  AckPolicy,
  ConsumerEvents,
  DeliverPolicy,
  NatsError,
  ReplayPolicy,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from 'nats';
import type { Logger } from '../log.ts';
import type { BatchHandler } from './bus.ts';
import type { BusEvent, EventType } from './events.ts';
import { Pause } from './pause.ts';

/** The subjects a consumer asks the server for: one or several (NATS ≥ 2.10), or the whole stream. */
export type SubjectFilter = { filter_subject: string } | { filter_subjects: string[] };

export interface DurableConsumerOptions {
  js: JetStreamClient;
  jsm: JetStreamManager;
  log: Logger;
  stream: string;
  /** The durable name, already valid for NATS. */
  durable: string;
  filter: SubjectFilter;
  /** The event types the handler wants; others that pass a broad filter are acknowledged unseen. */
  types: ReadonlySet<string>;
  handler: BatchHandler<EventType>;
  batchSize: number;
  ackWaitMs: number;
}

/** How long an idle delivery loop sleeps between checks; arrivals wake it sooner. */
const IDLE_MS = 5_000;

/**
 * One durable JetStream pull consumer. Messages arrive through `consume()` into a local queue;
 * the delivery loop hands the handler whatever is queued, up to `batchSize`, and acknowledges the
 * batch only after the handler returned. A handler that throws gets the same batch again after a
 * backoff, in this process, before anything newer: a `nak` would let the server deliver later
 * messages first and break outbox order. While this process holds messages it tells the server
 * it is still working on them, so only a process that died gives them up (after `ack_wait`);
 * `close()` hands unfinished ones back with a `nak` so the next process gets them at once.
 */
export class DurableConsumer {
  private readonly pause = new Pause();
  private readonly log: Logger;
  /** Received, not yet given to the handler. */
  private readonly queue: JsMsg[] = [];
  /** Given to the handler, not yet acknowledged. */
  private inFlight: JsMsg[] = [];
  private messages: ConsumerMessages | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  private loops: Promise<void>[] = [];

  constructor(private readonly options: DurableConsumerOptions) {
    this.log = options.log.child({ consumer: options.durable });
  }

  /** Creates or updates the consumer on the server, then starts receiving and delivering. */
  async start(): Promise<void> {
    await this.ensure();
    this.keepalive = setInterval(() => this.keepAlive(), Math.max(500, Math.floor(this.options.ackWaitMs / 3)));
    this.loops = [this.receiveLoop(), this.deliverLoop()];
  }

  /** Stops receiving, lets the batch in the handler finish, and hands back the rest. */
  async close(): Promise<void> {
    this.pause.stop();
    await this.messages?.close();
    await Promise.all(this.loops);
    clearInterval(this.keepalive);
    this.giveBack(this.queue.splice(0));
  }

  private async ensure(): Promise<void> {
    const { jsm, stream, durable, filter, batchSize, ackWaitMs } = this.options;
    const changeable = {
      ack_wait: nanos(ackWaitMs),
      // Room for the batch in the handler and the next one queued behind it.
      max_ack_pending: batchSize * 2,
      filter_subject: 'filter_subject' in filter ? filter.filter_subject : undefined,
      filter_subjects: 'filter_subjects' in filter ? filter.filter_subjects : undefined,
    } satisfies Partial<ConsumerConfig>;
    let current: ConsumerConfig | undefined;
    try {
      current = (await jsm.consumers.info(stream, durable)).config;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (current === undefined) {
      await jsm.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        // A new consumer starts at the beginning of the stream, as a new memory-bus consumer
        // starts at the beginning of the outbox.
        deliver_policy: DeliverPolicy.All,
        replay_policy: ReplayPolicy.Instant,
        ...changeable,
      });
      return;
    }
    const same =
      current.ack_wait === changeable.ack_wait &&
      current.max_ack_pending === changeable.max_ack_pending &&
      (current.filter_subject || undefined) === changeable.filter_subject &&
      String(current.filter_subjects ?? '') === String(changeable.filter_subjects ?? '');
    if (!same) {
      this.log.info({ from: current, to: changeable }, 'updating consumer configuration');
      await jsm.consumers.update(stream, durable, changeable);
    }
  }

  /** Keeps a `consume()` open, recreating it (and the consumer) if it ends while running. */
  private async receiveLoop(): Promise<void> {
    const { js, stream, durable, batchSize } = this.options;
    let failures = 0;
    while (!this.pause.stopped) {
      try {
        if (failures > 0) await this.ensure();
        const consumer = await js.consumers.get(stream, durable);
        const messages = await consumer.consume({
          max_messages: batchSize,
          callback: (msg) => this.receive(msg),
          // Let a deleted consumer end the subscription so it is recreated here, rather than
          // retried for ever.
          abort_on_missing_resource: true,
        });
        this.messages = messages;
        if (this.pause.stopped) {
          await messages.close();
          break;
        }
        const statusLogged = this.logStatus(messages);
        const error = await messages.closed();
        await statusLogged;
        if (this.pause.stopped) break;
        throw error ?? new Error('the message subscription ended');
      } catch (error) {
        if (this.pause.stopped) break;
        failures += 1;
        const backoffMs = backoff(failures);
        this.log.error({ err: error, failures, backoffMs }, 'consumer lost its subscription; recreating it');
        await this.pause.wait(backoffMs, false);
      }
    }
  }

  private receive(msg: JsMsg): void {
    if (this.pause.stopped) {
      this.giveBack([msg]);
      return;
    }
    this.queue.push(msg);
    this.pause.wake();
  }

  private async deliverLoop(): Promise<void> {
    while (!this.pause.stopped) {
      if (this.queue.length === 0) {
        await this.pause.wait(IDLE_MS);
        continue;
      }
      this.inFlight = this.queue.splice(0, this.options.batchSize);
      try {
        await this.deliver(this.inFlight);
      } finally {
        this.inFlight = [];
      }
    }
  }

  /** Runs the handler on `batch` until it succeeds (then acknowledges) or the consumer stops. */
  private async deliver(batch: JsMsg[]): Promise<void> {
    const settle: JsMsg[] = [];
    const events: BusEvent[] = [];
    for (const msg of batch) {
      const event = decode(msg);
      if (event === null) {
        // Retrying cannot make it readable; terminate it rather than block the consumer.
        this.log.error({ subject: msg.subject, streamSeq: msg.seq }, 'undecodable message; terminated');
        msg.term();
        continue;
      }
      settle.push(msg);
      if (this.options.types.has(event.type)) events.push(event);
    }
    let failures = 0;
    while (events.length > 0) {
      try {
        await this.options.handler(events);
        break;
      } catch (error) {
        failures += 1;
        const backoffMs = backoff(failures);
        this.log.error({ err: error, failures, backoffMs }, 'consumer failed; the batch will be redelivered');
        await this.pause.wait(backoffMs, false);
        if (this.pause.stopped) {
          this.giveBack(settle);
          return;
        }
      }
    }
    // Wait for the server to record the acks, so a restart right after does not see them again.
    const results = await Promise.allSettled(settle.map((msg) => msg.ackAck()));
    const unconfirmed = results.filter((result) => result.status === 'rejected').length;
    if (unconfirmed > 0) this.log.warn({ unconfirmed }, 'acknowledgements not confirmed; those events may be delivered again');
  }

  /** Tells the server the held messages are still being worked on, so they are not redelivered. */
  private keepAlive(): void {
    for (const msg of [...this.inFlight, ...this.queue]) {
      try {
        msg.working();
      } catch (error) {
        this.log.warn({ err: error }, 'could not extend the ack deadline');
        return;
      }
    }
  }

  /** Hands messages back to the server for immediate redelivery. */
  private giveBack(msgs: JsMsg[]): void {
    try {
      for (const msg of msgs) msg.nak();
    } catch (error) {
      // The connection is gone; the server redelivers them when ack_wait runs out.
      this.log.warn({ err: error, count: msgs.length }, 'could not hand messages back');
    }
  }

  private async logStatus(messages: ConsumerMessages): Promise<void> {
    const notable = new Set<string>(Object.values(ConsumerEvents));
    for await (const status of await messages.status()) {
      if (notable.has(status.type)) this.log.warn({ status: status.type, data: status.data }, 'consumer status');
    }
  }
}

function backoff(failures: number): number {
  return Math.min(30_000, 100 * 2 ** Math.min(failures, 9));
}

/** True when a JetStream API call failed because the stream or consumer does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.code === 404;
}

function decode(msg: JsMsg): BusEvent | null {
  try {
    return parseEvent(msg.json<unknown>());
  } catch {
    return null;
  }
}

/** The event in a message body, or null when the body is not one. */
export function parseEvent(value: unknown): BusEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  const valid =
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.occurredAt === 'string' &&
    (event.organisationId === null || typeof event.organisationId === 'string') &&
    'payload' in event;
  return valid ? (value as BusEvent) : null;
}
