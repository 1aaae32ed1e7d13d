import type { Db } from '#platform/db/database.ts';
import type { AlertRuleTable, WatchlistTable } from '#watch/tables.ts';
import type { AlertRule, Watchlist, WatchlistScope } from './watchlist.ts';

export function fromRuleRow(row: AlertRuleTable): AlertRule {
  return {
    id: row.id,
    watchlistId: row.watchlist_id,
    name: row.name,
    condition: JSON.parse(row.condition) as AlertRule['condition'],
    channels: JSON.parse(row.channels) as AlertRule['channels'],
    throttleMinutes: row.throttle_minutes,
    enabled: row.enabled === 1,
  };
}

function fromRow(row: WatchlistTable, rules: AlertRule[]): Watchlist {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    scope: JSON.parse(row.scope) as WatchlistScope,
    sensitivity: row.sensitivity,
    enabled: row.enabled === 1,
    rules,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The organisation's watchlists with their rules, by name. */
export async function listWatchlists(db: Db, organisationId: string): Promise<Watchlist[]> {
  const rows = await db.selectFrom('watchlists').selectAll().where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();
  const rules = await db.selectFrom('alert_rules').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => fromRow(row, rules.filter((r) => r.watchlist_id === row.id).map(fromRuleRow)));
}

export async function findWatchlist(db: Db, organisationId: string, id: string): Promise<Watchlist | undefined> {
  const row = await db.selectFrom('watchlists').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const rules = await db.selectFrom('alert_rules').selectAll().where('watchlist_id', '=', id).orderBy('created_at').orderBy('id').execute();
  return fromRow(row, rules.map(fromRuleRow));
}

export async function findRule(db: Db, id: string): Promise<AlertRule | undefined> {
  const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRuleRow(row);
}
