import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Logger } from '#platform/log.ts';
import '#ask/events.ts';
import type { AppealPublishRequest } from '#ask/events.ts';
import type { CategoryId } from '#core/taxonomy.ts';
import type { ChannelKind } from '../channels/channel.ts';
import type { AreaInput } from '../targeting/area.ts';
import type { DraftInput } from './message.ts';
import type { MessageService } from './message-service.ts';

export const APPEAL_CONSUMER = 'send.appeals';

/** Channels an appeal goes out on when installed: everyone in the area, and the public channels. */
const APPEAL_CHANNELS: readonly ChannelKind[] = ['webpush', 'email', 'sms', 'mastodon', 'bluesky', 'cap', 'feed'];

const CATEGORY: Record<string, CategoryId> = { suspect: 'robbery_burglary', vehicle: 'robbery_burglary', missing_person: 'missing_person', witness_call: 'suspicious' };

const HEADING: Record<string, string> = {
  suspect: 'Uitkijken naar verdachte',
  vehicle: 'Uitkijken naar voertuig',
  missing_person: 'Vermist',
  witness_call: 'Getuigen gezocht',
};

/**
 * Publishes the ask module's appeals and their closing messages (SPEC A1) through send: the
 * appeal goes to the subscribers whose area overlaps and to the public channels; the closing
 * message is an Update of the appeal's message, so it reaches everyone who received the appeal.
 * Idempotent: the ask module chose the message id, and publishing an id twice is a no-op.
 */
export class AppealConsumer {
  constructor(private readonly options: { bus: EventBus; messages: MessageService; channels: ReadonlySet<ChannelKind>; log: Logger }) {}

  register(): void {
    this.options.bus.subscribe(APPEAL_CONSUMER, ['appeal.publish_requested'], (events) => this.handle(events), { batchSize: 8 });
  }

  async handle(events: BusEvent<'appeal.publish_requested'>[]): Promise<void> {
    for (const event of events) {
      if (!event.organisationId) continue;
      const request = event.payload;
      await this.options.messages.publishOperational(event.organisationId, request.messageId, this.draft(request), {
        referencesId: request.purpose === 'closing' ? request.replyToMessageId : null,
        actor: { id: `appeal:${request.appealId}`, permissions: ['appeals:manage'] },
        reason: request.purpose === 'closing' ? 'closing message of an appeal' : 'appeal (Burgernet-style, issued by the control room)',
      });
      this.options.log.info({ appealId: request.appealId, messageId: request.messageId, purpose: request.purpose }, 'appeal message published');
    }
  }

  private draft(request: AppealPublishRequest): DraftInput {
    const heading = HEADING[request.kind] ?? 'Oproep';
    const closing = request.purpose === 'closing';
    return {
      category: CATEGORY[request.kind] ?? 'suspicious',
      urgency: closing ? 'Past' : 'Immediate',
      severity: 'Moderate',
      certainty: 'Observed',
      exercise: false,
      topics: [CATEGORY[request.kind] ?? 'suspicious'],
      channels: APPEAL_CHANNELS.filter((c) => this.options.channels.has(c)),
      content: {
        nl: {
          headline: closing ? `Afgesloten: ${request.title}`.slice(0, 160) : `${heading}: ${request.title}`.slice(0, 160),
          body: request.body,
          ...(closing || !request.responseInstructions ? {} : { instruction: request.responseInstructions }),
        },
      },
      area: areaOf(request.area),
      scheduledFor: null,
      expiresAt: closing ? null : request.expiresAt,
    };
  }
}

/** The appeal's circle or polygon as send's area input. */
function areaOf(area: unknown): AreaInput | null {
  const a = area as { type?: string; center?: { lat: number; lon: number }; radiusM?: number; coordinates?: [number, number][][] } | null;
  if (a?.type === 'circle' && a.center && typeof a.radiusM === 'number') return { kind: 'circle', lat: a.center.lat, lon: a.center.lon, radiusM: a.radiusM };
  if (a?.type === 'polygon' && Array.isArray(a.coordinates)) return { kind: 'polygon', coordinates: a.coordinates };
  return null;
}
