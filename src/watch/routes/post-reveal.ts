import { z } from 'zod';
import type { IdentityVault } from '#govern/identity-vault.ts';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { PostService } from '../post-service.ts';

/** POST /api/posts/:id/reveal: the author's handle, for a stated purpose; audited (SPEC G1, G2). */
export function registerPostReveal(app: HttpApp, deps: { posts: PostService; vault: IdentityVault }): void {
  app.post(
    '/api/posts/:id/reveal',
    {
      schema: {
        tags: ['watch'],
        summary: 'Reveal the author of a post (audited, with purpose)',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ purpose: z.string().min(10).max(500) }),
        response: { 200: z.object({ handle: z.string(), source: z.string(), revealedAt: z.string() }), 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
      config: { access: 'identities:reveal' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const post = await deps.posts.get(principal.organisationId, request.params.id);
      return deps.vault.reveal(principal.organisationId, post.authorPseudonym, request.body.purpose, actorOf(principal));
    },
  );
}
