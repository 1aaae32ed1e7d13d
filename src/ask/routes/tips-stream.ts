import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { EventStreams } from '#platform/http/sse.ts';
import type { Logger } from '#platform/log.ts';
import '../events.ts';
import type { TipService } from '../tip-service.ts';
import { presentTip } from './schemas.ts';

const TIP_EVENTS = ['tip.received', 'tip.triaged', 'tip.updated', 'media.processed'] as const;

function tipIdOf(event: BusEvent<(typeof TIP_EVENTS)[number]>): string | null {
  if (event.type === 'media.processed') {
    const payload = event.payload as { ownerType: string; ownerId: string };
    return payload.ownerType === 'tip' ? payload.ownerId : null;
  }
  return (event.payload as { tipId: string }).tipId;
}

/**
 * GET /api/tips/stream: the live triage queue as Server-Sent Events — a `tip` event with the
 * tip's current state whenever it arrives, is classified, gets a processed photo or is
 * triaged. A reconnecting dashboard reloads GET /api/tips for what it missed.
 */
export function registerTipsStream(app: HttpApp, deps: { tips: TipService; bus: EventBus; streams: EventStreams; log: Logger }): void {
  app.get('/api/tips/stream', { schema: { tags: ['ask'], summary: 'Live tips (text/event-stream)' }, config: { access: 'tips:read' } }, async (request, reply) => {
    const { organisationId } = requirePrincipal(request);
    const stream = deps.streams.start(request, reply);
    const stop = deps.bus.listen(TIP_EVENTS, (event) => {
      if (event.organisationId !== organisationId) return;
      const tipId = tipIdOf(event);
      if (!tipId) return;
      deps.tips
        .get(organisationId, tipId)
        .then((tip) => stream.send('tip', presentTip(tip), event.id))
        .catch((error: unknown) => deps.log.warn({ err: error, tipId }, 'could not send a tip to a live queue'));
    });
    stream.onClose(stop);
    stream.send('ready', { at: new Date().toISOString() });
  });
}
