import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { INCIDENT_STATUSES } from '../../incidents/cluster.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';
import { incidentListItemSchema } from './schemas.ts';

/** GET /api/incidents: incidents, most recently active first, with a sparkline each. */
export function registerIncidentsList(app: HttpApp, deps: { incidents: IncidentService }): void {
  app.get(
    '/api/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents, most recently active first',
        querystring: z.object({
          status: z.enum(INCIDENT_STATUSES).optional(),
          since: z.iso.datetime({ offset: true }).optional().describe('Only incidents with a post at or after this time'),
          minPosts: z.coerce.number().int().min(1).max(10_000).default(2).describe('Only incidents with at least this many posts'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(incidentListItemSchema) }) },
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const { status, since, minPosts, limit } = request.query;
      return { items: await deps.incidents.list({ organisationId: requirePrincipal(request).organisationId, status, since, minPosts, limit }) };
    },
  );
}
