import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { CLAIM_STATES } from '../../rumours/claims.ts';
import type { RumourService } from '../../rumours/rumour-service.ts';
import { claimSummarySchema } from './schemas.ts';

/** GET /api/rumours: claims repeated by several posts, most recently active first, with spread velocity. */
export function registerRumoursList(app: HttpApp, deps: { rumours: RumourService }): void {
  app.get(
    '/api/rumours',
    {
      schema: {
        tags: ['rumours'],
        summary: 'Claims repeated by several posts, with spread velocity',
        querystring: z.object({
          state: z.enum(CLAIM_STATES).optional(),
          since: z.iso.datetime({ offset: true }).optional(),
          minPosts: z.coerce.number().int().min(1).max(10_000).default(3),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(claimSummarySchema) }) },
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const { state, since, minPosts, limit } = request.query;
      return { items: await deps.rumours.list({ organisationId: requirePrincipal(request).organisationId, state, since, minPosts, limit }) };
    },
  );
}
