import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';
import { idParams, taskSchema, verificationRequestSchema } from './schemas.ts';

/** POST /api/incidents/:id/verification: ask a field officer to check the incident on the spot (SPEC I4). */
export function registerIncidentVerify(app: HttpApp, deps: { incidents: IncidentService }): void {
  app.post(
    '/api/incidents/:id/verification',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Send an incident for verification by a field officer',
        params: idParams,
        body: verificationRequestSchema,
        response: { 201: taskSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { organisationId: _organisation, ...task } = await deps.incidents.requestVerification(principal.organisationId, request.params.id, request.body, actorOf(principal));
      return reply.code(201).send(task);
    },
  );
}
