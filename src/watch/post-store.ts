import type { RawBuilder, SqlBool } from 'kysely';
import { firstIdAt } from '#core/ids.ts';
import type { Db, Tx } from '#platform/db/database.ts';
import type { Dialect } from '#platform/db/dialect.ts';
import type { PostTable } from '#watch/tables.ts';
import { withAnalysis, type AnalysedPost } from './analysis.ts';
import type { Post } from './post.ts';
import { fromAnalysisRow } from './pipeline/analysis-store.ts';

export function toRow(post: Post): PostTable {
  return {
    id: post.id,
    organisation_id: post.organisationId,
    source: post.source,
    source_id: post.sourceId,
    url: post.url,
    author_pseudonym: post.authorPseudonym,
    text: post.text,
    language: post.language,
    created_at: post.createdAt,
    received_at: post.receivedAt,
    lat: post.location?.lat ?? null,
    lon: post.location?.lon ?? null,
    location_precision: post.location?.precision ?? null,
    place_name: post.location?.placeName ?? null,
    hashtags: JSON.stringify(post.hashtags),
    mentions: JSON.stringify(post.mentions),
    media: JSON.stringify(post.media),
    reply_to: post.replyTo,
    repost_of: post.repostOf,
    quote_of: post.quoteOf,
  };
}

export function fromRow(row: PostTable): Post {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    source: row.source,
    sourceId: row.source_id,
    url: row.url,
    authorPseudonym: row.author_pseudonym,
    text: row.text,
    language: row.language,
    createdAt: row.created_at,
    receivedAt: row.received_at,
    location:
      row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon, precision: row.location_precision ?? 'exact', placeName: row.place_name } : null,
    hashtags: parseList(row.hashtags) as string[],
    mentions: parseList(row.mentions) as string[],
    media: parseList(row.media) as Post['media'],
    replyTo: row.reply_to,
    repostOf: row.repost_of,
    quoteOf: row.quote_of,
  };
}

/** A stored JSON list; most posts have none, and `[]` needs no parser. */
function parseList(json: string): unknown[] {
  return json === '[]' ? [] : (JSON.parse(json) as unknown[]);
}

/**
 * The posts with these ids inside `tx`, in the order of `ids`; ids not stored are left out. On
 * SQLite one prepared statement takes the ids as a JSON array.
 */
export async function findPostsByIds(tx: Tx, ids: readonly string[]): Promise<Post[]> {
  if (ids.length === 0) return [];
  const select = tx.prepared(SELECT_POSTS_BY_IDS);
  const rows = select ? (select.all(JSON.stringify(ids)) as PostTable[]) : await tx.db.selectFrom('posts').selectAll().where('id', 'in', ids).execute();
  const byId = new Map<string, PostTable>();
  for (const row of rows) byId.set(row.id, row);
  const posts: Post[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row !== undefined) posts.push(fromRow(row));
  }
  return posts;
}

const SELECT_POSTS_BY_IDS = 'select * from posts where id in (select value from json_each(?))';

/**
 * Inserts posts that are new for their (organisation, source, source id) inside `tx`; returns the
 * ids inserted. SQLite takes one prepared row insert per post (the query builder's multi-row
 * insert costs more per row than SQLite's own work); PostgreSQL takes multi-row inserts.
 */
