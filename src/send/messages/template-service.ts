import { z } from 'zod';
import type { Clock } from '#core/clock.ts';
import { notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { Database } from '#platform/db/database.ts';
import type { SendTemplateTable } from '#send/tables.ts';
import { CERTAINTIES, contentsSchema, SEVERITIES, topicSchema, URGENCIES } from './message.ts';
import { BUILTIN_TEMPLATES, type Template } from './templates.ts';

export const templateInputSchema = z.object({
  name: z.string().trim().min(2).max(120),
  category: z.enum(CATEGORY_IDS),
  urgency: z.enum(URGENCIES),
  severity: z.enum(SEVERITIES),
  certainty: z.enum(CERTAINTIES),
  topics: z.array(topicSchema).max(20).default([]),
  content: contentsSchema,
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

function fromRow(r: SendTemplateTable): Template {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    category: r.category as Template['category'],
    urgency: r.urgency as Template['urgency'],
    severity: r.severity as Template['severity'],
    certainty: r.certainty as Template['certainty'],
    topics: JSON.parse(r.topics) as string[],
    content: JSON.parse(r.content) as Template['content'],
  };
}

/** The built-in templates plus the organisation's own. */
export class TemplateService {
  constructor(private readonly options: { database: Database; audit: AuditLog; clock: Clock }) {}

  async list(organisationId: string): Promise<Template[]> {
    const rows = await this.options.database.db.selectFrom('send_templates').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();
    return [...BUILTIN_TEMPLATES, ...rows.map(fromRow)];
  }

  async get(organisationId: string, id: string): Promise<Template> {
    const builtin = BUILTIN_TEMPLATES.find((t) => t.id === id);
    if (builtin) return builtin;
    const row = await this.options.database.db.selectFrom('send_templates').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('TEMPLATE_NOT_FOUND', 'There is no such template.');
    return fromRow(row);
  }

  async create(organisationId: string, input: TemplateInput, actor: string): Promise<Template> {
    const template: Template = { id: newId(), organisationId, ...input };
    await this.options.database.transaction(async (tx) => {
      await tx.db
        .insertInto('send_templates')
        .values({
          id: template.id,
          organisation_id: organisationId,
          name: input.name,
          category: input.category,
          urgency: input.urgency,
          severity: input.severity,
          certainty: input.certainty,
          topics: JSON.stringify(input.topics),
          content: JSON.stringify(input.content),
          created_by: actor,
          created_at: this.options.clock.now().toISOString(),
        })
        .execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'message_template.create', subjectType: 'message_template', subjectId: template.id, data: { name: input.name } });
    });
    return template;
  }
}
