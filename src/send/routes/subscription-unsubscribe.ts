import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';

/** POST /api/public/subscriptions/unsubscribe: one step, no login; the address is wiped at once. */
export function registerSubscriptionUnsubscribe(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/public/subscriptions/unsubscribe',
    {
      schema: {
        tags: ['send'],
        summary: 'Unsubscribe with the id and token from any message or the subscription answer',
        body: z.object({ id: z.string().max(64), token: z.string().min(20).max(200) }),
        response: { 200: z.object({ unsubscribed: z.literal(true) }), 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      await send.subscriptions.unsubscribe(request.body.id, request.body.token);
      return { unsubscribed: true as const };
    },
  );
}
