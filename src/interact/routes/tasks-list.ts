import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { taskSchema } from '#watch/routes/incidents/schemas.ts';
import { TASK_STATUSES, TASK_SUBJECTS } from '../verification/task.ts';
import type { VerificationService } from '../verification/verification-service.ts';

/** GET /api/verification/tasks: verification tasks; `mine=true` lists the caller's own. */
export function registerTasksList(app: HttpApp, deps: { verification: VerificationService }): void {
  app.get(
    '/api/verification/tasks',
    {
      schema: {
        tags: ['interact'],
        summary: 'Verification tasks',
        querystring: z.object({
          mine: z.enum(['true', 'false']).optional().describe('Only tasks assigned to the signed-in user'),
          status: z.enum(TASK_STATUSES).optional(),
          subjectType: z.enum(TASK_SUBJECTS).optional(),
          subjectId: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(taskSchema) }) },
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { mine, status, subjectType, subjectId, limit } = request.query;
      // A token has no user, so "mine" matches nothing for it.
      const assigneeId = mine === 'true' ? (principal.kind === 'user' ? principal.userId : 'token') : undefined;
      const tasks = await deps.verification.list({ organisationId: principal.organisationId, assigneeId, status, subjectType, subjectId, limit });
      return { items: tasks.map(({ organisationId: _organisation, ...task }) => task) };
    },
  );
}
