import type { Db } from '#platform/db/database.ts';
import type { SendSubscriptionTable } from '#send/tables.ts';
import type { AreaInput, AreaShape } from '../targeting/area.ts';
import type { AreaGeometry, BBox } from '../targeting/geometry.ts';
import type { IndexedSubscription } from '../targeting/subscription-index.ts';
import type { Subscription, SubscriptionChannel, SubscriptionStatus } from './subscription.ts';

export function fromRow(r: SendSubscriptionTable): Subscription {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    channel: r.channel as SubscriptionChannel,
    address: r.address,
    language: r.language === 'en' ? 'en' : 'nl',
    topics: JSON.parse(r.topics) as string[],
    area: JSON.parse(r.area) as AreaInput,
    status: r.status as SubscriptionStatus,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
  };
}

type IndexColumns = Pick<SendSubscriptionTable, 'id' | 'organisation_id' | 'channel' | 'language' | 'topics' | 'area' | 'geometry' | 'min_lon' | 'min_lat' | 'max_lon' | 'max_lat'>;
const INDEX_COLUMNS = ['id', 'organisation_id', 'channel', 'language', 'topics', 'area', 'geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat'] as const;

/** A stored row as the index sees it; circles and municipalities come from the area as given. */
export function toIndexed(r: IndexColumns): IndexedSubscription {
  const area = JSON.parse(r.area) as AreaInput;
  let shape: AreaShape;
  if (area.kind === 'circle') shape = { kind: 'circle', lat: area.lat, lon: area.lon, radiusM: area.radiusM };
  else if (area.kind === 'municipality') shape = { kind: 'municipality', code: area.code.toUpperCase() };
  else shape = { kind: 'polygon', geometry: JSON.parse(r.geometry ?? 'null') as AreaGeometry };
  const bbox: BBox = [r.min_lon, r.min_lat, r.max_lon, r.max_lat];
  return { id: r.id, organisationId: r.organisation_id, channel: r.channel, language: r.language === 'en' ? 'en' : 'nl', topics: JSON.parse(r.topics) as string[], shape, bbox };
}

export async function insertSubscription(db: Db, row: SendSubscriptionTable): Promise<void> {
  await db.insertInto('send_subscriptions').values(row).execute();
}

export async function findSubscription(db: Db, id: string): Promise<SendSubscriptionTable | undefined> {
  return db.selectFrom('send_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByConfirmHash(db: Db, hash: string): Promise<SendSubscriptionTable | undefined> {
  return db.selectFrom('send_subscriptions').selectAll().where('confirm_token_hash', '=', hash).executeTakeFirst();
}

/** Addresses and languages of active subscriptions, for a batch of deliveries. */
export async function recipientRows(db: Db, ids: readonly string[]): Promise<Pick<SendSubscriptionTable, 'id' | 'address' | 'language' | 'status'>[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('send_subscriptions').select(['id', 'address', 'language', 'status']).where('id', 'in', [...ids]).execute();
}

/**
 * Unsubscribing keeps nothing personal: the address, the area and the topics are wiped and only
 * a tombstone (id, status, times) stays, so that other processes' indexes learn of the removal.
 */
export async function wipeSubscription(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('send_subscriptions')
    .set({ status: 'removed', address: '', topics: '[]', area: '{}', geometry: null, min_lon: 0, min_lat: 0, max_lon: 0, max_lat: 0, confirm_token_hash: null, confirm_expires_at: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '!=', 'removed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Active subscriptions in id order, a page at a time (the index loads millions). */
export async function activePage(db: Db, afterId: string, limit: number): Promise<IndexColumns[]> {
  return db.selectFrom('send_subscriptions').select(INDEX_COLUMNS).where('status', '=', 'active').where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Rows changed at or after `since` (activations and removals), for keeping an index current. */
export async function changedSince(db: Db, since: string, limit: number): Promise<(IndexColumns & { status: string; updated_at: string })[]> {
  return db
    .selectFrom('send_subscriptions')
    .select([...INDEX_COLUMNS, 'status', 'updated_at'])
    .where('updated_at', '>=', since)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}
