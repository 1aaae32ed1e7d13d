import type { Priority } from '#core/taxonomy.ts';
import type { Db } from '#platform/db/database.ts';
import { dominantCategory, topTerms, type ClusterPost, type ClusterState, type IncidentStatus } from './cluster.ts';
import type { IncidentMember, IncidentSummary } from './incident.ts';
import type { IncidentPostTable, IncidentTable } from './tables.ts';
import './tables.ts';

/** The text profile and category counts, kept together in the `terms` column. */
interface Profile {
  t: Record<string, number>;
  c: Record<string, number>;
}

export type IncidentRow = IncidentTable;

export function stateOf(row: IncidentRow): ClusterState {
  const profile = JSON.parse(row.terms) as Profile;
  return {
    id: row.id,
    status: row.status as IncidentStatus,
    priority: row.priority as Priority,
    firstAt: Date.parse(row.first_at),
    lastAt: Date.parse(row.last_at),
    postCount: row.post_count,
    located:
      row.lat !== null && row.lon !== null
        ? { count: row.located_count, lat: row.lat, lon: row.lon, minLat: row.min_lat ?? row.lat, minLon: row.min_lon ?? row.lon, maxLat: row.max_lat ?? row.lat, maxLon: row.max_lon ?? row.lon }
        : null,
    terms: profile.t,
    categories: profile.c,
  };
}

/** The row columns that follow from a cluster state. */
export function stateColumns(state: ClusterState): Omit<IncidentRow, 'id' | 'organisation_id' | 'place_name' | 'signal_ids' | 'merged_into' | 'verdict' | 'verdict_note' | 'created_at' | 'updated_at'> {
  // Only the most used terms are kept: the profile compares with a post's words, and a long tail
  // of words used once would make every row grow with every member.
  const kept = Object.fromEntries(topTerms(state.terms, 200).map((term) => [term, state.terms[term]!]));
  return {
    status: state.status,
    category: dominantCategory(state),
    priority: state.priority,
    first_at: new Date(state.firstAt).toISOString(),
    last_at: new Date(state.lastAt).toISOString(),
    post_count: state.postCount,
    located_count: state.located?.count ?? 0,
    lat: state.located?.lat ?? null,
    lon: state.located?.lon ?? null,
    min_lat: state.located?.minLat ?? null,
    min_lon: state.located?.minLon ?? null,
    max_lat: state.located?.maxLat ?? null,
    max_lon: state.located?.maxLon ?? null,
    terms: JSON.stringify({ t: kept, c: state.categories } satisfies Profile),
  };
}

export function toSummary(row: IncidentRow): IncidentSummary {
  const profile = JSON.parse(row.terms) as Profile;
  return {
    id: row.id,
    status: row.status as IncidentStatus,
    category: row.category,
    priority: row.priority as Priority,
    placeName: row.place_name,
    firstAt: row.first_at,
    lastAt: row.last_at,
    postCount: row.post_count,
    locatedCount: row.located_count,
    centre: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    bounds: row.min_lat !== null && row.min_lon !== null && row.max_lat !== null && row.max_lon !== null ? [row.min_lon, row.min_lat, row.max_lon, row.max_lat] : null,
    terms: topTerms(profile.t, 8),
    mergedInto: row.merged_into,
    verdict: row.verdict ? { answer: row.verdict, note: row.verdict_note } : null,
    signalIds: JSON.parse(row.signal_ids) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function memberOf(row: IncidentPostTable): ClusterPost {
  return {
    id: row.post_id,
    at: Date.parse(row.created_at),
    lat: row.lat,
    lon: row.lon,
    category: row.category,
    priority: row.priority as Priority,
    terms: JSON.parse(row.terms) as string[],
  };
}

/** Open incidents (not closed, not merged) with a member within [from, to]. */
export async function openIncidents(db: Db, organisationId: string, from: string, to: string): Promise<IncidentRow[]> {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'closed')
    .where('merged_into', 'is', null)
    .where('last_at', '>=', from)
    .where('first_at', '<=', to)
    .execute();
}

export async function findIncident(db: Db, organisationId: string, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Post ids (of those given) that already belong to an incident. */
export async function memberPostIds(db: Db, organisationId: string, postIds: readonly string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db.selectFrom('incident_posts').select('post_id').where('organisation_id', '=', organisationId).where('post_id', 'in', postIds).execute();
  return new Set(rows.map((r) => r.post_id));
}

export async function membersOf(db: Db, incidentId: string): Promise<IncidentPostTable[]> {
  return db.selectFrom('incident_posts').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').execute();
}

/** Members with the post's text and place, oldest first, at most `limit`. */
export async function memberPosts(db: Db, organisationId: string, incidentId: string, limit: number): Promise<IncidentMember[]> {
  const rows = await db
    .selectFrom('incident_posts as m')
    .innerJoin('posts as p', 'p.id', 'm.post_id')
    .leftJoin('post_analysis as a', 'a.post_id', 'm.post_id')
    .select(['m.post_id', 'm.created_at', 'm.lat', 'm.lon', 'm.category', 'm.priority', 'p.text', 'a.place_name'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.incident_id', '=', incidentId)
    .orderBy('m.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ postId: r.post_id, createdAt: r.created_at, lat: r.lat, lon: r.lon, category: r.category, priority: r.priority as Priority, text: r.text, placeName: r.place_name }));
}

/** Member times of several incidents (for sparklines), grouped by incident. */
export async function memberTimes(db: Db, incidentIds: readonly string[]): Promise<Map<string, string[]>> {
  const times = new Map<string, string[]>();
  if (incidentIds.length === 0) return times;
  const rows = await db.selectFrom('incident_posts').select(['incident_id', 'created_at']).where('incident_id', 'in', incidentIds).execute();
  for (const row of rows) {
    let list = times.get(row.incident_id);
    if (!list) times.set(row.incident_id, (list = []));
    list.push(row.created_at);
  }
  return times;
}

export interface IncidentQuery {
  organisationId: string;
  status?: IncidentStatus;
  /** Only incidents with a member at or after this time. */
  since?: string;
  /** Only incidents with at least this many posts. */
  minPosts?: number;
  limit: number;
}

/** Incidents, most recently active first; merged incidents are left out. */
export async function queryIncidents(db: Db, q: IncidentQuery): Promise<IncidentRow[]> {
  let query = db.selectFrom('incidents').selectAll().where('organisation_id', '=', q.organisationId).where('merged_into', 'is', null);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.since) query = query.where('last_at', '>=', q.since);
  if (q.minPosts) query = query.where('post_count', '>=', q.minPosts);
  return query.orderBy('last_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}
