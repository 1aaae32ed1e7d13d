import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/** POST /api/send/messages/:id/reject: back to draft, with the reason the author will see. */
export function registerMessageReject(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages/:id/reject',
    {
      schema: {
        tags: ['send'],
        summary: 'Reject a message awaiting approval (back to draft, with a reason)',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(3).max(1000) }),
        response: { 200: messageSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'messages:approve' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentMessage(await send.messages.reject(principal.organisationId, request.params.id, request.body.reason, actorFrom(principal)));
    },
  );
}
