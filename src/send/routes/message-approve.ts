import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/** POST /api/send/messages/:id/approve: the second pair of eyes; publishes or schedules. */
export function registerMessageApprove(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages/:id/approve',
    {
      schema: { tags: ['send'], summary: 'Approve a message (not your own): it is published, or scheduled when its time lies ahead', params: idParams, response: { 200: messageSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema } },
      config: { access: 'messages:approve' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentMessage(await send.messages.approve(principal.organisationId, request.params.id, actorFrom(principal)));
    },
  );
}
