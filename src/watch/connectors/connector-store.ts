import type { Db } from '#platform/db/database.ts';
import type { ConnectorHealthTable, ConnectorTable } from '#watch/tables.ts';
import type { ConnectorHealth } from './connector.ts';

export interface ConnectorRecord {
  id: string;
  organisationId: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectorHealthRecord extends ConnectorHealth {
  lastPostAt: string | null;
  postsTotal: number;
  malformedTotal: number;
}

export function toRecord(row: ConnectorTable): ConnectorRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    name: row.name,
    config: JSON.parse(row.config) as Record<string, unknown>,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toHealth(row: ConnectorHealthTable | undefined): ConnectorHealthRecord {
  if (!row) return { state: 'stopped', message: null, since: new Date(0).toISOString(), lastPostAt: null, postsTotal: 0, malformedTotal: 0 };
  return {
    state: row.state as ConnectorHealth['state'],
    message: row.message,
    since: row.since,
    lastPostAt: row.last_post_at,
    postsTotal: Number(row.posts_total),
    malformedTotal: Number(row.malformed_total),
  };
}

export async function listConnectorRows(db: Db, organisationId?: string): Promise<ConnectorRecord[]> {
  let query = db.selectFrom('connectors').selectAll();
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  return (await query.orderBy('created_at').execute()).map(toRecord);
}

export async function findConnectorRow(db: Db, id: string): Promise<ConnectorRecord | undefined> {
  const row = await db.selectFrom('connectors').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function healthOf(db: Db, ids: string[]): Promise<Map<string, ConnectorHealthRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('connector_health').selectAll().where('connector_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.connector_id, toHealth(r)]));
}

/** Writes the health row; counters are added, not replaced, so several writers sum up. */
export async function writeHealth(
  db: Db,
  connectorId: string,
  update: { state: string; message: string | null; since: string; lastPostAt: string | null; addPosts: number; addMalformed: number },
  now: string,
): Promise<void> {
  await db
    .insertInto('connector_health')
    .values({
      connector_id: connectorId,
      state: update.state,
      message: update.message,
      since: update.since,
      last_post_at: update.lastPostAt,
      posts_total: update.addPosts,
      malformed_total: update.addMalformed,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('connector_id').doUpdateSet((eb) => ({
        state: update.state,
        message: update.message,
        since: update.since,
        last_post_at: update.lastPostAt === null ? eb.ref('connector_health.last_post_at') : update.lastPostAt,
        posts_total: eb('connector_health.posts_total', '+', update.addPosts),
        malformed_total: eb('connector_health.malformed_total', '+', update.addMalformed),
        updated_at: now,
      })),
    )
    .execute();
}
