import { z } from 'zod';
import { notFound } from '#core/errors.ts';
import type { Database } from '#platform/db/database.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { findDispatch } from '../dispatch-store.ts';
import { idParams } from './schemas.ts';

/**
 * GET /api/dispatches/:id/positions: where the committed responders of a dispatch are now, for
 * the board's map. Only live locations the responder app shared after the volunteer accepted this
 * alert are given (the app shares its location only then); registered home and work addresses are
 * never shown on the board, and neither are the positions of those who declined or did not answer.
 * Location updates are not on the event stream (they are frequent), so the board polls this.
 */
export function registerDispatchPositions(app: HttpApp, deps: { database: Database }): void {
  app.get(
    '/api/dispatches/:id/positions',
    {
      schema: {
        tags: ['respond'],
        summary: 'Live positions of the responders who accepted (shared by their app since accepting)',
        params: idParams,
        response: { 200: z.object({ items: z.array(z.object({ volunteerId: z.string(), lat: z.number(), lon: z.number(), at: z.string() })) }), 404: problemSchema },
      },
      config: { access: 'dispatch:manage' },
    },
    async (request) => {
      const dispatch = await findDispatch(deps.database.db, request.params.id);
      if (!dispatch || dispatch.organisationId !== requirePrincipal(request).organisationId) throw notFound('DISPATCH_NOT_FOUND', 'No such dispatch in this organisation.');
      const rows = await deps.database.db
        .selectFrom('respond_responders as r')
        .innerJoin('respond_volunteers as v', 'v.id', 'r.volunteer_id')
        .select(['r.volunteer_id', 'r.accepted_at', 'v.live_lat', 'v.live_lon', 'v.live_at'])
        .where('r.dispatch_id', '=', dispatch.id)
        .where('r.state', 'in', ['accepted', 'on_way', 'arrived'])
        .execute();
      const items = [];
      for (const row of rows) {
        if (row.live_lat === null || row.live_lon === null || row.live_at === null || row.accepted_at === null) continue;
        if (Date.parse(row.live_at) < Date.parse(row.accepted_at)) continue;
        items.push({ volunteerId: row.volunteer_id, lat: row.live_lat, lon: row.live_lon, at: row.live_at });
      }
      return { items };
    },
  );
}
