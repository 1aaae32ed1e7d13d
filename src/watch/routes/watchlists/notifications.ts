import { z } from 'zod';
import { PRIORITIES } from '#core/taxonomy.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { NotificationService } from '../../watchlists/notification-service.ts';

const notificationSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  watchlistId: z.string(),
  subjectType: z.enum(['post', 'signal']),
  subjectId: z.string(),
  title: z.string(),
  summary: z.string(),
  priority: z.enum(PRIORITIES),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  deliveries: z.array(z.object({ channel: z.string(), status: z.string(), lastError: z.string().nullable() })),
});

/** Notifications of alert rules (SPEC W6): the list (live ones arrive on /api/signals/stream) and marking read. */
export function registerNotificationRoutes(app: HttpApp, deps: { notifications: NotificationService }): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['watch'],
        summary: 'Notifications, newest first, with their email and webhook delivery state',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.string().max(64).optional(), unread: z.enum(['true']).optional() }),
        response: { 200: z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable() }) },
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const { limit, before, unread } = request.query;
      const items = await deps.notifications.list(requirePrincipal(request).organisationId, { limit, before, unread: unread === 'true' });
      return { items, nextCursor: items.length === limit ? items[items.length - 1]!.id : null };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['watch'], summary: 'Mark a notification read', params: z.object({ id: z.string().max(64) }), response: { 204: z.null(), 404: problemSchema } }, config: { access: 'posts:read' } },
    async (request, reply) => {
      await deps.notifications.markRead(requirePrincipal(request).organisationId, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
