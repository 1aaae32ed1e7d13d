import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { draftChangesSchema, parseDraft } from '../messages/message.ts';
import { renderTemplate } from '../messages/templates.ts';
import type { SendModule } from '../module.ts';
import { actorFrom, messageSchema, presentMessage } from './schemas.ts';

const body = draftChangesSchema.extend({
  template: z
    .object({ id: z.string().max(64), values: z.record(z.string().max(40), z.string().max(500)).default({}) })
    .optional()
    .describe('Start from a template: its texts (placeholders filled) and CAP fields, overridden by what else is given'),
});

/** POST /api/send/messages: a new draft, written from scratch or from a template. */
export function registerMessageCreate(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/messages',
    {
      schema: { tags: ['send'], summary: 'Create a draft message', body, response: { 201: messageSchema, 400: problemSchema, 404: problemSchema } },
      config: { access: 'messages:write' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { template, ...given } = request.body;
      let input: Record<string, unknown> = given;
      if (template) {
        const t = await send.templates.get(principal.organisationId, template.id);
        const fromTemplate = { category: t.category, urgency: t.urgency, severity: t.severity, certainty: t.certainty, topics: t.topics, content: renderTemplate(t, template.values) };
        input = { ...fromTemplate, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
      }
      const message = await send.messages.create(principal.organisationId, parseDraft(input), actorFrom(principal));
      return reply.code(201).send(presentMessage(message));
    },
  );
}
