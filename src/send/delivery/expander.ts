import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import type { Channel, ChannelKind, MessageLanguage } from '../channels/channel.ts';
import '../events.ts';
import { languagesOf, type Message } from '../messages/message.ts';
import { findMessageById } from '../messages/message-store.ts';
import type { SubscriptionService } from '../subscriptions/subscription-service.ts';
import { bboxOf } from '../targeting/geometry.ts';
import { idempotencyKey, insertDeliveries, type NewDelivery } from './delivery-store.ts';

export const EXPAND_CONSUMER = 'send.expand';

/**
 * Turns a published message into deliveries (SPEC S4): one per (message, broadcast channel,
 * language version) and one per (message, recipient channel, subscriber whose area and topics
 * the message concerns). A durable bus consumer; the rows are keyed by their idempotency key, so a
 * redelivered event or a crash halfway adds nothing twice.
 */
export class DeliveryExpander {
  constructor(
    private readonly options: {
      database: Database;
      bus: EventBus;
      clock: Clock;
      log: Logger;
      channels: ReadonlyMap<ChannelKind, Channel>;
      subscriptions: SubscriptionService;
      /** Called after new deliveries are stored (wakes the worker of this process). */
      onQueued?: () => void;
    },
  ) {}

  register(): void {
    this.options.bus.subscribe(EXPAND_CONSUMER, ['message.published'], (events) => this.handle(events), { batchSize: 16 });
  }

  async handle(events: BusEvent<'message.published'>[]): Promise<void> {
    for (const event of events) {
      const message = await findMessageById(this.options.database.db, event.payload.messageId);
      if (!message) continue;
      await this.expand(message);
    }
  }

  /** Plans and stores the deliveries of one message; returns how many there are. */
  async expand(message: Message): Promise<number> {
    const deliveries = await this.plan(message);
    const { database } = this.options;
    // One transaction: the deliveries of a message become visible (and durable) together.
    await database.transaction((tx) => insertDeliveries(tx.db, database.dialect, deliveries, this.options.clock.now().toISOString()));
    this.options.log.info({ messageId: message.id, deliveries: deliveries.length }, 'message queued for delivery');
    this.options.onQueued?.();
    return deliveries.length;
  }

  /** The deliveries of one message, without storing them. */
  async plan(message: Message): Promise<NewDelivery[]> {
    const base = { organisationId: message.organisationId, messageId: message.id };
    const out: NewDelivery[] = [];
    const recipientChannels: string[] = [];
    for (const kind of message.channels) {
      const channel = this.options.channels.get(kind);
      if (!channel) {
        out.push({ ...base, idempotencyKey: idempotencyKey(message.id, kind, { language: 'nl' }), channel: kind, recipientId: null, language: 'nl', status: 'failed', reason: `the ${kind} channel is not set up on this installation` });
      } else if (channel.audience === 'broadcast') {
        for (const language of languagesOf(message)) out.push({ ...base, idempotencyKey: idempotencyKey(message.id, kind, { language }), channel: kind, recipientId: null, language });
      } else {
        recipientChannels.push(kind);
      }
    }
    if (recipientChannels.length > 0 && message.area) {
      const index = await this.options.subscriptions.currentIndex();
      const recipients = index.select({
        organisationId: message.organisationId,
        geometry: message.area.geometry,
        bbox: bboxOf(message.area.geometry),
        topics: [...message.topics, message.category],
        channels: recipientChannels,
      });
      const available = languagesOf(message);
      for (const r of recipients) {
        const language = available.includes(r.language) ? r.language : 'nl';
        out.push({ ...base, idempotencyKey: idempotencyKey(message.id, r.channel, r), channel: r.channel, recipientId: r.id, language });
      }
    }
    if (recipientChannels.length > 0 && message.referencesId) {
      // An update or cancellation (an appeal's closing message among them) reaches everyone who
      // received the original, also those whose area no longer overlaps; the worker skips anyone
      // who has unsubscribed since.
      const planned = new Set(out.map((d) => d.idempotencyKey));
      const earlier = await this.options.database.db
        .selectFrom('send_deliveries')
        .select(['channel', 'recipient_id', 'language'])
        .where('message_id', '=', message.referencesId)
        .where('channel', 'in', recipientChannels)
        .where('recipient_id', 'is not', null)
        .execute();
      const available = languagesOf(message);
      for (const d of earlier) {
        const key = idempotencyKey(message.id, d.channel, { id: d.recipient_id! });
        if (planned.has(key)) continue;
        planned.add(key);
        const language = available.includes(d.language as MessageLanguage) ? (d.language as MessageLanguage) : 'nl';
        out.push({ ...base, idempotencyKey: key, channel: d.channel, recipientId: d.recipient_id!, language });
      }
    }
    return out;
  }
}
