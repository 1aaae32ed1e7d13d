import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { SIGNAL_REVIEWS } from '../../detect/signal.ts';
import type { SignalService } from '../../detect/signal-service.ts';
import { presentSignal, signalSchema } from './schemas.ts';

/** POST /api/signals/:id/review: acknowledge or dismiss a signal (audited). */
export function registerSignalReview(app: HttpApp, deps: { signals: SignalService }): void {
  app.post(
    '/api/signals/:id/review',
    {
      schema: {
        tags: ['watch'],
        summary: 'Acknowledge or dismiss a signal',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ review: z.enum(SIGNAL_REVIEWS) }),
        response: { 200: signalSchema, 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentSignal(await deps.signals.review(principal.organisationId, request.params.id, request.body.review, actorOf(principal)));
    },
  );
}
