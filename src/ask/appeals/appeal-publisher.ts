import type { Clock } from '#core/clock.ts';
import { newId } from '#core/ids.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Tx } from '#platform/db/database.ts';
import '../events.ts';
import type { AppealPublishRequest } from '../events.ts';
import { closingBody, type Appeal, type AppealOutcome } from './appeal.ts';

/**
 * What the appeal service needs from the send module: publish an appeal to the subscribers in its
 * area and to public channels, send the closing message to everyone who received the appeal,
 * and say how many were reached. Calls happen inside the appeal's transaction so that the
 * request exists exactly when the state change does; an implementation that calls another
 * service must be idempotent by `request.messageId`.
 */
export interface AppealPublisher {
  /** Publishes the appeal; returns the id of its message. */
  publish(tx: Tx, appeal: Appeal): Promise<{ messageId: string }>;
  /** Sends the closing message to every recipient of `appeal.publishMessageId`; returns its id. */
  close(tx: Tx, appeal: Appeal, outcome: AppealOutcome, outcomeText: string | null): Promise<{ messageId: string }>;
  /** Recipients reached by a message, or null when not (yet) known. */
  reach(organisationId: string, messageId: string): Promise<number | null>;
}

/**
 * The publisher until the send module takes over: it stages `appeal.publish_requested` on the
 * bus with everything a sender needs and hands back the message id it chose. Reach stays
 * unknown (null) — nothing here delivers.
 */
export class BusAppealPublisher implements AppealPublisher {
  constructor(private readonly options: { bus: EventBus; clock: Clock }) {}

  async publish(tx: Tx, appeal: Appeal): Promise<{ messageId: string }> {
    return this.request(tx, appeal, {
      purpose: 'appeal',
      replyToMessageId: null,
      body: appeal.description,
    });
  }

  async close(tx: Tx, appeal: Appeal, outcome: AppealOutcome, outcomeText: string | null): Promise<{ messageId: string }> {
    return this.request(tx, appeal, { purpose: 'closing', replyToMessageId: appeal.publishMessageId, body: closingBody(appeal, outcome, outcomeText) });
  }

  async reach(_organisationId: string, _messageId: string): Promise<number | null> {
    return null;
  }

  private async request(tx: Tx, appeal: Appeal, parts: Pick<AppealPublishRequest, 'purpose' | 'replyToMessageId' | 'body'>): Promise<{ messageId: string }> {
    const messageId = newId(this.options.clock.now().getTime());
    await this.options.bus.publish(
      tx,
      'appeal.publish_requested',
      { messageId, appealId: appeal.id, kind: appeal.kind, title: appeal.title, area: appeal.area, responseInstructions: appeal.responseInstructions, expiresAt: appeal.endsAt, ...parts },
      { organisationId: appeal.organisationId },
    );
    return { messageId };
  }
}

/**
 * The publisher with the send module behind it: publication still goes through
 * `appeal.publish_requested` (send's `send.appeals` consumer publishes it with the chosen message
 * id, idempotently), and reach is what send delivered to people for that message.
 */
export class SendAppealPublisher extends BusAppealPublisher {
  constructor(options: { bus: EventBus; clock: Clock; delivered: (organisationId: string, messageId: string) => Promise<number> }) {
    super(options);
    this.delivered = options.delivered;
  }

  private readonly delivered: (organisationId: string, messageId: string) => Promise<number>;

  override async reach(organisationId: string, messageId: string): Promise<number | null> {
    return this.delivered(organisationId, messageId);
  }
}
