import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { markProcessed } from '#platform/bus/idempotency.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import '#respond/events.ts';
import type { Channel, OutgoingMessage } from '../channels/channel.ts';

export const RESPONDER_PUSH_CONSUMER = 'send.responder-push';

/** Quick retries only: a cardiac-arrest alert that arrives minutes late is of no use. */
const RETRY_DELAYS_MS = [500, 1500, 3000];

const TITLE = { nl: 'Reanimatie nodig', en: 'Cardiac arrest: CPR needed' } as const;

/**
 * Web Push of responder alerts (SPEC R2/R3): the respond module stages `dispatch.alerted` once per
 * dispatch and volunteer; this consumer pushes it to the volunteer's responder app. It is not
 * routed through the broadcast delivery engine: an alert is personal, time-critical and already
 * keyed (dispatch, volunteer) by respond. At least once: after a crash between the push and the
 * processed mark the alert is pushed again, and the notification's tag (`dispatch-<id>`) makes
 * the phone replace the first one instead of showing two.
 */
export class ResponderPush {
  constructor(
    private readonly options: {
      database: Database;
      bus: EventBus;
      clock: Clock;
      log: Logger;
      channel: Channel;
      publicUrl: string;
      sleep?: (ms: number) => Promise<void>;
    },
  ) {}

  register(): void {
    this.options.bus.subscribe(RESPONDER_PUSH_CONSUMER, ['dispatch.alerted'], (events) => this.handle(events), { batchSize: 32 });
  }

  async handle(events: BusEvent<'dispatch.alerted'>[]): Promise<void> {
    await Promise.all(events.map((event) => this.push(event)));
  }

  private async push(event: BusEvent<'dispatch.alerted'>): Promise<void> {
    const alert = event.payload;
    const done = await this.options.database.db
      .selectFrom('processed_events')
      .select('event_id')
      .where('consumer', '=', RESPONDER_PUSH_CONSUMER)
      .where('event_id', '=', event.id)
      .executeTakeFirst();
    if (done) return;
    if (alert.pushSubscription !== null) {
      const message = this.message(event);
      const recipient = { id: alert.volunteerId, address: alert.pushSubscription, language: alert.language };
      const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
      for (let attempt = 0; ; attempt++) {
        const outcome = await this.options.channel.deliver(message, recipient, `${alert.dispatchId}:${alert.volunteerId}`, AbortSignal.timeout(10_000));
        if (outcome.outcome === 'retry' && attempt < RETRY_DELAYS_MS.length) {
          await sleep(RETRY_DELAYS_MS[attempt]!);
          continue;
        }
        const level = outcome.outcome === 'delivered' ? 'debug' : 'warn';
        this.options.log[level]({ dispatchId: alert.dispatchId, volunteerId: alert.volunteerId, ...outcome }, 'responder alert push');
        break;
      }
    }
    await this.options.database.transaction((tx) => markProcessed(tx, RESPONDER_PUSH_CONSUMER, event.id, this.options.clock.now()));
  }

  private message(event: BusEvent<'dispatch.alerted'>): OutgoingMessage {
    const alert = event.payload;
    return {
      // The id becomes the notification's tag: every push of one dispatch replaces the previous.
      id: `dispatch-${alert.dispatchId}`,
      organisationId: event.organisationId ?? '',
      senderName: 'Waakzaam',
      msgType: 'Alert',
      status: 'Actual',
      language: alert.language,
      category: 'medical',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      headline: TITLE[alert.language],
      body: alert.message[alert.language],
      url: `${this.options.publicUrl}/citizen/hulpverlener/oproep/${encodeURIComponent(alert.dispatchId)}`,
      topics: [],
      sentAt: alert.alertedAt,
      references: [],
      media: [],
    };
  }
}
