import { chunked } from '#core/batches.ts';
import { registerCodec } from '#platform/bus/codecs.ts';
import type { AnalysedPost } from './analysis.ts';
import type { Post } from './post.ts';
import { findAnalysedPostsByIds, findPostsByIds } from './post-store.ts';

/**
 * Events of the watch module (the bus contract, see platform/bus/events.ts). Posts travel in
 * batches: one event per stored batch rather than one per post, because at tens of thousands of
 * posts a second an outbox row, its payload and its delivery per post cost more than the posts'
 * own rows (docs/decisions/0016-watch-batch-events.md). Both post events are stored and sent as
 * the posts' ids (codecs below): consumers in the publishing process get the posts from memory,
 * others read them from the store (docs/decisions/0017-event-codecs.md).
 */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /** Posts of one organisation stored for the first time (never duplicates), in the order they were stored. */
    'posts.received': { posts: Post[] };
    /**
     * The pipeline has enriched and classified posts of one organisation, or an operator's
     * feedback re-classified one (its `analysis.feedback` is set). At most
     * `ANALYSED_EVENT_POSTS` posts and about `ANALYSED_EVENT_BYTES` of posts per event. A
     * consumer that reads them from the store (another process, or after a restart) sees each
     * post's analysis as stored then.
     */
    'posts.analysed': { posts: AnalysedPost[] };
    /** A connector was created, changed or deleted: ingest processes (re)start or stop it. */
    'connector.changed': { connectorId: string };
  }
}

/** Most posts in one `posts.received` event. */
export const RECEIVED_EVENT_POSTS = 1000;
/** Most posts in one `posts.analysed` event. */
export const ANALYSED_EVENT_POSTS = 250;
/**
 * Bytes of posts (as JSON, estimated generously, see `postBytes`) one post event stays under: a
 * consumer's delivery of a few events stays a few megabytes, and a payload stored in full (as
 * before the codecs) stays well inside NATS's default 1 MB message limit; texts may be up to
 * 20,000 characters.
 */
export const ANALYSED_EVENT_BYTES = 384 * 1024;

/**
 * A generous estimate of a post's JSON size without serialising it: twice its free-text fields
 * (escapes are rare), room for its lists, and 1,500 bytes for the rest (measured: about 1,100).
 */
function postBytes(post: Post): number {
  let chars = post.text.length + (post.url?.length ?? 0);
  for (const m of post.media) chars += m.url.length + m.type.length;
  for (const h of post.hashtags) chars += h.length + 3;
  for (const m of post.mentions) chars += m.length + 3;
  return 2 * chars + 1500;
}

/** Analysed posts of one organisation as the payloads of `posts.analysed` events. */
export function analysedEventPayloads(posts: readonly AnalysedPost[]): { posts: AnalysedPost[] }[] {
  return chunked(posts, ANALYSED_EVENT_POSTS, ANALYSED_EVENT_BYTES, postBytes).map((chunk) => ({ posts: chunk }));
}

/** Posts of one organisation as the payloads of `posts.received` events. */
export function receivedEventPayloads(posts: readonly Post[]): { posts: Post[] }[] {
  // By count only: the posts are a connector's batch, in memory anyway, and stored as ids.
  return chunked(posts, RECEIVED_EVENT_POSTS).map((chunk) => ({ posts: chunk }));
}

/** The ids a stored post event names; anything else in it is ignored. */
function storedIds(stored: unknown): string[] {
  const ids = (stored as { postIds?: unknown } | null)?.postIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** For the memory bus's budget: roughly, the texts and a constant per post (lists are short). */
function sizeOf(payload: { posts: readonly Post[] }): number {
  let size = 0;
  for (const post of payload.posts) size += 2 * post.text.length + 1500;
  return size;
}

registerCodec('posts.received', {
  encode: (payload) => ({ postIds: payload.posts.map((p) => p.id) }),
  decode: async (stored, database) => ({ posts: await database.transaction((tx) => findPostsByIds(tx, storedIds(stored))) }),
  size: sizeOf,
});

registerCodec('posts.analysed', {
  encode: (payload) => ({ postIds: payload.posts.map((p) => p.id) }),
  decode: async (stored, database) => {
    // Stored in full before the codecs: taken as it is.
    const posts = (stored as { posts?: unknown } | null)?.posts;
    if (Array.isArray(posts)) return { posts: posts as AnalysedPost[] };
    return { posts: await findAnalysedPostsByIds(database.db, storedIds(stored)) };
  },
  size: sizeOf,
});
