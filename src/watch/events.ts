import type { AnalysedPost } from './analysis.ts';
import type { Post } from './post.ts';

/** Events of the watch module (the bus contract, see platform/bus/events.ts). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /** A post was stored for the first time (never for a duplicate). */
    'post.received': { post: Post };
    /** The pipeline has enriched and classified a post (or re-classified it after feedback). */
    'post.analysed': { post: AnalysedPost };
    /** A connector was created, changed or deleted: ingest processes (re)start or stop it. */
    'connector.changed': { connectorId: string };
  }
}
