import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { TipService } from '../tip-service.ts';
import { TIP_STATUSES, type TipStatus } from '../tip.ts';
import { presentTip, tipSchema } from './schemas.ts';

/** GET /api/tips: the triage queue, highest priority first (SPEC A2). */
export function registerTipsList(app: HttpApp, deps: { tips: TipService }): void {
  app.get(
    '/api/tips',
    {
      schema: {
        tags: ['ask'],
        summary: 'The tip triage queue, highest priority first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(80).optional().describe('nextCursor of the previous page'),
          status: z
            .string()
            .max(80)
            .optional()
            .refine((v) => v === undefined || v.split(',').every((s) => (TIP_STATUSES as readonly string[]).includes(s)), { message: `comma-separated: ${TIP_STATUSES.join(', ')}` }),
          appealId: z.string().max(64).optional(),
          incidentId: z.string().max(128).optional(),
        }),
        response: { 200: z.object({ items: z.array(tipSchema), nextCursor: z.string().nullable() }), 400: problemSchema },
      },
      config: { access: 'tips:read' },
    },
    async (request) => {
      const { limit, cursor, status, appealId, incidentId } = request.query;
      const page = await deps.tips.queue({ organisationId: requirePrincipal(request).organisationId, limit, cursor, status: status?.split(',') as TipStatus[] | undefined, appealId, incidentId });
      return { items: page.items.map(presentTip), nextCursor: page.nextCursor };
    },
  );
}
