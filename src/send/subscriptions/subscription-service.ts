import type { Clock } from '#core/clock.ts';
import { AppError, invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { Database } from '#platform/db/database.ts';
import type { SendSubscriptionTable } from '#send/tables.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Logger } from '#platform/log.ts';
import type { Mailer } from '#platform/mail/mailer.ts';
import { resolveArea, type AreaInput } from '../targeting/area.ts';
import type { Municipalities } from '../targeting/municipalities.ts';
import type { PostcodeAreas } from '../targeting/postcode-areas.ts';
import { SubscriptionIndex, type IndexedSubscription } from '../targeting/subscription-index.ts';
import { confirmationMail } from './confirmation-mail.ts';
import type { CitizenSubscriptionInput, EndpointSubscriptionInput, SubscriptionChannel } from './subscription.ts';
import { activePage, changedSince, findByConfirmHash, findSubscription, insertSubscription, toIndexed, wipeSubscription } from './subscription-store.ts';
import { hashToken, type SubscriptionTokens } from './tokens.ts';

export const CONFIRMATION_JOB = 'send.confirmation-mail';
/** How long an email confirmation link works. */
export const CONFIRMATION_HOURS = 48;
/** Writers in other processes stamp `updated_at` with their own clocks; look back this far. */
const CLOCK_SKEW_MS = 5_000;
const LOAD_PAGE = 20_000;
/** More changes than this since the last look: reload instead of applying them one by one. */
const REFRESH_LIMIT = 50_000;

export interface SubscriptionServiceOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  jobs: JobRunner;
  tokens: SubscriptionTokens;
  municipalities: Municipalities;
  /**
   * Postcode-4 outlines for `postcode` areas; absent: the bundled file. A postcode subscription
   * stores the outline it resolved to, so later replacing the file changes new subscriptions only.
   */
  postcodeAreas?: PostcodeAreas | null;
  /** Null when no SMTP server is configured: email subscriptions are then refused. */
  mailer: Mailer | null;
  publicUrl: string;
}

/**
 * Citizen subscriptions (SPEC S5): Web Push (active at once: the browser's permission prompt is
 * the opt-in) or email with double opt-in (pending until the link in the confirmation mail is
 * used); unsubscribe in one step with the token from any message's link. Nothing but the address
 * the channel needs is stored, and removal wipes it. Also keeps the in-memory index of this
 * process current for the delivery engine.
 */
export class SubscriptionService {
  private index: SubscriptionIndex | undefined;
  /** Newest change this process's index has seen. */
  private seenUntil = '';

  constructor(private readonly options: SubscriptionServiceOptions) {}

  async subscribe(input: CitizenSubscriptionInput): Promise<{ id: string; status: 'pending' | 'active'; unsubscribeToken: string | null }> {
    if (input.channel === 'email' && !this.options.mailer) throw new AppError('unavailable', 'EMAIL_UNAVAILABLE', 'Subscribing by email is not possible on this installation.');
    const address = input.channel === 'email' ? input.email.trim().toLowerCase() : JSON.stringify(input.subscription);
    const id = newId();
    const pending = input.channel === 'email';
    const row = this.row(id, input.channel, address, input, pending ? 'pending' : 'active');
    await this.options.database.transaction(async (tx) => {
      await insertSubscription(tx.db, row);
      if (pending) await this.options.jobs.schedule({ kind: CONFIRMATION_JOB, runAt: this.options.clock.now(), payload: { subscriptionId: id }, dedupeKey: `${CONFIRMATION_JOB}:${id}` }, tx);
    });
    // The token is only handed out when the subscriber proved the address is theirs (push: the
    // browser gave it; email: the confirmation link), so nobody can manage another's subscription.
    return { id, status: pending ? 'pending' : 'active', unsubscribeToken: pending ? null : this.options.tokens.unsubscribeToken(id) };
  }

  /** A partner endpoint of an organisation that receives signed webhooks for its area. */
  async subscribeEndpoint(organisationId: string, input: EndpointSubscriptionInput): Promise<{ id: string; unsubscribeToken: string }> {
    const id = newId();
    await insertSubscription(this.options.database.db, this.row(id, 'webhook', JSON.stringify({ url: input.url, secret: input.secret }), { ...input, organisationId }, 'active'));
    return { id, unsubscribeToken: this.options.tokens.unsubscribeToken(id) };
  }

  /** Uses the link from the confirmation mail; confirming twice is fine. */
  async confirm(token: string): Promise<{ id: string; unsubscribeToken: string }> {
    const row = await findByConfirmHash(this.options.database.db, hashToken(token));
    if (!row || row.status === 'removed') throw notFound('CONFIRMATION_UNKNOWN', 'This confirmation link is not valid (any more).');
    if (row.status === 'pending') {
      if (row.confirm_expires_at !== null && Date.parse(row.confirm_expires_at) < this.options.clock.now().getTime()) {
        throw invalid('CONFIRMATION_EXPIRED', 'This confirmation link has expired. Please subscribe again.');
      }
      const now = this.options.clock.now().toISOString();
      await this.options.database.db
        .updateTable('send_subscriptions')
        .set({ status: 'active', confirmed_at: now, confirm_expires_at: null, updated_at: now })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .execute();
    }
    return { id: row.id, unsubscribeToken: this.options.tokens.unsubscribeToken(row.id) };
  }

