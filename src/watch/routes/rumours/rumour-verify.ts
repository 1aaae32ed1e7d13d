import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RumourService } from '../../rumours/rumour-service.ts';
import { idParams, taskSchema, verificationRequestSchema } from '../incidents/schemas.ts';
import { claimSummarySchema } from './schemas.ts';

/** POST /api/rumours/:id/verification: a task for a field officer; the claim is then `verifying`. */
export function registerRumourVerify(app: HttpApp, deps: { rumours: RumourService }): void {
  app.post(
    '/api/rumours/:id/verification',
    {
      schema: {
        tags: ['rumours'],
        summary: 'Send a claim for verification by a field officer',
        params: idParams,
        body: verificationRequestSchema,
        response: { 201: z.object({ claim: claimSummarySchema, task: taskSchema }), 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { claim, task } = await deps.rumours.requestVerification(principal.organisationId, request.params.id, request.body, actorOf(principal));
      const { organisationId: _organisation, ...shown } = task;
      return reply.code(201).send({ claim, task: shown });
    },
  );
}
