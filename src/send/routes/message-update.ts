import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { draftChangesSchema } from '../messages/message.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/** POST /api/send/messages/:id/update: a CAP Update draft of a published message (then approval as usual). */
export function registerMessageUpdate(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages/:id/update',
    {
      schema: {
        tags: ['send'],
        summary: 'Draft an update of a published message (it supersedes the original once published)',
        params: idParams,
        body: draftChangesSchema.default({}),
        response: { 201: messageSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'messages:write' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const changes = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
      return reply.code(201).send(presentMessage(await send.messages.createUpdate(principal.organisationId, request.params.id, changes, actorFrom(principal))));
    },
  );
}
