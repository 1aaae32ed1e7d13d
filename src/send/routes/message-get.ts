import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { idParams, messageSchema, presentMessage, presentPreviews, previewSchema } from './schemas.ts';

/** GET /api/send/messages/:id: the message, its delivery figures and every channel's preview with its problems. */
export function registerMessageGet(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/send/messages/:id',
    {
      schema: {
        tags: ['send'],
        summary: 'A message with per-channel previews and length checks',
        params: idParams,
        response: { 200: messageSchema.extend({ previews: z.array(previewSchema) }), 404: problemSchema },
      },
      config: { access: 'messages:write' },
    },
    async (request) => {
      const { organisationId } = requirePrincipal(request);
      const message = await send.messages.get(organisationId, request.params.id);
      const [counts, previews] = await Promise.all([send.delivery.status.counts(organisationId, [message.id]), send.messages.previews(message)]);
      return { ...presentMessage(message, counts.get(message.id)), previews: presentPreviews(previews) };
    },
  );
}
