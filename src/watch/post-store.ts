import type { Db } from '#platform/db/database.ts';
import type { Dialect } from '#platform/db/dialect.ts';
import type { PostTable } from '#platform/db/schema.ts';
import type { Post } from './post.ts';

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
    hashtags: JSON.parse(row.hashtags) as string[],
    mentions: JSON.parse(row.mentions) as string[],
    media: JSON.parse(row.media) as Post['media'],
    replyTo: row.reply_to,
    repostOf: row.repost_of,
    quoteOf: row.quote_of,
  };
}

/** Inserts posts that are new for their (organisation, source, source id); returns the ids inserted. */
export async function insertNewPosts(db: Db, posts: Post[]): Promise<Set<string>> {
  if (posts.length === 0) return new Set();
  const rows = await db
    .insertInto('posts')
    .values(posts.map(toRow))
    .onConflict((oc) => oc.columns(['organisation_id', 'source', 'source_id']).doNothing())
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface PostQuery {
  organisationId: string;
  limit: number;
  /** Only posts older than this post id (ids are time-ordered). */
  before?: string;
  /** Only posts newer than this post id. */
  after?: string;
  /** Case-insensitive substring of the text. */
  text?: string;
  source?: string;
}

export async function queryPosts(db: Db, dialect: Dialect, q: PostQuery): Promise<Post[]> {
  let query = db.selectFrom('posts').selectAll().where('organisation_id', '=', q.organisationId);
  if (q.before) query = query.where('id', '<', q.before);
  if (q.after) query = query.where('id', '>', q.after);
  if (q.source) query = query.where('source', '=', q.source);
  if (q.text) {
    const needle = q.text;
    query = query.where((eb) => dialect.containsInsensitive(eb.ref('text'), needle));
  }
  const rows = await query.orderBy('id', q.after ? 'asc' : 'desc').limit(q.limit).execute();
  return rows.map(fromRow);
}

export async function findPost(db: Db, organisationId: string, id: string): Promise<Post | undefined> {
  const row = await db.selectFrom('posts').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

export async function countPosts(db: Db, organisationId: string): Promise<number> {
  const row = await db.selectFrom('posts').select((eb) => eb.fn.countAll().as('n')).where('organisation_id', '=', organisationId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
