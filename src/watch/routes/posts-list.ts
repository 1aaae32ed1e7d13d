import { z } from 'zod';
import { CATEGORY_IDS, PRIORITIES } from '#core/taxonomy.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { PostService } from '../post-service.ts';
import { postSchema, presentPost } from './schemas.ts';

/** GET /api/posts: the organisation's posts, newest first, with text and source filters. */
export function registerPostsList(app: HttpApp, deps: { posts: PostService }): void {
  app.get(
    '/api/posts',
    {
      schema: {
        tags: ['watch'],
        summary: 'Posts, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.string().max(64).optional().describe('nextCursor of the previous page'),
          q: z.string().max(200).optional().describe('Search: every word (separated by spaces) occurs in the text, case-insensitively, also inside longer words (brand finds woningbrand)'),
          source: z.string().max(32).optional(),
          category: z.enum([...CATEGORY_IDS, 'none']).optional().describe('A taxonomy id, or none for posts judged not relevant'),
          priority: z
            .string()
            .max(60)
            .optional()
            .refine((v) => v === undefined || v.split(',').every((p) => (PRIORITIES as readonly string[]).includes(p)), { message: `comma-separated priorities: ${PRIORITIES.join(', ')}` })
            .describe('One priority or several, comma-separated (high,critical)'),
          relevant: z.enum(['true', 'false']).optional(),
          located: z.enum(['true']).optional().describe('Only posts with a location'),
        }),
        response: { 200: z.object({ items: z.array(postSchema), nextCursor: z.string().nullable() }) },
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const { limit, before, q, source, category, priority, relevant, located } = request.query;
      const page = await deps.posts.list({
        organisationId: requirePrincipal(request).organisationId,
        limit,
        before,
        text: q || undefined,
        source,
        category,
        priority: priority?.split(','),
        relevant: relevant === undefined ? undefined : relevant === 'true',
        located: located === 'true',
      });
      return { items: page.items.map(presentPost), nextCursor: page.nextCursor };
    },
  );
}
