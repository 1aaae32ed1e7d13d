import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RegistryService } from '../registry-service.ts';
import { aedInputSchema, aedPatchSchema } from '../registry-schemas.ts';
import { aedSchema, idParams } from './schemas.ts';

/** The AED registry (SPEC R1). Access notes and cabinet code can be written here but are only ever shown to an accepted responder. */
export function registerAedRoutes(app: HttpApp, deps: { registry: RegistryService }): void {
  const access = { access: 'dispatch:manage' } as const;

  app.get(
    '/api/respond/aeds',
    {
      schema: {
        tags: ['respond'],
        summary: 'AEDs of your organisation, with whether each is usable now',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), after: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(aedSchema), nextCursor: z.string().nullable() }) },
      },
      config: access,
    },
    async (request) => deps.registry.listAeds(requirePrincipal(request).organisationId, request.query.limit, request.query.after),
  );

  app.post(
    '/api/respond/aeds',
    { schema: { tags: ['respond'], summary: 'Register an AED', body: aedInputSchema, response: { 201: aedSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema } }, config: access },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      return reply.code(201).send(await deps.registry.createAed(principal.organisationId, request.body, actorOf(principal)));
    },
  );

  app.get(
    '/api/respond/aeds/:id',
    { schema: { tags: ['respond'], summary: 'One AED', params: idParams, response: { 200: aedSchema, 404: problemSchema } }, config: access },
    async (request) => deps.registry.getAed(requirePrincipal(request).organisationId, request.params.id),
  );

  app.patch(
    '/api/respond/aeds/:id',
    { schema: { tags: ['respond'], summary: 'Change an AED (e.g. inactive after use, new pads)', params: idParams, body: aedPatchSchema, response: { 200: aedSchema, 400: problemSchema, 404: problemSchema } }, config: access },
    async (request) => {
      const principal = requirePrincipal(request);
      return deps.registry.updateAed(principal.organisationId, request.params.id, request.body, actorOf(principal));
    },
  );

  app.delete(
    '/api/respond/aeds/:id',
    { schema: { tags: ['respond'], summary: 'Remove an AED', params: idParams, response: { 204: z.null(), 404: problemSchema } }, config: access },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await deps.registry.deleteAed(principal.organisationId, request.params.id, actorOf(principal));
      return reply.code(204).send(null);
    },
  );
}
