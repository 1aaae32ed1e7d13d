import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { CHANNEL_KINDS } from '../channels/channel.ts';
import { DELIVERY_STATUSES } from '../delivery/delivery-store.ts';
import type { SendModule } from '../module.ts';
import { idParams } from './schemas.ts';

const deliverySchema = z.object({
  idempotencyKey: z.string(),
  channel: z.string(),
  recipientId: z.string().nullable().describe('The subscription (no address is shown); null for a broadcast channel'),
  language: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable().describe('For a dead letter (failed): why'),
  externalId: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** GET /api/send/messages/:id/deliveries: status per recipient and channel, dead letters with their reason. */
export function registerMessageDeliveries(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/send/messages/:id/deliveries',
    {
      schema: {
        tags: ['send'],
        summary: 'Deliveries of a message, per channel and recipient',
        params: idParams,
        querystring: z.object({
          channel: z.enum(CHANNEL_KINDS).optional(),
          status: z.enum(DELIVERY_STATUSES).optional(),
          after: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(deliverySchema), next: z.string().nullable() }), 404: problemSchema },
      },
      config: { access: 'messages:write' },
    },
    async (request) => {
      const { organisationId } = requirePrincipal(request);
      const message = await send.messages.get(organisationId, request.params.id);
      const items = await send.delivery.status.list({ organisationId, messageId: message.id, ...request.query });
      return { items, next: items.length === request.query.limit ? items[items.length - 1]!.idempotencyKey : null };
    },
  );
}
