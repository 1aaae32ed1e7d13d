import type { Selectable } from 'kysely';
import type { Priority } from '#core/taxonomy.ts';
import type { Db } from '#platform/db/database.ts';
import type { MediaTable, TipTable } from './tables.ts';
import type { Photo, Tip, TipContact, TipStatus } from './tip.ts';

/** Queries on the ask module's tips and media tables; plain rows in, plain objects out. */
type Executor = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;

export type TipRow = Selectable<TipTable>;
export type MediaRow = Selectable<MediaTable>;

export async function insertTips(db: Executor, rows: TipRow[]): Promise<void> {
  // 23 columns a row: 40 rows stay under SQLite's 999 bound parameters of older builds.
  for (let i = 0; i < rows.length; i += 40) await db.insertInto('tips').values(rows.slice(i, i + 40)).execute();
}

export async function insertMedia(db: Executor, rows: MediaRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 40) await db.insertInto('media').values(rows.slice(i, i + 40)).execute();
}

export interface QueueQuery {
  organisationId: string;
  limit: number;
  status?: TipStatus[];
  appealId?: string;
  incidentId?: string;
  /** `score:id` of the last item of the previous page. */
  after?: { score: number; id: string };
}

/** The triage queue: highest priority score first, newest first within a score. */
export async function queryQueue(db: Executor, query: QueueQuery): Promise<TipRow[]> {
  let q = db.selectFrom('tips').selectAll().where('organisation_id', '=', query.organisationId);
  if (query.status && query.status.length > 0) q = q.where('status', 'in', query.status);
  if (query.appealId) q = q.where('appeal_id', '=', query.appealId);
  if (query.incidentId) q = q.where('incident_id', '=', query.incidentId);
  const after = query.after;
  if (after) q = q.where((eb) => eb.or([eb('priority_score', '<', after.score), eb.and([eb('priority_score', '=', after.score), eb('id', '<', after.id)])]));
  return q.orderBy('priority_score', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

export async function findTipRow(db: Executor, organisationId: string, id: string): Promise<TipRow | undefined> {
  return db.selectFrom('tips').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function mediaOf(db: Executor, ownerType: 'tip' | 'appeal', ownerIds: string[]): Promise<MediaRow[]> {
  if (ownerIds.length === 0) return [];
  return db.selectFrom('media').selectAll().where('owner_type', '=', ownerType).where('owner_id', 'in', ownerIds).orderBy('id').execute();
}

export async function findMediaRow(db: Executor, organisationId: string, id: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function findMediaRows(db: Executor, ids: string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
}

/** Sizes of the near-duplicate groups, for the queue's "3 similar photos" badge. */
export async function groupSizes(db: Executor, organisationId: string, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('media')
    .select(['group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('group_id', 'in', groupIds)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id!, Number(r.n)]));
}

/** Perceptual hashes of the organisation's processed photos since `since`, for the grouping index. */
export async function recentHashes(db: Executor, organisationId: string, since: string, limit: number): Promise<{ id: string; phash: string; group_id: string }[]> {
  const rows = await db
    .selectFrom('media')
    .select(['id', 'phash', 'group_id'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'processed')
    .where('processed_at', '>=', since)
    .orderBy('processed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.filter((r) => r.phash !== null && r.group_id !== null) as { id: string; phash: string; group_id: string }[];
}

export function toPhoto(row: MediaRow, groupSize: number): Photo {
  return {
    id: row.id,
    status: row.status,
    contentType: row.content_type,
    byteSize: Number(row.byte_size),
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    phash: row.phash,
    groupId: row.group_id,
    groupSize,
    exif: { takenAt: row.exif_taken_at, lat: row.exif_lat, lon: row.exif_lon },
    rejectReason: row.reject_reason,
    processedAt: row.processed_at,
  };
}

export function toTip(row: TipRow, photos: Photo[]): Tip {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    appealId: row.appeal_id,
    incidentId: row.incident_id,
    text: row.text,
    location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon, accuracyM: row.location_accuracy_m },
    observedAt: row.observed_at,
    receivedAt: row.received_at,
    anonymous: row.anonymous === 1,
    contact: row.contact === null ? null : (JSON.parse(row.contact) as TipContact),
    language: row.language,
    category: row.category,
    priority: row.priority as Priority | null,
    relevance: row.relevance,
    priorityScore: Number(row.priority_score),
    triagedAt: row.triaged_at,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    statusChangedBy: row.status_changed_by,
    photoCount: Number(row.photo_count),
    photos,
  };
}

/** Tips with their photos and group sizes, in the order given. */
export async function hydrateTips(db: Executor, organisationId: string, rows: TipRow[]): Promise<Tip[]> {
  const media = await mediaOf(
    db,
    'tip',
    rows.filter((r) => Number(r.photo_count) > 0).map((r) => r.id),
  );
  const sizes = await groupSizes(db, organisationId, [...new Set(media.map((m) => m.group_id).filter((g): g is string => g !== null))]);
  const byTip = new Map<string, Photo[]>();
  for (const m of media) {
    const list = byTip.get(m.owner_id) ?? [];
    list.push(toPhoto(m, m.group_id ? (sizes.get(m.group_id) ?? 1) : 0));
    byTip.set(m.owner_id, list);
  }
  return rows.map((r) => toTip(r, byTip.get(r.id) ?? []));
}

export interface AppealTipFigures {
  tips: number;
  useful: number;
  firstUsefulReceivedAt: string | null;
  firstTipReceivedAt: string | null;
}

/** Tip counts of one appeal and when the first useful one arrived (SPEC A1 figures). */
export async function appealTipFigures(db: Executor, appealId: string): Promise<AppealTipFigures> {
  const all = await db
    .selectFrom('tips')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('received_at').as('first')])
    .where('appeal_id', '=', appealId)
    .executeTakeFirst();
  const useful = await db
    .selectFrom('tips')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('received_at').as('first')])
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'useful')
    .executeTakeFirst();
  return {
    tips: Number(all?.n ?? 0),
    useful: Number(useful?.n ?? 0),
    firstTipReceivedAt: (all?.first as string | null | undefined) ?? null,
    firstUsefulReceivedAt: (useful?.first as string | null | undefined) ?? null,
  };
}
