import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/** POST /api/send/messages/:id/schedule: when the message goes out (after approval). */
export function registerMessageSchedule(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages/:id/schedule',
    {
      schema: {
        tags: ['send'],
        summary: 'Set the publication time (moving an approved, scheduled message needs messages:approve)',
        params: idParams,
        body: z.object({ at: z.iso.datetime({ offset: true }) }),
        response: { 200: messageSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'messages:write' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentMessage(await send.messages.schedule(principal.organisationId, request.params.id, request.body.at, actorFrom(principal)));
    },
  );
}
