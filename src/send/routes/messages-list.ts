import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { MESSAGE_STATES } from '../lifecycle.ts';
import type { SendModule } from '../module.ts';
import { messageSchema, presentMessage } from './schemas.ts';

/** GET /api/send/messages: the history and the approval queue (`status=pending_approval`), with delivery figures. */
export function registerMessagesList(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/send/messages',
    {
      schema: {
        tags: ['send'],
        summary: 'Messages, newest first, with delivery counts per channel',
        querystring: z.object({
          status: z
            .string()
            .max(200)
            .optional()
            .describe(`Comma-separated states: ${MESSAGE_STATES.join(', ')}`)
            .transform((v, ctx) => {
              const list = v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
              const bad = list.find((s) => !(MESSAGE_STATES as readonly string[]).includes(s));
              if (bad) ctx.addIssue({ code: 'custom', message: `unknown state ${bad}` });
              return list as (typeof MESSAGE_STATES)[number][];
            }),
          before: z.string().max(64).optional().describe('Id of the last message of the previous page'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(messageSchema), next: z.string().nullable() }) },
      },
      config: { access: 'messages:write' },
    },
    async (request) => {
      const { organisationId } = requirePrincipal(request);
      const { status, before, limit } = request.query;
      const messages = await send.messages.list({ organisationId, statuses: status, before, limit });
      const counts = await send.delivery.status.counts(organisationId, messages.map((m) => m.id));
      return { items: messages.map((m) => presentMessage(m, counts.get(m.id))), next: messages.length === limit ? messages[messages.length - 1]!.id : null };
    },
  );
}
