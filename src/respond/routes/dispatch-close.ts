import { z } from 'zod';
import type { Database } from '#platform/db/database.ts';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { DispatchService } from '../dispatch-service.ts';
import { presentDispatch } from '../dispatch-views.ts';
import { dispatchSchema, idParams } from './schemas.ts';

/** POST /api/dispatches/:id/close: the ambulance is on scene or the call was cancelled; responders are stood down. */
export function registerDispatchClose(app: HttpApp, deps: { dispatches: DispatchService; database: Database }): void {
  app.post(
    '/api/dispatches/:id/close',
    {
      schema: {
        tags: ['respond'],
        summary: 'End a dispatch (ambulance on scene, or cancelled) and stand responders down',
        params: idParams,
        body: z.object({ reason: z.enum(['ems_on_scene', 'cancelled']) }).strict(),
        response: { 200: dispatchSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'dispatch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const dispatch = await deps.dispatches.close(principal.organisationId, request.params.id, request.body.reason, actorOf(principal));
      return presentDispatch(deps.database, dispatch);
    },
  );
}
