import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RegistryService } from '../registry-service.ts';
import { latitude, longitude } from '../registry-schemas.ts';
import { volunteerSchema } from './schemas.ts';

/**
 * The responder app's own profile calls, authenticated with the volunteer's token
 * (`Authorization: Bearer wzr_…`), not a staff session: who am I, live location, snooze, push.
 */
export function registerResponderRoutes(app: HttpApp, deps: { registry: RegistryService }): void {
  const config = { access: 'public' } as const;
  const auth = { 401: problemSchema };

  app.get(
    '/api/responder/me',
    { schema: { tags: ['responder'], summary: 'The signed-in volunteer', response: { 200: volunteerSchema, ...auth } }, config },
    async (request) => {
      const volunteer = await deps.registry.authenticateResponder(request.headers.authorization);
      return deps.registry.getVolunteer(volunteer.organisationId, volunteer.id);
    },
  );

  app.put(
    '/api/responder/location',
    {
      schema: { tags: ['responder'], summary: 'Report the live location (used while fresh instead of the registered addresses)', body: z.object({ lat: latitude, lon: longitude }).strict(), response: { 204: z.null(), 400: problemSchema, ...auth } },
      config,
    },
    async (request, reply) => {
      const volunteer = await deps.registry.authenticateResponder(request.headers.authorization);
      await deps.registry.setLiveLocation(volunteer, request.body.lat, request.body.lon);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/responder/location',
    { schema: { tags: ['responder'], summary: 'Forget the live location', response: { 204: z.null(), ...auth } }, config },
    async (request, reply) => {
      await deps.registry.clearLiveLocation(await deps.registry.authenticateResponder(request.headers.authorization));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/responder/snooze',
    {
      schema: { tags: ['responder'], summary: 'Sign off until a moment (null signs on again)', body: z.object({ until: z.iso.datetime({ offset: true }).nullable() }).strict(), response: { 204: z.null(), 400: problemSchema, ...auth } },
      config,
    },
    async (request, reply) => {
      const volunteer = await deps.registry.authenticateResponder(request.headers.authorization);
      await deps.registry.snooze(volunteer, request.body.until === null ? null : new Date(request.body.until).toISOString());
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/responder/push-subscription',
    {
      schema: {
        tags: ['responder'],
        summary: 'Store the Web Push subscription of the app (null removes it)',
        body: z.object({ subscription: z.object({ endpoint: z.url({ protocol: /^https?$/ }).max(2000), expirationTime: z.number().nullable().optional(), keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }) }).nullable() }).strict(),
        response: { 204: z.null(), 400: problemSchema, ...auth },
      },
      config,
    },
    async (request, reply) => {
      const volunteer = await deps.registry.authenticateResponder(request.headers.authorization);
      await deps.registry.setPushSubscription(volunteer, request.body.subscription);
      return reply.code(204).send(null);
    },
  );
}
