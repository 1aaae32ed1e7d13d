import type { Clock } from '#core/clock.ts';
import { newId } from '#core/ids.ts';
import type { Database } from '#platform/db/database.ts';
import type { SendDeliveryTable } from '#send/tables.ts';
import type { Logger } from '#platform/log.ts';
import type { Channel, ChannelKind, DeliveryOutcome, MessageLanguage, OutgoingMessage, Recipient } from '../channels/channel.ts';
import { findMessageById } from '../messages/message-store.ts';
import type { MessageService } from '../messages/message-service.ts';
import { toOutgoing } from '../messages/outgoing.ts';
import { recipientRows } from '../subscriptions/subscription-store.ts';
import type { SubscriptionService } from '../subscriptions/subscription-service.ts';
import { claimDue, nextDue, settle, type Settlement } from './delivery-store.ts';
import { backoffMs, DEFAULT_RETRY_POLICY, TokenBucket, type RetryPolicy } from './pacing.ts';

/**
 * How long a claimed delivery is a worker's before another may retry it: three times the slowest
 * channel's own timeout (10 s for webhooks and push), so a live worker never loses a lease it uses.
 */
export const DEFAULT_LEASE_MS = 30_000;

export interface DeliveryWorkerOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  channels: ReadonlyMap<ChannelKind, Channel>;
  messages: MessageService;
  subscriptions: SubscriptionService;
  retry?: RetryPolicy;
  /** How long a claimed delivery is this worker's; after that another worker (or a restart) retries it. */
  leaseMs?: number;
  /** Most deliveries claimed per channel per pass. */
  batchSize?: number;
  /** Hand-overs in flight at once per channel. */
  concurrency?: number;
  /** Jitter source (tests pass a fixed one). */
  random?: () => number;
  /** Longest sleep between looks at the table (deliveries queued by other processes). */
  pollMs?: number;
}

/**
 * Hands deliveries to their channels (SPEC S4). Each pass claims due deliveries per channel, as
 * many as that channel's token bucket allows (its published rate limit), hands them over, and
 * records the outcome: delivered; retry later with exponential backoff and jitter; dead letter
 * (`failed`) with the reason after the last attempt or a permanent refusal; `gone` removes the
 * subscription. A delivery is marked in flight under a lease before the hand-over; a restart retries
 * an expired lease with the same idempotency key (docs/decisions/0009-send-delivery.md).
 */
