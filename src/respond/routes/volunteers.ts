import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RegistryService } from '../registry-service.ts';
import { volunteerInputSchema, volunteerPatchSchema } from '../registry-schemas.ts';
import { idParams, volunteerSchema } from './schemas.ts';

/** The volunteer registry (SPEC R1): list, register (returns the app token once), change, remove, new token. */
export function registerVolunteerRoutes(app: HttpApp, deps: { registry: RegistryService }): void {
  const access = { access: 'dispatch:manage' } as const;

  app.get(
    '/api/respond/volunteers',
    {
      schema: {
        tags: ['respond'],
        summary: 'Volunteers of your organisation',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), after: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(volunteerSchema), nextCursor: z.string().nullable() }) },
      },
      config: access,
    },
    async (request) => deps.registry.listVolunteers(requirePrincipal(request).organisationId, request.query.limit, request.query.after),
  );

  app.post(
    '/api/respond/volunteers',
    {
      schema: {
        tags: ['respond'],
        summary: 'Register a volunteer; the response carries the responder-app token, shown only this once',
        body: volunteerInputSchema,
        response: { 201: z.object({ volunteer: volunteerSchema, token: z.string() }), 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: access,
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      return reply.code(201).send(await deps.registry.createVolunteer(principal.organisationId, request.body, actorOf(principal)));
    },
  );

  app.get(
    '/api/respond/volunteers/:id',
    { schema: { tags: ['respond'], summary: 'One volunteer', params: idParams, response: { 200: volunteerSchema, 404: problemSchema } }, config: access },
    async (request) => deps.registry.getVolunteer(requirePrincipal(request).organisationId, request.params.id),
  );

  app.patch(
    '/api/respond/volunteers/:id',
    { schema: { tags: ['respond'], summary: 'Change a volunteer', params: idParams, body: volunteerPatchSchema, response: { 200: volunteerSchema, 400: problemSchema, 404: problemSchema } }, config: access },
    async (request) => {
      const principal = requirePrincipal(request);
      return deps.registry.updateVolunteer(principal.organisationId, request.params.id, request.body, actorOf(principal));
    },
  );

  app.delete(
    '/api/respond/volunteers/:id',
    { schema: { tags: ['respond'], summary: 'Remove a volunteer', params: idParams, response: { 204: z.null(), 404: problemSchema } }, config: access },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await deps.registry.deleteVolunteer(principal.organisationId, request.params.id, actorOf(principal));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/respond/volunteers/:id/token',
    { schema: { tags: ['respond'], summary: 'Issue a new responder-app token (the old one stops working)', params: idParams, response: { 200: z.object({ token: z.string() }), 404: problemSchema } }, config: access },
    async (request) => {
      const principal = requirePrincipal(request);
      return { token: await deps.registry.reissueToken(principal.organisationId, request.params.id, actorOf(principal)) };
    },
  );
}
