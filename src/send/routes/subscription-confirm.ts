import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';

/** POST /api/public/subscriptions/confirm: the double opt-in link's token (the citizen app's confirm page posts it). */
export function registerSubscriptionConfirm(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/public/subscriptions/confirm',
    {
      schema: {
        tags: ['send'],
        summary: 'Confirm an email subscription',
        body: z.object({ token: z.string().min(20).max(200) }),
        response: { 200: z.object({ id: z.string(), status: z.literal('active'), unsubscribeToken: z.string() }), 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'public' },
    },
    async (request) => ({ ...(await send.subscriptions.confirm(request.body.token)), status: 'active' as const }),
  );
}