export async function insertNewPosts(tx: Tx, posts: Post[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  const insert = tx.prepared(INSERT_POST);
  if (insert) {
    for (const p of posts) {
      const loc = p.location;
      const done = insert.run(
        p.id, p.organisationId, p.source, p.sourceId, p.url, p.authorPseudonym, p.text, p.language, p.createdAt, p.receivedAt,
        loc?.lat ?? null, loc?.lon ?? null, loc?.precision ?? null, loc?.placeName ?? null,
        jsonList(p.hashtags), jsonList(p.mentions), p.media.length === 0 ? '[]' : JSON.stringify(p.media), p.replyTo, p.repostOf, p.quoteOf,
      );
      if (done.changes > 0) inserted.add(p.id);
    }
    return inserted;
  }
  for (let from = 0; from < posts.length; from += INSERT_CHUNK) {
    const rows = await tx.db
      .insertInto('posts')
      .values(posts.slice(from, from + INSERT_CHUNK).map(toRow))
      .onConflict((oc) => oc.columns(['organisation_id', 'source', 'source_id']).doNothing())
      .returning('id')
      .execute();
    for (const r of rows) inserted.add(r.id);
  }
  return inserted;
}

const INSERT_POST =
  'insert into posts (id, organisation_id, source, source_id, url, author_pseudonym, text, language, created_at, received_at, lat, lon, location_precision, place_name, hashtags, mentions, media, reply_to, repost_of, quote_of) ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (organisation_id, source, source_id) do nothing';

/** Most posts carry no hashtags or mentions. */
function jsonList(items: readonly string[]): string {
  return items.length === 0 ? '[]' : JSON.stringify(items);
}

/** Rows per insert statement: 20 columns each stays under SQLite's 32,766 bound variables. */
const INSERT_CHUNK = 1000;

export interface PostQuery {
  organisationId: string;
  limit: number;
  /** Only posts older than this post id (ids are time-ordered). */
  before?: string;
  /** Only posts newer than this post id. */
  after?: string;
  /** Only posts stored at this time (Unix milliseconds) or later; newest first as usual. */
  receivedSince?: number;
  /** Search: every word of it (separated by white space) is a case-insensitive substring of the text (`searchWords`). */
  text?: string;
  source?: string;
  /** A category id, or `none` for posts judged not relevant. */
  category?: string;
  /** Any of these priorities. */
  priority?: string[];
  relevant?: boolean;
  /** Only posts with a location (explicit or from a place name). */
  located?: boolean;
}

const analysisColumns = [
  'a.language as a_language',
  'a.relevant as a_relevant',
  'a.relevance as a_relevance',
  'a.category as a_category',
  'a.priority as a_priority',
  'a.confidence as a_confidence',
  'a.explanation as a_explanation',
  'a.places as a_places',
  'a.lat as a_lat',
  'a.lon as a_lon',
  'a.location_precision as a_location_precision',
  'a.place_name as a_place_name',
  'a.near_duplicate_of as a_near_duplicate_of',
  'a.feedback_label as a_feedback_label',
  'a.feedback_priority as a_feedback_priority',
  'a.feedback_at as a_feedback_at',
] as const;

type JoinedRow = PostTable & {
  a_language: string | null;
  a_relevant: number | null;
  a_relevance: number | null;
  a_category: string | null;
  a_priority: string | null;
  a_confidence: number | null;
  a_explanation: string | null;
  a_places: string | null;
  a_lat: number | null;
  a_lon: number | null;
  a_location_precision: 'exact' | 'place' | null;
  a_place_name: string | null;
  a_near_duplicate_of: string | null;
  a_feedback_label: string | null;
  a_feedback_priority: string | null;
  a_feedback_at: string | null;
};

function fromJoinedRow(row: JoinedRow): AnalysedPost {
  const post = fromRow(row);
  if (row.a_relevant === null) return withAnalysis(post, null);
  const analysis = fromAnalysisRow({
    language: row.a_language,
    relevant: row.a_relevant,
    relevance: row.a_relevance ?? 0,
    category: row.a_category,
    priority: row.a_priority ?? 'low',
    confidence: row.a_confidence ?? 0,
    explanation: row.a_explanation ?? '[]',
    places: row.a_places ?? '[]',
    lat: row.a_lat,
    lon: row.a_lon,
    location_precision: row.a_location_precision,
    place_name: row.a_place_name,
    near_duplicate_of: row.a_near_duplicate_of,
    feedback_label: row.a_feedback_label,
    feedback_priority: row.a_feedback_priority,
    feedback_at: row.a_feedback_at,
  });
  return withAnalysis(post, analysis);
}

function selectAnalysed(db: Db) {
  return db.selectFrom('posts').leftJoin('post_analysis as a', 'a.post_id', 'posts.id').selectAll('posts').select(analysisColumns);
}

/**
 * `textCondition`: the condition for `q.text` when the caller has a better one than the scan
 * (search/text-index.ts: the text index's candidates).
 */
export async function queryPosts(db: Db, dialect: Dialect, q: PostQuery, textCondition?: RawBuilder<SqlBool>): Promise<AnalysedPost[]> {
  const rows = await postQuery(db, dialect, q, textCondition).execute();
  return rows.map((r) => fromJoinedRow(r as JoinedRow));
}

/** The words of a search: each must occur in the text (in any order, also inside longer words). At most 16. */
export function searchWords(text: string): string[] {
  return [...new Set(text.split(/\s+/u).filter(Boolean))].slice(0, 16);
}

/** The query of `queryPosts`, unexecuted (tests read its plan). */
export function postQuery(db: Db, dialect: Dialect, q: PostQuery, textCondition?: RawBuilder<SqlBool>) {
  // A column of one category (or one priority) is read newest first along the analysis index
  // (organisation, category or priority, post id): a rare category then costs what its own posts
  // cost, where a walk down all the organisation's posts read every post to find a few (a
  // category with none read them all). Otherwise the posts' own index leads. (post id = a.post_id.)
  const byAnalysis = (q.category !== undefined && q.category !== 'none') || (q.priority?.length === 1 && q.category === undefined);
  const id = byAnalysis ? 'a.post_id' : 'posts.id';
  let query = selectAnalysed(db).where('posts.organisation_id', '=', q.organisationId);
  if (byAnalysis) query = query.where('a.organisation_id', '=', q.organisationId);
  if (q.before) query = query.where(id, '<', q.before);
  if (q.after) query = query.where(id, '>', q.after);
  if (q.receivedSince !== undefined) query = query.where(id, '>=', firstIdAt(q.receivedSince));
  if (q.source) query = query.where('posts.source', '=', q.source);
  if (q.category === 'none') query = query.where('a.relevant', '=', 0);
  else if (q.category) query = query.where('a.category', '=', q.category).where('a.relevant', '=', 1);
  if (q.priority && q.priority.length > 0) query = query.where('a.priority', 'in', q.priority);
  if (q.relevant !== undefined) query = query.where('a.relevant', '=', q.relevant ? 1 : 0);
  if (q.located) query = query.where('a.lat', 'is not', null);
  if (q.text) {
    if (textCondition) query = query.where(textCondition);
    else for (const word of searchWords(q.text)) query = query.where((eb) => dialect.containsInsensitive(eb.ref('posts.text'), word));
  }
  return query.orderBy(id, q.after ? 'asc' : 'desc').limit(q.limit);
}

export async function findPost(db: Db, organisationId: string, id: string): Promise<AnalysedPost | undefined> {
  const row = await selectAnalysed(db).where('posts.organisation_id', '=', organisationId).where('posts.id', '=', id).executeTakeFirst();
  return row && fromJoinedRow(row);
}

/** The analysed posts with these ids, in the order of `ids`; ids not stored are left out. */
export async function findAnalysedPostsByIds(db: Db, ids: readonly string[]): Promise<AnalysedPost[]> {
  const byId = new Map<string, AnalysedPost>();
  for (let from = 0; from < ids.length; from += IDS_PER_QUERY) {
    const rows = await selectAnalysed(db).where('posts.id', 'in', ids.slice(from, from + IDS_PER_QUERY)).execute();
    for (const row of rows) byId.set(row.id, fromJoinedRow(row));
  }
  const posts: AnalysedPost[] = [];
  for (const id of ids) {
    const post = byId.get(id);
    if (post !== undefined) posts.push(post);
  }
  return posts;
}

/** Ids bound in one `in (…)` list: well under both stores' parameter limits. */
const IDS_PER_QUERY = 1000;

/** Posts of the organisation stored at `sinceMs` or later (post ids are time-ordered: an index range). */
export async function countPostsSince(db: Db, organisationId: string, sinceMs: number): Promise<number> {
  const row = await db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('id', '>=', firstIdAt(sinceMs))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countPosts(db: Db, organisationId: string): Promise<number> {
  const row = await db.selectFrom('posts').select((eb) => eb.fn.countAll().as('n')).where('organisation_id', '=', organisationId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