export class DeliveryWorker {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly outgoing = new Map<string, OutgoingMessage | null>();
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly options: DeliveryWorkerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wakeUp?.();
    await this.loop;
  }

  /** New deliveries were queued in this process: look at once. */
  wake(): void {
    this.wakeUp?.();
  }

  /** One pass over every channel; returns how many hand-overs it made. Used by the loop and by tests. */
  async runOnce(): Promise<number> {
    let handed = 0;
    for (const [kind, channel] of this.options.channels) handed += await this.runChannel(kind, channel);
    return handed;
  }

  private bucket(kind: string, channel: Channel): TokenBucket {
    let bucket = this.buckets.get(kind);
    if (!bucket) this.buckets.set(kind, (bucket = new TokenBucket(channel.maxPerSecond, this.options.clock)));
    return bucket;
  }

  private async runChannel(kind: ChannelKind, channel: Channel): Promise<number> {
    const { database, clock } = this.options;
    const bucket = this.bucket(kind, channel);
    const granted = bucket.take(this.options.batchSize ?? 500);
    if (granted === 0) return 0;
    const now = clock.now();
    const lease = newId(now.getTime());
    const claimed = await claimDue(database.db, { channel: kind, now: now.toISOString(), lease, leaseUntil: new Date(now.getTime() + (this.options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(), limit: granted });
    bucket.refund(granted - claimed.length);
    if (claimed.length === 0) return 0;
    const recipients = await this.recipients(claimed);
    const queue = [...claimed];
    const work = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await this.handOver(channel, row, recipients, lease);
    };
    await Promise.all(Array.from({ length: Math.min(queue.length, this.options.concurrency ?? 16) }, work));
    return claimed.length;
  }

  private async recipients(rows: readonly SendDeliveryTable[]): Promise<Map<string, { address: string; language: string; status: string }>> {
    const ids = rows.map((r) => r.recipient_id).filter((id): id is string => id !== null);
    const found = new Map<string, { address: string; language: string; status: string }>();
    for (let i = 0; i < ids.length; i += 500) for (const r of await recipientRows(this.options.database.db, ids.slice(i, i + 500))) found.set(r.id, r);
    return found;
  }

  private async handOver(channel: Channel, row: SendDeliveryTable, recipients: Map<string, { address: string; language: string; status: string }>, lease: string): Promise<void> {
    const { clock, log } = this.options;
    const message = await this.message(row.message_id, row.language === 'en' ? 'en' : 'nl');
    let settlement: Settlement;
    if (!message) {
      settlement = { status: 'failed', reason: 'the message no longer exists' };
    } else {
      let recipient: Recipient | null = null;
      const subscriber = row.recipient_id === null ? undefined : recipients.get(row.recipient_id);
      if (row.recipient_id !== null && (!subscriber || subscriber.status !== 'active')) {
        settlement = { status: 'skipped', reason: 'the subscriber unsubscribed before delivery' };
      } else {
        if (row.recipient_id !== null && subscriber) {
          recipient = { id: row.recipient_id, address: subscriber.address, language: message.language, unsubscribeUrl: this.options.subscriptions.unsubscribeUrl(row.recipient_id) };
        }
        settlement = this.settlement(row, await this.deliver(channel, message, recipient, row.idempotency_key));
      }
    }
    if (settlement.status === 'gone' && row.recipient_id !== null) await this.options.subscriptions.removeGone(row.recipient_id);
    const recorded = await settle(this.options.database.db, row.idempotency_key, lease, settlement, clock.now().toISOString());
    if (!recorded) log.warn({ key: row.idempotency_key }, 'delivery lease lost before the outcome was recorded');
  }

  private async deliver(channel: Channel, message: OutgoingMessage, recipient: Recipient | null, key: string): Promise<DeliveryOutcome> {
    try {
      return await channel.deliver(message, recipient, key, this.abort.signal);
    } catch (error) {
      // Channels must not throw; one that does has a bug or met something unforeseen: try again later.
      this.options.log.error({ err: error, channel: channel.kind, key }, 'channel threw instead of returning an outcome');
      return { outcome: 'retry', reason: `channel error: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private settlement(row: SendDeliveryTable, outcome: DeliveryOutcome): Settlement {
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    switch (outcome.outcome) {
      case 'delivered':
        return { status: 'delivered', externalId: outcome.externalId ?? null };
      case 'failed':
        return { status: 'failed', reason: outcome.reason };
      case 'gone':
        return { status: 'gone', reason: outcome.reason };
      case 'retry': {
        const attempts = Number(row.attempts);
        if (attempts >= policy.maxAttempts) return { status: 'failed', reason: `gave up after ${attempts} attempts: ${outcome.reason}` };
        const wait = backoffMs(attempts, policy, (this.options.random ?? Math.random)(), outcome.retryAfterMs);
        return { status: 'retrying', reason: outcome.reason, nextAttemptAt: new Date(this.options.clock.now().getTime() + wait).toISOString() };
      }
    }
  }

  private async message(id: string, language: MessageLanguage): Promise<OutgoingMessage | null> {
    const key = `${id}/${language}`;
    if (this.outgoing.has(key)) return this.outgoing.get(key)!;
    const message = await findMessageById(this.options.database.db, id);
    const outgoing = message ? toOutgoing(message, language, await this.options.messages.outgoingContext(message)) : null;
    if (this.outgoing.size > 1000) this.outgoing.clear();
    this.outgoing.set(key, outgoing);
    return outgoing;
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1000;
    while (!this.stopped) {
      let handed = 0;
      try {
        handed = await this.runOnce();
      } catch (error) {
        this.options.log.error({ err: error }, 'delivery pass failed');
      }
      if (this.stopped) break;
      if (handed > 0) continue;
      const due = await nextDue(this.options.database.db, [...this.options.channels.keys()]).catch(() => undefined);
      const untilDue = due === undefined ? pollMs : Date.parse(due) - this.options.clock.now().getTime();
      const throttled = Math.min(pollMs, ...[...this.buckets.values()].map((b) => b.waitMs()));
      const wait = Math.max(10, Math.min(pollMs, Math.max(untilDue, throttled)));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = done;
      });
      this.wakeUp = undefined;
    }
  }
}
