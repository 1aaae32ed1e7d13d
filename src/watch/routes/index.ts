import type { EventBus } from '#platform/bus/bus.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { EventStreams } from '#platform/http/sse.ts';
import type { PostService } from '../post-service.ts';
import { registerPostGet } from './post-get.ts';
import { registerPostsList } from './posts-list.ts';
import { registerPostsStream } from './posts-stream.ts';

/** The watch module's HTTP routes. */
export function registerWatchRoutes(app: HttpApp, deps: { posts: PostService; bus: EventBus; streams: EventStreams }): void {
  registerPostsList(app, deps);
  registerPostsStream(app, deps);
  registerPostGet(app, deps);
}
