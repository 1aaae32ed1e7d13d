import { z } from 'zod';
import type { Database } from '#platform/db/database.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { DispatchService } from '../dispatch-service.ts';
import { dispatchTimeline, presentDispatch } from '../dispatch-views.ts';
import { dispatchSchema, idParams } from './schemas.ts';

/** GET /api/dispatches/:id: one dispatch with its responders, figures and timeline. */
export function registerDispatchGet(app: HttpApp, deps: { dispatches: DispatchService; database: Database }): void {
  app.get(
    '/api/dispatches/:id',
    {
      schema: {
        tags: ['respond'],
        summary: 'A dispatch: responders, figures and the timestamped timeline',
        params: idParams,
        response: {
          200: dispatchSchema.extend({ timeline: z.array(z.object({ at: z.string(), kind: z.string(), volunteerId: z.string().nullable(), data: z.record(z.string(), z.unknown()) })) }),
          404: problemSchema,
        },
      },
      config: { access: 'dispatch:manage' },
    },
    async (request) => {
      const dispatch = await deps.dispatches.find(requirePrincipal(request).organisationId, request.params.id);
      return { ...(await presentDispatch(deps.database, dispatch)), timeline: await dispatchTimeline(deps.database, dispatch.id) };
    },
  );
}
