import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';
import { idParams, incidentSummarySchema } from './schemas.ts';

/** POST /api/incidents/:id/merge: the named incidents' posts move into this one, which survives. */
export function registerIncidentMerge(app: HttpApp, deps: { incidents: IncidentService }): void {
  app.post(
    '/api/incidents/:id/merge',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Merge other incidents into this one',
        params: idParams,
        body: z.object({ incidentIds: z.array(z.string().min(1).max(64)).min(1).max(50) }),
        response: { 200: incidentSummarySchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return deps.incidents.merge(principal.organisationId, request.params.id, request.body.incidentIds, actorOf(principal));
    },
  );
}
