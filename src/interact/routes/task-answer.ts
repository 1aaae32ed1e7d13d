import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { taskSchema } from '#watch/routes/incidents/schemas.ts';
import { TASK_ANSWERS } from '../verification/task.ts';
import type { VerificationService } from '../verification/verification-service.ts';

/** POST /api/verification/tasks/:id/answer: the assigned field officer answers confirmed, denied or unverifiable. */
export function registerTaskAnswer(app: HttpApp, deps: { verification: VerificationService }): void {
  app.post(
    '/api/verification/tasks/:id/answer',
    {
      schema: {
        tags: ['interact'],
        summary: 'Answer a verification task',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ answer: z.enum(TASK_ANSWERS), note: z.string().trim().max(2000).nullable().optional() }),
        response: { 200: taskSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'tasks:answer' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const by = { userId: principal.kind === 'user' ? principal.userId : null, actor: actorOf(principal) };
      const { organisationId: _organisation, ...task } = await deps.verification.answer(principal.organisationId, request.params.id, request.body, by);
      return task;
    },
  );
}
