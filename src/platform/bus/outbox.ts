import { newId } from '#core/ids.ts';
import type { Database, Tx } from '../db/database.ts';
import type { OutboxTable } from '../db/schema.ts';
import { encodePayload } from './codecs.ts';
import type { BusEvent, EventMap, EventType } from './events.ts';

export type OutboxRow = Omit<OutboxTable, 'seq'> & { seq: number };
/** An outbox row read with or without its payload. */
export type OutboxHead = Omit<OutboxRow, 'payload'> & { payload?: string };

const INSERT_EVENT = 'insert into outbox (id, type, organisation_id, occurred_at, payload, published_at) values (?, ?, ?, ?, ?, null)';

/** Inserts the event into the outbox inside `tx` (both transports start here). */
export async function stageEvent<K extends EventType>(
  database: Database,
  tx: Tx,
  type: K,
  payload: EventMap[K],
  organisationId: string | null,
  now: Date,
  onStaged?: OnStaged,
): Promise<BusEvent<K>> {
  const [event] = await stageEvents(database, tx, type, [{ payload, organisationId }], now, onStaged);
  return event!;
}

/** Hears of each event staged, with the length of its payload's JSON as stored (codecs.ts). */
export type OnStaged = (event: BusEvent, payloadLength: number) => void;

/** Inserts several events of one type in one statement (hot paths publish per batch). */
export async function stageEvents<K extends EventType>(
  database: Database,
  tx: Tx,
  type: K,
  items: readonly { payload: EventMap[K]; organisationId: string | null }[],
  now: Date,
  onStaged?: OnStaged,
): Promise<BusEvent<K>[]> {
  if (items.length === 0) return [];
  await database.dialect.lockLog(tx.db, 'outbox');
  const occurredAt = now.toISOString();
  const events: BusEvent<K>[] = items.map((item) => ({ id: newId(now.getTime()), type, organisationId: item.organisationId, occurredAt, payload: item.payload }));
  const payloads = events.map((e) => JSON.stringify(encodePayload(type, e.payload)));
  if (onStaged) for (let i = 0; i < events.length; i++) onStaged(events[i]!, payloads[i]!.length);
  const insert = tx.prepared(INSERT_EVENT);
  if (insert) {
    // SQLite: one prepared row insert per event inside the caller's transaction; the query
    // builder's multi-row insert costs several times SQLite's own work per row.
    for (let i = 0; i < events.length; i++) insert.run(events[i]!.id, type, events[i]!.organisationId, occurredAt, payloads[i]);
    return events;
  }
  for (let i = 0; i < events.length; i += 500) {
    await tx.db
      .insertInto('outbox')
      .values(events.slice(i, i + 500).map((e, k) => ({ id: e.id, type, organisation_id: e.organisationId, occurred_at: occurredAt, payload: payloads[i + k]!, published_at: null })))
      .execute();
  }
  return events;
}

/** The event of an outbox row, its payload as stored: see `decodeEvents` (codecs.ts). */
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

/**
 * Up to `limit` rows of the given types after `afterSeq`, oldest first, and `throughSeq`: how far
 * a consumer of only those types has then read (the last row when the batch is full, else the
 * newest row that existed when the read began). Rows of other types are passed over without
 * reading their payloads. Safe because `lockLog` makes every `seq` up to the newest visible one
 * committed (or never to be).
 */
export async function readOutboxOfTypes(database: Database, afterSeq: number, limit: number, types: readonly string[]): Promise<{ rows: OutboxRow[]; throughSeq: number }>;
/** The same without the payloads (`payload` left out), for a reader that has most of them in memory. */
export async function readOutboxOfTypes(database: Database, afterSeq: number, limit: number, types: readonly string[], withPayloads: false): Promise<{ rows: OutboxHead[]; throughSeq: number }>;
export async function readOutboxOfTypes(database: Database, afterSeq: number, limit: number, types: readonly string[], withPayloads = true): Promise<{ rows: OutboxHead[]; throughSeq: number }> {
  const newest = await lastOutboxSeq(database);
  if (newest <= afterSeq || types.length === 0) return { rows: [], throughSeq: Math.max(afterSeq, newest) };
  const rows = await database.db
    .selectFrom('outbox')
    .select(['seq', 'id', 'type', 'organisation_id', 'occurred_at', 'published_at'])
    .$if(withPayloads, (q) => q.select('payload'))
    .where('seq', '>', afterSeq)
    .where('seq', '<=', newest)
    .where('type', 'in', types)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return { rows, throughSeq: rows.length === limit ? rows[rows.length - 1]!.seq : newest };
}

/** The payloads of outbox rows by sequence number. */
export async function readPayloads(database: Database, seqs: readonly number[]): Promise<Map<number, string>> {
  const payloads = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await database.db.selectFrom('outbox').select(['seq', 'payload']).where('seq', 'in', seqs.slice(i, i + 500)).execute();
    for (const row of rows) payloads.set(Number(row.seq), row.payload);
  }
  return payloads;
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
