import { z } from 'zod';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { CERTAINTIES, contentsSchema, SEVERITIES, URGENCIES } from '../messages/message.ts';
import { placeholdersOf, type Template } from '../messages/templates.ts';
import type { SendModule } from '../module.ts';

export const templateSchema = z.object({
  id: z.string(),
  builtin: z.boolean(),
  name: z.string(),
  category: z.enum(CATEGORY_IDS),
  urgency: z.enum(URGENCIES),
  severity: z.enum(SEVERITIES),
  certainty: z.enum(CERTAINTIES),
  topics: z.array(z.string()),
  content: contentsSchema,
  placeholders: z.array(z.string()).describe('The {{name}} slots to fill'),
});

export function presentTemplate(t: Template): z.infer<typeof templateSchema> {
  const { organisationId, ...rest } = t;
  return { ...rest, builtin: organisationId === null, placeholders: placeholdersOf(t.content) };
}

/** GET /api/send/templates: built-in templates (Dutch and English) and the organisation's own. */
export function registerTemplatesList(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/send/templates',
    { schema: { tags: ['send'], summary: 'Message templates', response: { 200: z.object({ items: z.array(templateSchema) }) } }, config: { access: 'messages:write' } },
    async (request) => {
      const { organisationId } = requirePrincipal(request);
      return { items: (await send.templates.list(organisationId)).map(presentTemplate) };
    },
  );
}
