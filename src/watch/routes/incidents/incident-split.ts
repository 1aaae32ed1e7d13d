import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';
import { idParams, incidentSummarySchema } from './schemas.ts';

/** POST /api/incidents/:id/split: the chosen member posts move to a new incident, which is answered. */
export function registerIncidentSplit(app: HttpApp, deps: { incidents: IncidentService }): void {
  app.post(
    '/api/incidents/:id/split',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Split posts off into a new incident',
        params: idParams,
        body: z.object({ postIds: z.array(z.string().min(1).max(64)).min(1).max(1000) }),
        response: { 201: incidentSummarySchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const created = await deps.incidents.split(principal.organisationId, request.params.id, request.body.postIds, actorOf(principal));
      return reply.code(201).send(created);
    },
  );
}
