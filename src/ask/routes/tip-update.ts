import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { TipService } from '../tip-service.ts';
import { TIP_STATUSES } from '../tip.ts';
import { presentTip, tipSchema } from './schemas.ts';

/** PATCH /api/tips/:id: triage — status (useful, not useful, forwarded…) and links to an appeal or incident; audited. */
export function registerTipUpdate(app: HttpApp, deps: { tips: TipService }): void {
  app.patch(
    '/api/tips/:id',
    {
      schema: {
        tags: ['ask'],
        summary: 'Triage a tip: status, appeal or incident link',
        params: z.object({ id: z.string().max(64) }),
        body: z
          .object({ status: z.enum(TIP_STATUSES).optional(), appealId: z.string().max(64).nullable().optional(), incidentId: z.string().min(1).max(128).nullable().optional() })
          .strict()
          .refine((b) => Object.keys(b).length > 0, { message: 'change at least one of status, appealId, incidentId' }),
        response: { 200: tipSchema, 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'appeals:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentTip(await deps.tips.update(principal.organisationId, request.params.id, request.body, actorOf(principal)));
    },
  );
}
