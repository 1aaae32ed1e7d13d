import type { Post } from './post.ts';

/** Events of the watch module (the bus contract, see platform/bus/events.ts). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /** A post was stored for the first time (never for a duplicate). */
    'post.received': { post: Post };
  }
}
