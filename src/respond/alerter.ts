import type { EventBus } from '#platform/bus/bus.ts';
import type { Tx } from '#platform/db/database.ts';
import type { Assignment } from './dispatch.ts';
import './events.ts';
import type { Language } from './messages.ts';

/** The volunteer as an alert needs them. */
export interface AlertRecipient {
  id: string;
  organisationId: string;
  language: Language;
  pushSubscription: string | null;
}

/** One alert: the assignment with its wave and texts. */
export interface AlertAssignment extends Assignment {
  dispatchId: string;
  wave: number;
  message: Record<Language, string>;
  alertedAt: string;
}

/**
 * How an alert leaves Waakzaam. Called inside the transaction that records the responder row
 * (keyed by dispatch and volunteer), so an alert exists exactly when its row does and is never
 * sent twice. Implementations must only stage work in `tx` (an outbox event, a delivery row), never
 * call out over the network inside it.
 */
export interface Alerter {
  alert(tx: Tx, volunteer: AlertRecipient, assignment: AlertAssignment): Promise<void>;
}

/**
 * Stages `dispatch.alerted` on the bus. The send module's Web Push channel (or any SMS/voice
 * channel) subscribes to it and delivers; its delivery is idempotent on the event id.
 */
export class BusAlerter implements Alerter {
  constructor(private readonly bus: EventBus) {}

  async alert(tx: Tx, volunteer: AlertRecipient, a: AlertAssignment): Promise<void> {
    await this.bus.publish(
      tx,
      'dispatch.alerted',
      {
        dispatchId: a.dispatchId,
        volunteerId: volunteer.id,
        wave: a.wave,
        role: a.role,
        aedId: a.aedId,
        distanceM: Math.round(a.distanceM),
        etaS: Math.round(a.etaS),
        language: volunteer.language,
        message: a.message,
        pushSubscription: volunteer.pushSubscription,
        alertedAt: a.alertedAt,
      },
      { organisationId: volunteer.organisationId },
    );
  }
}
