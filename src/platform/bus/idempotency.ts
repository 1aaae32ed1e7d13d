import type { Tx } from '../db/database.ts';

/**
 * Records that `consumer` handled `eventId` inside the consumer's own transaction. Returns false
 * when it was already recorded, so a redelivered event changes nothing:
 *
 *   await db.transaction(async (tx) => { if (!(await markProcessed(tx, 'x', e.id, now))) return; … })
 */
export async function markProcessed(tx: Tx, consumer: string, eventId: string, now: Date): Promise<boolean> {
  const result = await tx.db
    .insertInto('processed_events')
    .values({ consumer, event_id: eventId, processed_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
