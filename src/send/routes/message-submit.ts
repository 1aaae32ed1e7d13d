import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/** POST /api/send/messages/:id/submit: the draft goes to the approval queue, after the channel checks. */
export function registerMessageSubmit(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages/:id/submit',
    {
      schema: { tags: ['send'], summary: 'Submit a draft for approval (four eyes)', params: idParams, response: { 200: messageSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema } },
      config: { access: 'messages:write' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentMessage(await send.messages.submit(principal.organisationId, request.params.id, actorFrom(principal)));
    },
  );
}
