import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { INCIDENT_STATUSES } from '../../incidents/cluster.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';
import { idParams, incidentSummarySchema } from './schemas.ts';

/** POST /api/incidents/:id/status: new → monitoring → confirmed → closed (audited). */
export function registerIncidentStatus(app: HttpApp, deps: { incidents: IncidentService }): void {
  app.post(
    '/api/incidents/:id/status',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Change the status of an incident',
        params: idParams,
        body: z.object({ status: z.enum(INCIDENT_STATUSES) }),
        response: { 200: incidentSummarySchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return deps.incidents.setStatus(principal.organisationId, request.params.id, request.body.status, actorOf(principal));
    },
  );
}
