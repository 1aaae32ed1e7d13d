import type { EventBus } from '#platform/bus/bus.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { EventStreams } from '#platform/http/sse.ts';
import '../../detect/events.ts';
import '../../watchlists/events.ts';
import { presentSignal } from './schemas.ts';

/**
 * GET /api/signals/stream: live Server-Sent Events for the dashboard — `signal` (opened, grown,
 * closed, reviewed; the same id comes again as it changes) and `notification` (an alert rule fired).
 * A client that reconnects reloads the lists (GET /api/signals, /api/notifications).
 */
export function registerSignalsStream(app: HttpApp, deps: { bus: EventBus; streams: EventStreams }): void {
  app.get('/api/signals/stream', { schema: { tags: ['watch'], summary: 'Live signals and notifications (text/event-stream)' }, config: { access: 'posts:read' } }, async (request, reply) => {
    const { organisationId } = requirePrincipal(request);
    const stream = deps.streams.start(request, reply);
    const stop = deps.bus.listen(['signal.changed', 'notification.created'], (event) => {
      if (event.organisationId !== organisationId) return;
      if (event.type === 'signal.changed') {
        const payload = (event as { payload: { signal: Parameters<typeof presentSignal>[0]; change: string; postIds: string[] } }).payload;
        stream.send('signal', { change: payload.change, signal: presentSignal(payload.signal), postIds: payload.postIds });
      } else {
        stream.send('notification', (event as { payload: { notification: unknown } }).payload.notification, event.id);
      }
    });
    stream.onClose(stop);
  });
}
