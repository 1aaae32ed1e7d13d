import type { Db } from '#platform/db/database.ts';
import type { RumourClaimTable, RumourCorrectionTable } from './tables.ts';
import './tables.ts';

export type ClaimRow = RumourClaimTable;
export type CorrectionRow = RumourCorrectionTable;

export async function findClaim(db: Db, organisationId: string, id: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('rumour_claims').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Claim ids of posts that are members of a claim, by post id. */
export async function claimsOfPosts(db: Db, organisationId: string, postIds: readonly string[]): Promise<Map<string, string>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.selectFrom('rumour_claim_posts').select(['post_id', 'claim_id']).where('organisation_id', '=', organisationId).where('post_id', 'in', postIds).execute();
  return new Map(rows.map((r) => [r.post_id, r.claim_id]));
}

export async function claimsOfLinks(db: Db, organisationId: string, links: readonly string[]): Promise<Map<string, string>> {
  if (links.length === 0) return new Map();
  const rows = await db.selectFrom('rumour_claim_urls').select(['url', 'claim_id']).where('organisation_id', '=', organisationId).where('url', 'in', links).execute();
  return new Map(rows.map((r) => [r.url, r.claim_id]));
}

/** Post ids by (source, source id): replies and reposts name their target by source id. */
export async function postIdsBySource(db: Db, organisationId: string, refs: readonly { source: string; sourceId: string }[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const bySource = new Map<string, string[]>();
  for (const ref of refs) {
    let list = bySource.get(ref.source);
    if (!list) bySource.set(ref.source, (list = []));
    list.push(ref.sourceId);
  }
  for (const [source, ids] of bySource) {
    const rows = await db.selectFrom('posts').select(['id', 'source_id']).where('organisation_id', '=', organisationId).where('source', '=', source).where('source_id', 'in', ids).execute();
    for (const row of rows) result.set(`${source}\u0000${row.source_id}`, row.id);
  }
  return result;
}

/** Claims with a member since `since`, for matching new posts by text. */
export async function recentClaims(db: Db, organisationId: string, since: string, limit: number): Promise<Pick<ClaimRow, 'id' | 'text'>[]> {
  return db.selectFrom('rumour_claims').select(['id', 'text']).where('organisation_id', '=', organisationId).where('last_at', '>=', since).orderBy('last_at', 'desc').limit(limit).execute();
}

export async function corrections(db: Db, organisationId: string): Promise<CorrectionRow[]> {
  return db.selectFrom('rumour_corrections').selectAll().where('organisation_id', '=', organisationId).orderBy('recorded_at', 'desc').limit(50).execute();
}

export async function latestCorrections(db: Db, claimIds: readonly string[]): Promise<Map<string, CorrectionRow>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db.selectFrom('rumour_corrections').selectAll().where('claim_id', 'in', claimIds).orderBy('recorded_at', 'asc').execute();
  return new Map(rows.map((r) => [r.claim_id, r]));
}

export async function claimMembers(db: Db, claimIds: readonly string[]): Promise<Map<string, { at: number; author: string }[]>> {
  const members = new Map<string, { at: number; author: string }[]>();
  if (claimIds.length === 0) return members;
  const rows = await db.selectFrom('rumour_claim_posts').select(['claim_id', 'created_at', 'author_pseudonym']).where('claim_id', 'in', claimIds).execute();
  for (const row of rows) {
    let list = members.get(row.claim_id);
    if (!list) members.set(row.claim_id, (list = []));
    list.push({ at: Date.parse(row.created_at), author: row.author_pseudonym });
  }
  return members;
}

export async function correctionPostTimes(db: Db, correctionIds: readonly string[]): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  if (correctionIds.length === 0) return times;
  const rows = await db.selectFrom('rumour_correction_posts').select(['correction_id', 'created_at']).where('correction_id', 'in', correctionIds).execute();
  for (const row of rows) {
    let list = times.get(row.correction_id);
    if (!list) times.set(row.correction_id, (list = []));
    list.push(Date.parse(row.created_at));
  }
  return times;
}

/** Correction ids whose reach includes any of these posts. */
export async function correctionsOfPosts(db: Db, organisationId: string, postIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (postIds.length === 0) return result;
  const rows = await db.selectFrom('rumour_correction_posts').select(['post_id', 'correction_id']).where('organisation_id', '=', organisationId).where('post_id', 'in', postIds).execute();
  for (const row of rows) {
    let list = result.get(row.post_id);
    if (!list) result.set(row.post_id, (list = []));
    list.push(row.correction_id);
  }
  return result;
}

export interface ClaimQuery {
  organisationId: string;
  state?: string;
  minPosts?: number;
  since?: string;
  limit: number;
}

export async function queryClaims(db: Db, q: ClaimQuery): Promise<ClaimRow[]> {
  let query = db.selectFrom('rumour_claims').selectAll().where('organisation_id', '=', q.organisationId);
  if (q.state) query = query.where('state', '=', q.state);
  if (q.minPosts) query = query.where('post_count', '>=', q.minPosts);
  if (q.since) query = query.where('last_at', '>=', q.since);
  return query.orderBy('last_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}
