import { newId } from '#core/ids.ts';
import type { Database, Tx } from '../db/database.ts';
import type { OutboxTable } from '../db/schema.ts';
import type { BusEvent, EventMap, EventType } from './events.ts';

export type OutboxRow = Omit<OutboxTable, 'seq'> & { seq: number };

/** Inserts the event into the outbox inside `tx` (both transports start here). */
export async function stageEvent<K extends EventType>(
  database: Database,
  tx: Tx,
  type: K,
  payload: EventMap[K],
  organisationId: string | null,
  now: Date,
): Promise<BusEvent<K>> {
  await database.dialect.lockLog(tx.db, 'outbox');
  const event: BusEvent<K> = { id: newId(now.getTime()), type, organisationId, occurredAt: now.toISOString(), payload };
  await tx.db
    .insertInto('outbox')
    .values({ id: event.id, type, organisation_id: organisationId, occurred_at: event.occurredAt, payload: JSON.stringify(payload), published_at: null })
    .execute();
  return event;
}

/** Inserts several events of one type in one statement (hot paths publish per batch). */
export async function stageEvents<K extends EventType>(
  database: Database,
  tx: Tx,
  type: K,
  items: readonly { payload: EventMap[K]; organisationId: string | null }[],
  now: Date,
): Promise<BusEvent<K>[]> {
  if (items.length === 0) return [];
  await database.dialect.lockLog(tx.db, 'outbox');
  const occurredAt = now.toISOString();
  const events = items.map((item) => ({ id: newId(now.getTime()), type, organisationId: item.organisationId, occurredAt, payload: item.payload }));
  for (let i = 0; i < events.length; i += 500) {
    await tx.db
      .insertInto('outbox')
      .values(events.slice(i, i + 500).map((e) => ({ id: e.id, type, organisation_id: e.organisationId, occurred_at: occurredAt, payload: JSON.stringify(e.payload), published_at: null })))
      .execute();
  }
  return events;
}

export function rowToEvent(row: OutboxRow): BusEvent {
  return {
    id: row.id,
    type: row.type as EventType,
    organisationId: row.organisation_id,
    occurredAt: row.occurred_at,
    payload: JSON.parse(row.payload) as BusEvent['payload'],
  };
}

/** Outbox rows after `afterSeq`, oldest first. */
export async function readOutbox(database: Database, afterSeq: number, limit: number): Promise<OutboxRow[]> {
  return database.db.selectFrom('outbox').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function lastOutboxSeq(database: Database): Promise<number> {
  const row = await database.db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * Deletes outbox rows that are no longer needed and older than `olderThan`: for the memory
 * transport (the outbox is its log) rows every durable consumer has passed; for NATS rows the
 * relay has published (JetStream keeps the stream itself).
 */
export async function purgeOutbox(database: Database, transport: 'memory' | 'nats', olderThan: Date): Promise<number> {
  let query = database.db.deleteFrom('outbox').where('occurred_at', '<', olderThan.toISOString());
  if (transport === 'nats') {
    query = query.where('published_at', 'is not', null);
  } else {
    const slowest = await database.db.selectFrom('bus_offsets').select((eb) => eb.fn.min('last_seq').as('seq')).executeTakeFirst();
    if (slowest?.seq === null || slowest?.seq === undefined) return 0; // no consumer has read yet
    query = query.where('seq', '<=', Number(slowest.seq));
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
