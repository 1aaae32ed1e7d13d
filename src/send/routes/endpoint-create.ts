import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { endpointSubscriptionSchema } from '../subscriptions/subscription.ts';

/** POST /api/send/endpoints: a partner system that receives the organisation's messages for an area as signed webhooks. */
export function registerEndpointCreate(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/endpoints',
    {
      schema: {
        tags: ['send'],
        summary: 'Register a webhook endpoint for an area and topics',
        body: endpointSubscriptionSchema,
        response: { 201: z.object({ id: z.string(), unsubscribeToken: z.string() }), 400: problemSchema },
      },
      config: { access: 'organisation:admin' },
    },
    async (request, reply) => {
      const { organisationId } = requirePrincipal(request);
      return reply.code(201).send(await send.subscriptions.subscribeEndpoint(organisationId, request.body));
    },
  );
}
