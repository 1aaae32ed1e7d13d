import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { TipService } from '../tip-service.ts';
import { presentTip, tipSchema } from './schemas.ts';

/** GET /api/tips/:id: one tip with its photos. */
export function registerTipGet(app: HttpApp, deps: { tips: TipService }): void {
  app.get(
    '/api/tips/:id',
    {
      schema: { tags: ['ask'], summary: 'One tip', params: z.object({ id: z.string().max(64) }), response: { 200: tipSchema, 404: problemSchema } },
      config: { access: 'tips:read' },
    },
    async (request) => presentTip(await deps.tips.get(requirePrincipal(request).organisationId, request.params.id)),
  );
}
