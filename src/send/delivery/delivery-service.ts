import type { Database } from '#platform/db/database.ts';
import { countDeliveries, listDeliveries, type DeliveryCounts, type DeliveryFilter, type DeliveryStatus } from './delivery-store.ts';

/** One hand-over as staff see it: no address, only the subscription id (SPEC G1). */
export interface DeliveryView {
  idempotencyKey: string;
  channel: string;
  recipientId: string | null;
  language: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  externalId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const PERSONAL_CHANNELS = new Set(['webpush', 'email', 'sms']);

/** Delivery status per channel and per recipient, for the history and a message's detail (SPEC S4). */
export class DeliveryService {
  constructor(private readonly options: { database: Database }) {}

  async counts(organisationId: string, messageIds: readonly string[]): Promise<Map<string, Map<string, DeliveryCounts>>> {
    return countDeliveries(this.options.database.db, organisationId, messageIds);
  }

  /** People a message reached: deliveries handed over on the personal channels (push, email, SMS). */
  async peopleReached(organisationId: string, messageId: string): Promise<number> {
    const perChannel = (await this.counts(organisationId, [messageId])).get(messageId);
    let reached = 0;
    for (const [channel, counts] of perChannel ?? []) if (PERSONAL_CHANNELS.has(channel)) reached += counts.delivered;
    return reached;
  }

  async list(filter: DeliveryFilter): Promise<DeliveryView[]> {
    const rows = await listDeliveries(this.options.database.db, filter);
    return rows.map((r) => ({
      idempotencyKey: r.idempotency_key,
      channel: r.channel,
      recipientId: r.recipient_id,
      language: r.language,
      status: r.status as DeliveryStatus,
      attempts: Number(r.attempts),
      nextAttemptAt: r.status === 'queued' || r.status === 'retrying' ? r.next_attempt_at : null,
      lastError: r.last_error,
      externalId: r.external_id,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
    }));
  }
}
