import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { templateInputSchema } from '../messages/template-service.ts';
import type { SendModule } from '../module.ts';
import { presentTemplate, templateSchema } from './templates-list.ts';

/** POST /api/send/templates: a template of the organisation, with {{placeholders}}. */
export function registerTemplateCreate(app: HttpApp, send: SendModule): void {
  app.post(
    '/api/send/templates',
    {
      schema: { tags: ['send'], summary: 'Create a message template', body: templateInputSchema, response: { 201: templateSchema, 400: problemSchema } },
      config: { access: 'messages:write' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      return reply.code(201).send(presentTemplate(await send.templates.create(principal.organisationId, request.body, actorOf(principal))));
    },
  );
}
