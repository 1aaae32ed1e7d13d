import { z } from 'zod';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { PostService } from '../post-service.ts';
import { postSchema, presentPost } from './schemas.ts';

/** GET /api/posts/:id: one post of the caller's organisation (another's is "not found"). */
export function registerPostGet(app: HttpApp, deps: { posts: PostService }): void {
  app.get(
    '/api/posts/:id',
    {
      schema: { tags: ['watch'], summary: 'One post', params: z.object({ id: z.string().max(64) }), response: { 200: postSchema, 404: problemSchema } },
      config: { access: 'posts:read' },
    },
    async (request) => presentPost(await deps.posts.get(requirePrincipal(request).organisationId, request.params.id)),
  );
}