  /** One step, no login: the token proves the link came from one of our messages. */
  async unsubscribe(id: string, token: string): Promise<void> {
    if (!this.options.tokens.verifyUnsubscribe(id, token)) throw notFound('SUBSCRIPTION_UNKNOWN', 'This unsubscribe link is not valid.');
    await wipeSubscription(this.options.database.db, id, this.options.clock.now().toISOString());
    this.index?.remove(id);
  }

  /** The channel reported the address dead (Web Push 404/410, hard bounce): stop sending to it. */
  async removeGone(id: string): Promise<boolean> {
    const removed = await wipeSubscription(this.options.database.db, id, this.options.clock.now().toISOString());
    this.index?.remove(id);
    return removed;
  }

  /** The link a recipient uses to unsubscribe (the citizen app's page calls the public API). */
  unsubscribeUrl(id: string): string {
    return `${this.options.publicUrl}/citizen/unsubscribe?s=${encodeURIComponent(id)}&t=${this.options.tokens.unsubscribeToken(id)}`;
  }

  /** The job handler that sends the double opt-in mail. */
  async sendConfirmation(subscriptionId: string): Promise<void> {
    const row = await findSubscription(this.options.database.db, subscriptionId);
    if (!row || row.status !== 'pending') return;
    if (!this.options.mailer) throw new Error('no SMTP server configured for confirmation mails');
    const confirmUrl = `${this.options.publicUrl}/citizen/confirm?t=${this.options.tokens.confirmToken(subscriptionId)}`;
    const mail = confirmationMail({ language: row.language === 'en' ? 'en' : 'nl', confirmUrl, unsubscribeUrl: this.unsubscribeUrl(subscriptionId), hours: CONFIRMATION_HOURS });
    await this.options.mailer.send({ to: row.address, ...mail });
  }

  /** Wipes email subscriptions whose confirmation link expired unused. */
  async purgeUnconfirmed(): Promise<number> {
    const now = this.options.clock.now().toISOString();
    const stale = await this.options.database.db.selectFrom('send_subscriptions').select('id').where('status', '=', 'pending').where('confirm_expires_at', '<', now).execute();
    for (const { id } of stale) await wipeSubscription(this.options.database.db, id, now);
    return stale.length;
  }

  /**
   * This process's index, loaded from the store on first use and then brought up to date with
   * the rows changed since (activations, removals by any process) before each use.
   */
  async currentIndex(): Promise<SubscriptionIndex> {
    if (!this.index) {
      const index = new SubscriptionIndex(this.options.municipalities);
      const started = this.options.clock.now().getTime();
      await index.load(this.activePages());
      this.index = index;
      this.seenUntil = new Date(started).toISOString();
    }
    return this.refresh(this.index);
  }

  /** Forgets the index (the next use loads it again), e.g. after a bulk import. */
  resetIndex(): void {
    this.index = undefined;
  }

  private async *activePages(): AsyncGenerator<IndexedSubscription[]> {
    let after = '';
    for (;;) {
      const rows = await activePage(this.options.database.db, after, LOAD_PAGE);
      if (rows.length === 0) return;
      yield rows.map(toIndexed);
      after = rows[rows.length - 1]!.id;
    }
  }

  private async refresh(index: SubscriptionIndex): Promise<SubscriptionIndex> {
    const since = new Date(Date.parse(this.seenUntil) - CLOCK_SKEW_MS).toISOString();
    const rows = await changedSince(this.options.database.db, since, REFRESH_LIMIT);
    if (rows.length === REFRESH_LIMIT) {
      this.index = undefined;
      return this.currentIndex();
    }
    for (const r of rows) {
      if (r.status === 'active') index.add(toIndexed(r));
      else if (r.status === 'removed') index.remove(r.id);
      if (r.updated_at > this.seenUntil) this.seenUntil = r.updated_at;
    }
    return index;
  }

  private row(id: string, channel: SubscriptionChannel, address: string, input: { area: AreaInput; topics: string[]; language: 'nl' | 'en'; organisationId: string | null }, status: 'pending' | 'active'): SendSubscriptionTable {
    const area = resolveArea(input.area, this.options.municipalities, this.options.postcodeAreas);
    const now = this.options.clock.now();
    const pending = status === 'pending';
    return {
      id,
      organisation_id: input.organisationId,
      channel,
      address,
      language: input.language,
      topics: JSON.stringify([...new Set(input.topics)]),
      area: JSON.stringify(input.area),
      geometry: area.shape.kind === 'polygon' ? JSON.stringify(area.geometry) : null,
      min_lon: area.bbox[0],
      min_lat: area.bbox[1],
      max_lon: area.bbox[2],
      max_lat: area.bbox[3],
      status,
      confirm_token_hash: pending ? hashToken(this.options.tokens.confirmToken(id)) : null,
      confirm_expires_at: pending ? new Date(now.getTime() + CONFIRMATION_HOURS * 3_600_000).toISOString() : null,
      created_at: now.toISOString(),
      confirmed_at: pending ? null : now.toISOString(),
      updated_at: now.toISOString(),
    };
  }
}

