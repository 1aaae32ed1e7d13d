import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { FEED_CONTENT_TYPES } from '../feeds/build-feeds.ts';
import type { SendModule } from '../module.ts';

const FILES = { 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' } as const;

/** GET …/feeds/{rss.xml,atom.xml,feed.json}: the organisation's public messages as RSS 2.0, Atom 1.0 and JSON Feed 1.1. */
export function registerPublicFeeds(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/public/organisations/:organisationId/feeds/:file',
    {
      schema: {
        tags: ['send'],
        summary: "The organisation's public messages as a feed",
        params: z.object({ organisationId: z.string().min(1).max(64), file: z.enum(['rss.xml', 'atom.xml', 'feed.json']) }),
        response: { 200: z.string(), 404: problemSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const format = FILES[request.params.file];
      const feeds = await send.publication.feeds(request.params.organisationId);
      return reply.type(FEED_CONTENT_TYPES[format]).header('cache-control', 'public, max-age=30').send(feeds[format]);
    },
  );
}
