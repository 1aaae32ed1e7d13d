import type { EventBus } from '#platform/bus/bus.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { EventStreams } from '#platform/http/sse.ts';
import '../events.ts';

const TYPES = ['dispatch.started', 'dispatch.alerted', 'responder.updated', 'dispatch.closed'] as const;

/**
 * GET /api/dispatches/stream: the live board as Server-Sent Events. Event names are the bus event
 * types (`dispatch.started`, `dispatch.alerted`, `responder.updated`, `dispatch.closed`); data is
 * the payload without the volunteer's push subscription. A client that reconnects reloads
 * GET /api/dispatches/:id for what it missed (the board's state is small).
 */
export function registerDispatchesStream(app: HttpApp, deps: { bus: EventBus; streams: EventStreams }): void {
  app.get(
    '/api/dispatches/stream',
    { schema: { tags: ['respond'], summary: 'Live dispatch board (text/event-stream)' }, config: { access: 'dispatch:manage' } },
    async (request, reply) => {
      const { organisationId } = requirePrincipal(request);
      const stream = deps.streams.start(request, reply);
      const stop = deps.bus.listen([...TYPES], (event) => {
        if (event.organisationId !== organisationId) return;
        const payload: Record<string, unknown> = { ...event.payload };
        delete payload.pushSubscription;
        stream.send(event.type, payload, event.id);
      });
      stream.onClose(stop);
      stream.send('ready', { at: new Date().toISOString() });
    },
  );
}
