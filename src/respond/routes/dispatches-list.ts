import { z } from 'zod';
import type { Database } from '#platform/db/database.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { listDispatches } from '../dispatch-store.ts';
import { presentDispatch } from '../dispatch-views.ts';
import { dispatchSchema } from './schemas.ts';

/** GET /api/dispatches: the organisation's dispatches, newest first. */
export function registerDispatchesList(app: HttpApp, deps: { database: Database }): void {
  app.get(
    '/api/dispatches',
    {
      schema: {
        tags: ['respond'],
        summary: 'Dispatches, newest first',
        querystring: z.object({ status: z.enum(['active', 'closed']).optional(), limit: z.coerce.number().int().min(1).max(100).default(20), before: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(dispatchSchema), nextCursor: z.string().nullable() }) },
      },
      config: { access: 'dispatch:manage' },
    },
    async (request) => {
      const { status, limit, before } = request.query;
      const page = await listDispatches(deps.database.db, requirePrincipal(request).organisationId, status, limit, before);
      const items = [];
      for (const d of page) items.push(await presentDispatch(deps.database, d));
      return { items, nextCursor: page.length === limit ? page[page.length - 1]!.id : null };
    },
  );
}
