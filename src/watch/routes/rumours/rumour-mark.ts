import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RumourService } from '../../rumours/rumour-service.ts';
import { idParams } from '../incidents/schemas.ts';
import { claimSummarySchema } from './schemas.ts';

/** POST /api/rumours/:id/mark: an analyst marks an observed claim as a rumour. */
export function registerRumourMark(app: HttpApp, deps: { rumours: RumourService }): void {
  app.post(
    '/api/rumours/:id/mark',
    {
      schema: { tags: ['rumours'], summary: 'Mark a claim as a rumour', params: idParams, response: { 200: claimSummarySchema, 404: problemSchema, 409: problemSchema } },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return deps.rumours.mark(principal.organisationId, request.params.id, actorOf(principal));
    },
  );
}
