import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { citizenSubscriptionSchema } from '../subscriptions/subscription.ts';

/**
 * POST /api/public/subscriptions: a citizen subscribes to an area and topics, by Web Push (active
 * at once) or by email (pending until confirmed by the link we mail). Public and rate-limited; no
 * account, no name, and the client's IP address is not stored.
 */
export function registerSubscriptionCreate(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/public/subscriptions',
    {
      schema: {
        tags: ['send'],
        summary: 'Subscribe to alerts for an area (Web Push or email with double opt-in)',
        body: citizenSubscriptionSchema,
        response: {
          201: z.object({
            id: z.string(),
            status: z.enum(['pending', 'active']),
            unsubscribeToken: z.string().nullable().describe('Web Push only: keep it to unsubscribe later; email subscribers get it in every mail'),
          }),
          400: problemSchema,
          503: problemSchema,
        },
      },
      config: { access: 'public' },
    },
    async (request, reply) => reply.code(201).send(await send.subscriptions.subscribe(request.body)),
  );
}
