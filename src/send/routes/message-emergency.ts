import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { MIN_EMERGENCY_REASON } from '../lifecycle.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, idParams, messageSchema, presentMessage } from './schemas.ts';

/** POST /api/send/messages/:id/emergency-publish: the audited bypass of the second pair of eyes. */
export function registerMessageEmergency(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages/:id/emergency-publish',
    {
      schema: {
        tags: ['send'],
        summary: 'Publish without a second approver (emergency bypass; the reason is audited and shown with the message)',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(MIN_EMERGENCY_REASON).max(1000) }),
        response: { 200: messageSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'messages:approve' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentMessage(await send.messages.emergencyPublish(principal.organisationId, request.params.id, request.body.reason, actorFrom(principal)));
    },
  );
}
