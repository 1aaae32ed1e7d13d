import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { WatchlistInput } from '../../watchlists/watchlist.ts';
import type { WatchlistService } from '../../watchlists/watchlist-service.ts';
import { presentWatchlist, SECRET_PLACEHOLDER, watchlistBodySchema, watchlistSchema } from './schemas.ts';

const idParams = z.object({ id: z.string().max(64) });

/** Watchlist administration (SPEC W6): list, create, replace, delete; every change audited. */
export function registerWatchlistRoutes(app: HttpApp, deps: { watchlists: WatchlistService }): void {
  app.get(
    '/api/watchlists',
    { schema: { tags: ['watch'], summary: 'Watchlists with their alert rules', response: { 200: z.object({ items: z.array(watchlistSchema) }) } }, config: { access: 'posts:read' } },
    async (request) => ({ items: (await deps.watchlists.list(requirePrincipal(request).organisationId)).map(presentWatchlist) }),
  );

  app.post(
    '/api/watchlists',
    { schema: { tags: ['watch'], summary: 'Add a watchlist (purpose and legal basis required)', body: watchlistBodySchema, response: { 201: watchlistSchema, 400: problemSchema } }, config: { access: 'watch:manage' } },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const created = await deps.watchlists.create(principal.organisationId, request.body as WatchlistInput, actorOf(principal));
      return reply.code(201).send(presentWatchlist(created));
    },
  );

  app.put(
    '/api/watchlists/:id',
    {
      schema: { tags: ['watch'], summary: 'Replace a watchlist and its rules (send ******** to keep a webhook secret)', params: idParams, body: watchlistBodySchema, response: { 200: watchlistSchema, 400: problemSchema, 404: problemSchema } },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const current = await deps.watchlists.get(principal.organisationId, request.params.id);
      const body = request.body as WatchlistInput & { rules?: { name?: string; channels?: { webhook?: { url: string; secret: string } | null } }[] };
      // A placeholder secret means "keep the one stored for the rule of the same name".
      for (const rule of body.rules ?? []) {
        const webhook = rule.channels?.webhook;
        if (webhook?.secret === SECRET_PLACEHOLDER) webhook.secret = current.rules.find((r) => r.name === rule.name)?.channels.webhook?.secret ?? '';
      }
      return presentWatchlist(await deps.watchlists.update(principal.organisationId, request.params.id, body, actorOf(principal)));
    },
  );

  app.delete('/api/watchlists/:id', { schema: { tags: ['watch'], summary: 'Delete a watchlist and its rules', params: idParams }, config: { access: 'watch:manage' } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await deps.watchlists.remove(principal.organisationId, request.params.id, actorOf(principal));
    return reply.code(204).send();
  });
}
