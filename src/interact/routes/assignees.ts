import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { VerificationService } from '../verification/verification-service.ts';

/** GET /api/verification/assignees: the users a verification task can be assigned to (field officers). */
export function registerAssignees(app: HttpApp, deps: { verification: VerificationService }): void {
  app.get(
    '/api/verification/assignees',
    {
      schema: {
        tags: ['interact'],
        summary: 'Users who can answer verification tasks',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })) }) },
      },
      config: { access: 'watch:manage' },
    },
    async (request) => ({ items: await deps.verification.assignees(requirePrincipal(request).organisationId) }),
  );
}
