import type { Db } from '#platform/db/database.ts';
import type { SignalTable } from '#watch/tables.ts';
import { fromSignalRow, type Signal, type SignalReview } from './signal.ts';

/** Inserts signals or updates the detector's fields of existing ones (the operator's review is kept). */
export async function upsertSignals(db: Db, rows: SignalTable[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('signals')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          status: row.status,
          first_post_at: row.first_post_at,
          last_post_at: row.last_post_at,
          observed: row.observed,
          expected: row.expected,
          score: row.score,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }
}

/** Links posts to signals; a link made before (a redelivered batch) is kept once. */
export async function insertSignalPosts(db: Db, rows: { signal_id: string; post_id: string; organisation_id: string; added_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('signal_posts')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['signal_id', 'post_id']).doNothing())
      .execute();
  }
}

export async function loadDetectorState(db: Db, organisationId: string): Promise<{ state: string; version: number } | undefined> {
  return db.selectFrom('signal_detector_state').select(['state', 'version']).where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** Saves the state if nobody else did since `expectedVersion` was read; false on a lost race. */
export async function saveDetectorState(db: Db, organisationId: string, state: string, expectedVersion: number | null, now: string): Promise<boolean> {
  if (expectedVersion === null) {
    const inserted = await db
      .insertInto('signal_detector_state')
      .values({ organisation_id: organisationId, state, version: 1, updated_at: now })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
  const updated = await db
    .updateTable('signal_detector_state')
    .set({ state, version: expectedVersion + 1, updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export interface SignalQuery {
  organisationId: string;
  limit: number;
  /** Only signals detected before this signal id (ids are time-ordered by detection). */
  before?: string;
  since?: string;
  category?: string;
  status?: 'open' | 'closed';
  review?: SignalReview;
}

export async function querySignals(db: Db, q: SignalQuery): Promise<Signal[]> {
  let query = db.selectFrom('signals').selectAll().where('organisation_id', '=', q.organisationId);
  if (q.before) query = query.where('id', '<', q.before);
  if (q.since) query = query.where('last_post_at', '>=', q.since);
  if (q.category) query = query.where('category', '=', q.category);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.review) query = query.where('review', '=', q.review);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map(fromSignalRow);
}

export async function findSignal(db: Db, organisationId: string, id: string): Promise<Signal | undefined> {
  const row = await db.selectFrom('signals').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row && fromSignalRow(row);
}

/** The posts behind a signal, oldest link first. */
export async function signalPostIds(db: Db, signalId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('signal_posts').select('post_id').where('signal_id', '=', signalId).orderBy('post_id').limit(limit).execute();
  return rows.map((r) => r.post_id);
}
