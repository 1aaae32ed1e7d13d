import { z } from 'zod';
import { isId } from '#core/ids.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { EventStreams } from '#platform/http/sse.ts';
import '../events.ts';
import type { AnalysedPost } from '../analysis.ts';
import type { PostService } from '../post-service.ts';
import { presentPost } from './schemas.ts';

const STATS_EVERY_MS = 5_000;
const RATE_WINDOW_MS = 10_000;
const CATCH_UP_LIMIT = 500;
/** At most this many stored posts seed the rate (50,000 posts/s over the window). */
const MAX_SEEDED_ARRIVALS = 500_000;

/**
 * GET /api/posts/stream: analysed posts of the caller's organisation as Server-Sent Events (`post`;
 * a post whose classification changed after feedback comes again with the same id),
 * plus `stats` (total and posts per second over the last 10 s) every 5 s. A reconnecting client
 * sends Last-Event-ID and first receives what it missed.
 */
export function registerPostsStream(app: HttpApp, deps: { posts: PostService; bus: EventBus; streams: EventStreams }): void {
  app.get(
    '/api/posts/stream',
    {
      schema: { tags: ['watch'], summary: 'Live posts (text/event-stream)', querystring: z.object({ since: z.string().max(64).optional() }) },
      config: { access: 'posts:read' },
    },
    async (request, reply) => {
      const { organisationId } = requirePrincipal(request);
      const lastEventId = request.headers['last-event-id'];
      const since = typeof lastEventId === 'string' && isId(lastEventId) ? lastEventId : request.query.since && isId(request.query.since) ? request.query.since : undefined;
      let received = await deps.posts.count(organisationId);
      const arrivals = await recentArrivals(deps.posts, organisationId);
      const stream = deps.streams.start(request, reply);
      // While catching up from the store, live events wait in a buffer; ids sent from the store
      // are not sent again.
      const caughtUp = new Set<string>();
      const buffered: AnalysedPost[] = [];
      let catchingUp = since !== undefined;

      const stop = deps.bus.listen(['posts.analysed'], (event) => {
        if (event.organisationId !== organisationId) return;
        for (const post of event.payload.posts) {
          if (!post.analysis?.feedback) {
            received += 1;
            arrivals.push(Date.now());
          }
          if (catchingUp) buffered.push(post);
          else stream.send('post', presentPost(post), post.id);
        }
      });
      const sendStats = () => {
        const cutoff = Date.now() - RATE_WINDOW_MS;
        while (arrivals.length > 0 && arrivals[0]! < cutoff) arrivals.shift();
        stream.send('stats', { received, rate: arrivals.length / (RATE_WINDOW_MS / 1000) });
      };
      const stats = setInterval(sendStats, STATS_EVERY_MS);
      stream.onClose(() => {
        stop();
        clearInterval(stats);
      });

      if (since) {
        const missed = await deps.posts.list({ organisationId, limit: CATCH_UP_LIMIT, after: since });
        for (const post of missed.items) {
          stream.send('post', presentPost(post), post.id);
          caughtUp.add(post.id);
        }
        catchingUp = false;
        for (const post of buffered.splice(0)) {
          if (!caughtUp.has(post.id) || post.analysis?.feedback) stream.send('post', presentPost(post), post.id);
        }
      }
      sendStats();
    },
  );
}

/**
 * The arrival times to start the rate from: the posts stored in the last window, spread evenly
 * over it (their exact times do not matter for a count), so that a dashboard opened in the middle
 * of a stream shows its rate at once instead of 0 for the first window.
 */
async function recentArrivals(posts: PostService, organisationId: string): Promise<number[]> {
  const now = Date.now();
  const recent = Math.min(MAX_SEEDED_ARRIVALS, await posts.countSince(organisationId, now - RATE_WINDOW_MS));
  return Array.from({ length: recent }, (_, i) => now - RATE_WINDOW_MS + ((i + 0.5) * RATE_WINDOW_MS) / recent);
}
