import { sql } from 'kysely';
import type { Db } from '#platform/db/database.ts';
import type { Dialect } from '#platform/db/dialect.ts';
import type { SendDeliveryTable } from '#send/tables.ts';

export const DELIVERY_STATUSES = ['queued', 'in_flight', 'retrying', 'delivered', 'failed', 'gone', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One hand-over to do: a broadcast channel (recipientId null) or one recipient on a channel. */
export interface NewDelivery {
  idempotencyKey: string;
  organisationId: string;
  messageId: string;
  channel: string;
  recipientId: string | null;
  language: 'nl' | 'en';
  /** `failed` with `reason` for a channel that cannot send at all (not configured). */
  status?: 'queued' | 'failed';
  reason?: string;
}

/** The key is the row's identity: the same (message, channel, recipient) is queued once, ever. */
export function idempotencyKey(messageId: string, channel: string, recipient: { id: string } | { language: string }): string {
  return 'id' in recipient ? `${messageId}/${channel}/${recipient.id}` : `${messageId}/${channel}/*${recipient.language}`;
}

// Rows per statement: one JSON parameter of about a megabyte.
const INSERT_BATCH = 10_000;

/**
 * Inserts deliveries, skipping keys that exist (a re-run of the expansion adds nothing). The rows
 * travel as one JSON parameter per statement (dialect.jsonArrayRows): queuing a municipality's
 * tens of thousands of recipients is on the broadcast benchmark's hot path.
 */
export async function insertDeliveries(db: Db, dialect: Dialect, deliveries: readonly NewDelivery[], now: string): Promise<void> {
  for (let i = 0; i < deliveries.length; i += INSERT_BATCH) {
    const json = JSON.stringify(
      deliveries.slice(i, i + INSERT_BATCH).map((d) => [d.idempotencyKey, d.organisationId, d.messageId, d.channel, d.recipientId, d.language, d.status ?? 'queued', d.reason ?? null]),
    );
    const at = dialect.asTimestamp(now);
    await sql`insert into send_deliveries (idempotency_key, organisation_id, message_id, channel, recipient_id, language, status, attempts, next_attempt_at, last_error, created_at, finished_at)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, 0, ${at}, value ->> 7, ${at}, case when value ->> 6 = 'failed' then ${at} end
      from ${dialect.jsonArrayRows(json)}
      where true
      on conflict (idempotency_key) do nothing`.execute(db);
  }
}

/**
 * Claims up to `limit` due deliveries of a channel for this worker (compare-and-set, like the job
 * runner): due ones, and in-flight ones whose lease ran out because their worker died. The claim
 * counts the attempt before the hand-over, so a crash mid-hand-over still counts.
 */
export async function claimDue(db: Db, input: { channel: string; now: string; lease: string; leaseUntil: string; limit: number }): Promise<SendDeliveryTable[]> {
  if (input.limit <= 0) return [];
  const candidates = db
    .selectFrom('send_deliveries')
    .select('idempotency_key')
    .where('channel', '=', input.channel)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['queued', 'retrying']), eb('next_attempt_at', '<=', input.now)]),
        eb.and([eb('status', '=', 'in_flight'), eb('locked_until', '<', input.now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(input.limit);
  await db
    .updateTable('send_deliveries')
    .set({ status: 'in_flight', lease: input.lease, locked_until: input.leaseUntil, attempts: sql<number>`attempts + 1` })
    .where('idempotency_key', 'in', candidates)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['queued', 'retrying']), eb('next_attempt_at', '<=', input.now)]),
        eb.and([eb('status', '=', 'in_flight'), eb('locked_until', '<', input.now)]),
      ]),
    )
    .execute();
  return db.selectFrom('send_deliveries').selectAll().where('lease', '=', input.lease).where('status', '=', 'in_flight').execute();
}

export type Settlement =
  | { status: 'delivered'; externalId: string | null }
  | { status: 'retrying'; reason: string; nextAttemptAt: string }
  | { status: 'failed' | 'gone' | 'skipped'; reason: string };

/** Records what a hand-over came to, only while this worker still holds the lease. */
export async function settle(db: Db, key: string, lease: string, settlement: Settlement, now: string): Promise<boolean> {
  const base = { lease: null, locked_until: null };
  const changes =
    settlement.status === 'delivered'
      ? { ...base, status: 'delivered', external_id: settlement.externalId, last_error: null, finished_at: now }
      : settlement.status === 'retrying'
        ? { ...base, status: 'retrying', last_error: settlement.reason.slice(0, 1000), next_attempt_at: settlement.nextAttemptAt }
        : { ...base, status: settlement.status, last_error: settlement.reason.slice(0, 1000), finished_at: now };
  const result = await db.updateTable('send_deliveries').set(changes).where('idempotency_key', '=', key).where('lease', '=', lease).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The earliest time any delivery becomes due or its lease runs out (for the worker's sleep). */
export async function nextDue(db: Db, channels: readonly string[]): Promise<string | undefined> {
  if (channels.length === 0) return undefined;
  const row = await db
    .selectFrom('send_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('status', 'in', ['queued', 'retrying'])
    .where('channel', 'in', [...channels])
    .executeTakeFirst();
  const lease = await db
    .selectFrom('send_deliveries')
    .select((eb) => eb.fn.min('locked_until').as('at'))
    .where('status', '=', 'in_flight')
    .where('channel', 'in', [...channels])
    .executeTakeFirst();
  const times = [row?.at, lease?.at].filter((t): t is string => typeof t === 'string');
  return times.sort()[0];
}

export type DeliveryCounts = Record<'queued' | 'delivered' | 'retrying' | 'failed' | 'gone' | 'skipped', number>;

/** Delivery figures per message and channel, for the history (in flight counts as queued). */
export async function countDeliveries(db: Db, organisationId: string, messageIds: readonly string[]): Promise<Map<string, Map<string, DeliveryCounts>>> {
  const out = new Map<string, Map<string, DeliveryCounts>>();
  if (messageIds.length === 0) return out;
  const rows = await db
    .selectFrom('send_deliveries')
    .select(['message_id', 'channel', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('message_id', 'in', [...messageIds])
    .groupBy(['message_id', 'channel', 'status'])
    .execute();
  for (const row of rows) {
    let byChannel = out.get(row.message_id);
    if (!byChannel) out.set(row.message_id, (byChannel = new Map<string, DeliveryCounts>()));
    let counts = byChannel.get(row.channel);
    if (!counts) byChannel.set(row.channel, (counts = { queued: 0, delivered: 0, retrying: 0, failed: 0, gone: 0, skipped: 0 }));
    const bucket = row.status === 'in_flight' ? 'queued' : (row.status as keyof DeliveryCounts);
    counts[bucket] += Number(row.n);
  }
  return out;
}

export interface DeliveryFilter {
  organisationId: string;
  messageId: string;
  channel?: string;
  status?: DeliveryStatus;
  /** Keys after this one (paging). */
  after?: string;
  limit: number;
}

export async function listDeliveries(db: Db, filter: DeliveryFilter): Promise<SendDeliveryTable[]> {
  let query = db.selectFrom('send_deliveries').selectAll().where('organisation_id', '=', filter.organisationId).where('message_id', '=', filter.messageId);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.after) query = query.where('idempotency_key', '>', filter.after);
  return query.orderBy('idempotency_key').limit(filter.limit).execute();
}
