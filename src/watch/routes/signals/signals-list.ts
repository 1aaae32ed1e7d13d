import { z } from 'zod';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { SIGNAL_REVIEWS } from '../../detect/signal.ts';
import type { SignalService } from '../../detect/signal-service.ts';
import { presentSignal, signalSchema } from './schemas.ts';

/** GET /api/signals: the organisation's weak signals, newest detection first. */
export function registerSignalsList(app: HttpApp, deps: { signals: SignalService }): void {
  app.get(
    '/api/signals',
    {
      schema: {
        tags: ['watch'],
        summary: 'Weak signals (bursts), newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.string().max(64).optional().describe('nextCursor of the previous page'),
          since: z.iso.datetime({ offset: true }).optional().describe('Only signals with posts since this time'),
          category: z.enum(CATEGORY_IDS).optional(),
          status: z.enum(['open', 'closed']).optional(),
          review: z.enum(SIGNAL_REVIEWS).optional(),
        }),
        response: { 200: z.object({ items: z.array(signalSchema), nextCursor: z.string().nullable() }) },
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const { limit, ...filters } = request.query;
      const items = await deps.signals.list({ organisationId: requirePrincipal(request).organisationId, limit, ...filters, since: filters.since && new Date(filters.since).toISOString() });
      return { items: items.map(presentSignal), nextCursor: items.length === limit ? items[items.length - 1]!.id : null };
    },
  );
}
