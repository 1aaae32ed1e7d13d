import { z } from 'zod';
import type { AuditLog } from '../../../audit/audit-log.ts';
import { requirePrincipal } from '../../access.ts';
import type { HttpApp } from '../../server.ts';

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

/** GET /api/audit: the audit trail of the caller's organisation, newest first. */
export function registerAuditRoutes(app: HttpApp, deps: { audit: AuditLog }): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of your organisation',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().positive().optional() }),
        response: { 200: z.object({ items: z.array(entrySchema) }) },
      },
      config: { access: 'audit:read' },
    },
    async (request) => {
      const rows = await deps.audit.list(requirePrincipal(request).organisationId, request.query.limit, request.query.before);
      return {
        items: rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, data: JSON.parse(r.data) as Record<string, unknown> })),
      };
    },
  );
}
