import type { Database, Tx } from '#platform/db/database.ts';

/** A connector's stored resume position (any JSON), per organisation and connector id. */
export async function loadCursor<T>(database: Database, organisationId: string, connectorId: string): Promise<T | undefined> {
  const row = await database.db
    .selectFrom('connector_cursors')
    .select('cursor')
    .where('organisation_id', '=', organisationId)
    .where('connector_id', '=', connectorId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.cursor) as T) : undefined;
}

/** Saves the cursor inside `tx`, together with whatever the connector stored up to it. */
export async function saveCursor(tx: Tx, organisationId: string, connectorId: string, cursor: unknown, now: Date): Promise<void> {
  const value = JSON.stringify(cursor);
  const updatedAt = now.toISOString();
  await tx.db
    .insertInto('connector_cursors')
    .values({ organisation_id: organisationId, connector_id: connectorId, cursor: value, updated_at: updatedAt })
    .onConflict((oc) => oc.columns(['organisation_id', 'connector_id']).doUpdateSet({ cursor: value, updated_at: updatedAt }))
    .execute();
}
