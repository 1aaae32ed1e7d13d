import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { DispatchService } from '../dispatch-service.ts';
import { presentDispatch } from '../dispatch-views.ts';
import { dispatchParamsSchema } from '../params.ts';
import type { Database } from '#platform/db/database.ts';
import { dispatchSchema, locationSchema } from './schemas.ts';

/** POST /api/dispatches: the control room starts a dispatch; the first wave is alerted at once (SPEC R2). */
export function registerDispatchStart(app: HttpApp, deps: { dispatches: DispatchService; database: Database }): void {
  app.post(
    '/api/dispatches',
    {
      schema: {
        tags: ['respond'],
        summary: 'Start a dispatch at coordinates or a Dutch postcode + house number',
        body: z
          .object({
            location: locationSchema,
            address: z.string().min(1).max(300).optional().describe('How responders read the place; default: PDOK\'s address or "lat, lon"'),
            note: z.string().max(1000).optional(),
            params: dispatchParamsSchema.optional().describe('Overrides of the dispatch parameters (radius ≤ 1000 m)'),
          })
          .strict(),
        response: { 201: dispatchSchema, 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'dispatch:manage' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const dispatch = await deps.dispatches.start(principal.organisationId, request.body, actorOf(principal));
      return reply.code(201).send(await presentDispatch(deps.database, dispatch));
    },
  );
}
