import { chunked } from '#core/batches.ts';
import type { AnalysedPost } from './analysis.ts';

/**
 * Events of the watch module (the bus contract, see platform/bus/events.ts). Posts travel in
 * batches: one event per stored batch rather than one per post, because at tens of thousands of
 * posts a second an outbox row, its payload and its delivery per post cost more than the posts'
 * own rows (docs/decisions/0016-watch-batch-events.md).
 */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /**
     * Posts of one organisation stored for the first time (never duplicates), in the order they
     * were stored. Only their ids: the posts are in the store, which the pipeline reads.
     */
    'posts.received': { postIds: string[] };
    /**
     * The pipeline has enriched and classified posts of one organisation, or an operator's
     * feedback re-classified one (its `analysis.feedback` is set). At most
     * `ANALYSED_EVENT_POSTS` posts and about `ANALYSED_EVENT_BYTES` of payload per event.
     */
    'posts.analysed': { posts: AnalysedPost[] };
    /** A connector was created, changed or deleted: ingest processes (re)start or stop it. */
    'connector.changed': { connectorId: string };
  }
}

/** Most post ids in one `posts.received` event (about 30 KB). */
export const RECEIVED_EVENT_POSTS = 1000;
/** Most posts in one `posts.analysed` event. */
export const ANALYSED_EVENT_POSTS = 250;
/**
 * Payload bytes `posts.analysed` stays under (estimated generously, see `analysedPostBytes`),
 * well inside NATS's default 1 MB message limit; texts may be up to 20,000 characters.
 */
export const ANALYSED_EVENT_BYTES = 384 * 1024;

/**
 * A generous estimate of a post's JSON size without serialising it: twice its free-text fields
 * (escapes are rare), room for its lists, and 1,500 bytes for the rest (measured: about 1,100).
 */
function analysedPostBytes(post: AnalysedPost): number {
  let chars = post.text.length + (post.url?.length ?? 0);
  for (const m of post.media) chars += m.url.length + m.type.length;
  for (const h of post.hashtags) chars += h.length + 3;
  for (const m of post.mentions) chars += m.length + 3;
  return 2 * chars + 1500;
}

/** Analysed posts of one organisation as the payloads of `posts.analysed` events. */
export function analysedEventPayloads(posts: readonly AnalysedPost[]): { posts: AnalysedPost[] }[] {
  return chunked(posts, ANALYSED_EVENT_POSTS, ANALYSED_EVENT_BYTES, analysedPostBytes).map((chunk) => ({ posts: chunk }));
}

/** Ids of posts of one organisation as the payloads of `posts.received` events. */
export function receivedEventPayloads(postIds: readonly string[]): { postIds: string[] }[] {
  return chunked(postIds, RECEIVED_EVENT_POSTS).map((chunk) => ({ postIds: chunk }));
}
