import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SignalService } from '../../detect/signal-service.ts';
import { postSchema, presentPost } from '../schemas.ts';
import { presentSignal, signalSchema } from './schemas.ts';

/** GET /api/signals/:id: a signal with why it fired and the posts behind it. */
export function registerSignalGet(app: HttpApp, deps: { signals: SignalService }): void {
  app.get(
    '/api/signals/:id',
    {
      schema: {
        tags: ['watch'],
        summary: 'A signal with the posts behind it',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: z.object({ signal: signalSchema, postIds: z.array(z.string()), posts: z.array(postSchema).describe('The latest 50 posts') }), 404: problemSchema },
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const detail = await deps.signals.detail(requirePrincipal(request).organisationId, request.params.id);
      return { signal: presentSignal(detail.signal), postIds: detail.postIds, posts: detail.posts.map(presentPost) };
    },
  );
}
