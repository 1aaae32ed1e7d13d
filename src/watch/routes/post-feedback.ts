import { z } from 'zod';
import { CATEGORY_IDS, PRIORITIES } from '#core/taxonomy.ts';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { FeedbackService } from '../feedback-service.ts';
import { postSchema, presentPost } from './schemas.ts';

/** POST /api/posts/:id/feedback: confirm or correct a classification; effective at once. */
export function registerPostFeedback(app: HttpApp, deps: { feedback: FeedbackService }): void {
  app.post(
    '/api/posts/:id/feedback',
    {
      schema: {
        tags: ['watch'],
        summary: 'Confirm or correct the classification of a post',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ label: z.enum([...CATEGORY_IDS, 'none']), priority: z.enum(PRIORITIES).nullable().optional() }),
        response: { 200: postSchema, 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentPost(await deps.feedback.give(principal.organisationId, request.params.id, request.body, actorOf(principal)));
    },
  );
}
