import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { draftChangesSchema } from '../messages/message.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/** PATCH /api/send/messages/:id: changes a draft (fields left out keep their value). */
export function registerMessageEdit(app: HttpApp, send: SendModule): void {
  app.patch(
    '/api/send/messages/:id',
    {
      schema: { tags: ['send'], summary: 'Change a draft', params: idParams, body: draftChangesSchema, response: { 200: messageSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema } },
      config: { access: 'messages:write' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const changes = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
      return presentMessage(await send.messages.editDraft(principal.organisationId, request.params.id, changes, actorFrom(principal)));
    },
  );
}
