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
 * Deletes delivered outbox rows older than `olderThan` (the memory transport keeps the outbox
 * as its log; rows every consumer has passed are no longer needed).
 */
export async function purgeOutbox(database: Database, olderThan: Date, upToSeq: number): Promise<number> {
  const result = await database.db
    .deleteFrom('outbox')
    .where('occurred_at', '<', olderThan.toISOString())
    .where('seq', '<=', upToSeq)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
