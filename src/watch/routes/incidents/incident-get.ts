import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';
import { idParams, incidentDetailSchema } from './schemas.ts';

/** GET /api/incidents/:id: one incident with its timeline and member posts (for the map). */
export function registerIncidentGet(app: HttpApp, deps: { incidents: IncidentService }): void {
  app.get(
    '/api/incidents/:id',
    {
      schema: { tags: ['incidents'], summary: 'One incident with timeline and member posts', params: idParams, response: { 200: incidentDetailSchema, 404: problemSchema } },
      config: { access: 'posts:read' },
    },
    async (request) => deps.incidents.get(requirePrincipal(request).organisationId, request.params.id),
  );
}
