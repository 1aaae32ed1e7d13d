import { z } from 'zod';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { NetworkService } from '../../network/network-service.ts';

const nodeSchema = z.object({
  id: z.string().describe('Author pseudonym (never a handle)'),
  pagerank: z.number(),
  degree: z.number().int(),
  reach: z.number().describe('Weighted reposts, quotes, replies and mentions received'),
  activity: z.number(),
  community: z.number().int().describe('Louvain community, numbered by size (0 is the largest)'),
  posts: z.number().int(),
});

/** GET /api/network: the actor network of a window, category, incident or rumour (SPEC W9). */
export function registerNetworkGet(app: HttpApp, deps: { network: NetworkService }): void {
  app.get(
    '/api/network',
    {
      schema: {
        tags: ['network'],
        summary: 'Actor network: mentions, replies and reposts with PageRank, degree and communities',
        querystring: z.object({
          since: z.iso.datetime({ offset: true }).optional(),
          until: z.iso.datetime({ offset: true }).optional(),
          category: z.enum(CATEGORY_IDS).optional(),
          incidentId: z.string().max(64).optional(),
          claimId: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(150).describe('Nodes returned at most, by PageRank'),
        }),
        response: {
          200: z.object({
            nodes: z.array(nodeSchema),
            edges: z.array(z.object({ from: z.string(), to: z.string(), weight: z.number(), kinds: z.record(z.string(), z.number()) })),
            communities: z.array(z.object({ id: z.number().int(), size: z.number().int() })),
            top: z.array(nodeSchema).describe('Accounts with the most reach in the whole graph'),
            totals: z.object({ nodes: z.number().int(), edges: z.number().int(), interactions: z.number().int() }),
            scope: z.object({ posts: z.number().int(), truncated: z.boolean() }),
          }),
          404: problemSchema,
        },
      },
      config: { access: 'posts:read' },
    },
    async (request) => deps.network.graph({ organisationId: requirePrincipal(request).organisationId, ...request.query }),
  );
}
