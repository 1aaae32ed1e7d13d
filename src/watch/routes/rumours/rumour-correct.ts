import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RumourService } from '../../rumours/rumour-service.ts';
import { idParams } from '../incidents/schemas.ts';
import { claimSummarySchema } from './schemas.ts';

/** POST /api/rumours/:id/correction: records the correction; its reach is then counted beside the rumour's. */
export function registerRumourCorrect(app: HttpApp, deps: { rumours: RumourService }): void {
  app.post(
    '/api/rumours/:id/correction',
    {
      schema: {
        tags: ['rumours'],
        summary: 'Record the correction of a rumour',
        params: idParams,
        body: z.object({
          textNl: z.string().trim().min(10).max(2000),
          textEn: z.string().trim().max(2000).nullable().optional(),
          url: z.url({ protocol: /^https?$/ }).max(2048).nullable().optional().describe('Where the correction is published'),
          messageId: z.string().max(64).nullable().optional().describe('The send module’s message that publishes it'),
        }),
        response: { 200: claimSummarySchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return deps.rumours.correct(principal.organisationId, request.params.id, request.body, actorOf(principal));
    },
  );
}
