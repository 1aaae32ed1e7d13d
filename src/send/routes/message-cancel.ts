import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { contentsSchema } from '../messages/message.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/**
 * POST /api/send/messages/:id/cancel: a message not yet out is discarded (answer: that message);
 * a published one gets a CAP Cancel draft that goes through approval (answer: the new draft, 201).
 */
export function registerMessageCancel(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages/:id/cancel',
    {
      schema: {
        tags: ['send'],
        summary: 'Cancel: discard an unpublished message, or draft a CAP Cancel for a published one',
        params: idParams,
        body: z.object({ reason: z.string().trim().max(1000).optional(), content: contentsSchema.optional() }).default({}),
        response: { 200: messageSchema, 201: messageSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'messages:write' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const result = await send.messages.cancel(principal.organisationId, request.params.id, request.body, actorFrom(principal));
      return reply.code(result.id === request.params.id ? 200 : 201).send(presentMessage(result));
    },
  );
}
