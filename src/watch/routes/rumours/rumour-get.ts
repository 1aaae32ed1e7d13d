import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RumourService } from '../../rumours/rumour-service.ts';
import { idParams } from '../incidents/schemas.ts';
import { claimDetailSchema } from './schemas.ts';

/** GET /api/rumours/:id: one claim with its posts and the rumour's and correction's reach. */
export function registerRumourGet(app: HttpApp, deps: { rumours: RumourService }): void {
  app.get(
    '/api/rumours/:id',
    {
      schema: { tags: ['rumours'], summary: 'One claim with its posts and reach curves', params: idParams, response: { 200: claimDetailSchema, 404: problemSchema } },
      config: { access: 'posts:read' },
    },
    async (request) => deps.rumours.get(requirePrincipal(request).organisationId, request.params.id),
  );
}
