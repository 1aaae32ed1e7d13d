import type { Clock } from '#core/clock.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { NotificationTable } from '#watch/tables.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Logger } from '#platform/log.ts';
import { Mailer } from '#platform/mail/mailer.ts';
import { sendSignedWebhook } from '#platform/webhooks/signed-webhook.ts';
import { fromNotificationRow, type Notification } from './notification.ts';
import { findRule } from './watchlist-store.ts';

const EMAIL_JOB = 'alerts.email';
const WEBHOOK_JOB = 'alerts.webhook';

/**
 * Email and webhook delivery of notifications, as persistent jobs so that a restart loses
 * nothing. Email is throttled per rule: at most one mail per `throttleMinutes`; whatever fires in
 * between goes out together as one digest when the period ends. Webhooks are signed
 * (platform/webhooks) and retried with the job runner's backoff; the notification's idempotency
 * key is the event id, so a receiver drops repeats.
 */
export class AlertDelivery {
  private mailer: Mailer | undefined;

  constructor(private readonly options: { database: Database; clock: Clock; log: Logger; jobs: JobRunner; mail: { smtpUrl: string | null; from: string | null } }) {}

  register(): void {
    this.options.jobs.register<{ ruleId: string }>(EMAIL_JOB, (job) => this.sendEmail(job.payload.ruleId));
    this.options.jobs.register<{ notificationId: string }>(WEBHOOK_JOB, (job) => this.sendWebhook(job.payload.notificationId));
  }

  /** Records a pending delivery and schedules its job, inside the notification's transaction. */
  async queue(tx: Tx, notification: NotificationTable, channel: 'email' | 'webhook'): Promise<void> {
    await tx.db
      .insertInto('notification_deliveries')
      .values({ notification_id: notification.id, channel, organisation_id: notification.organisation_id, rule_id: notification.rule_id, status: 'pending', attempts: 0, last_error: null, created_at: notification.created_at, sent_at: null })
      .execute();
    const runAt = this.options.clock.now();
    if (channel === 'email') await this.options.jobs.schedule({ kind: EMAIL_JOB, runAt, payload: { ruleId: notification.rule_id }, dedupeKey: `${EMAIL_JOB}:${notification.id}` }, tx);
    else await this.options.jobs.schedule({ kind: WEBHOOK_JOB, runAt, payload: { notificationId: notification.id }, dedupeKey: `${WEBHOOK_JOB}:${notification.id}`, maxAttempts: 8 }, tx);
  }

  private async sendEmail(ruleId: string): Promise<void> {
    const { database, clock, jobs } = this.options;
    const db = database.db;
    const rule = await findRule(db, ruleId);
    const pending = await db
      .selectFrom('notification_deliveries as d')
      .innerJoin('notifications as n', 'n.id', 'd.notification_id')
      .selectAll('n')
      .where('d.rule_id', '=', ruleId)
      .where('d.channel', '=', 'email')
      .where('d.status', '=', 'pending')
      .orderBy('n.created_at')
      .execute();
    if (pending.length === 0) return;
    const ids = pending.map((p) => p.id);
    const mark = (status: 'sent' | 'failed', error: string | null) =>
      db.updateTable('notification_deliveries').set({ status, last_error: error, sent_at: status === 'sent' ? clock.now().toISOString() : null }).where('channel', '=', 'email').where('notification_id', 'in', ids).execute();
    if (!rule || rule.channels.email.length === 0) return void (await mark('failed', 'the rule no longer sends email'));
    const mailer = this.mailerOrNull();
    if (!mailer) return void (await mark('failed', 'no SMTP server configured (WAAKZAAM_SMTP_URL, WAAKZAAM_MAIL_FROM)'));
    const last = await db
      .selectFrom('notification_deliveries')
      .select((eb) => eb.fn.max('sent_at').as('at'))
      .where('rule_id', '=', ruleId)
      .where('channel', '=', 'email')
      .where('status', '=', 'sent')
      .executeTakeFirst();
    const nextAllowed = last?.at ? Date.parse(last.at) + rule.throttleMinutes * 60_000 : 0;
    if (clock.now().getTime() < nextAllowed) {
      // Throttled: one job at the end of the period sends everything pending as a digest.
      await jobs.schedule({ kind: EMAIL_JOB, runAt: new Date(nextAllowed), payload: { ruleId }, dedupeKey: `${EMAIL_JOB}:${ruleId}:at:${nextAllowed}` });
      return;
    }
    const notifications = pending.map(fromNotificationRow);
    await mailer.send({ to: rule.channels.email.join(', '), ...composeMail(notifications) });
    await mark('sent', null);
  }

  private async sendWebhook(notificationId: string): Promise<void> {
    const db = this.options.database.db;
    const row = await db.selectFrom('notifications').selectAll().where('id', '=', notificationId).executeTakeFirst();
    const delivery = await db.selectFrom('notification_deliveries').select('status').where('notification_id', '=', notificationId).where('channel', '=', 'webhook').executeTakeFirst();
    if (!row || !delivery || delivery.status !== 'pending') return;
    const rule = await findRule(db, row.rule_id);
    const set = (status: 'sent' | 'failed' | 'pending', error: string | null) =>
      db
        .updateTable('notification_deliveries')
        .set((eb) => ({ status, last_error: error, attempts: eb('attempts', '+', 1), sent_at: status === 'sent' ? this.options.clock.now().toISOString() : null }))
        .where('notification_id', '=', notificationId)
        .where('channel', '=', 'webhook')
        .execute();
    if (!rule?.channels.webhook) return void (await set('failed', 'the rule no longer has a webhook'));
    const notification = fromNotificationRow(row);
    const result = await sendSignedWebhook({ url: rule.channels.webhook.url, secret: rule.channels.webhook.secret, payload: { type: 'notification.created', notification }, eventId: row.idempotency_key, eventType: 'notification.created' });
    // Signed with the wall clock (the default), not the injected clock: the receiver checks it against its own.
    if (result.outcome === 'delivered') return void (await set('sent', null));
    if (result.outcome === 'retry') {
      await set('pending', result.reason);
      throw new Error(`webhook not delivered yet: ${result.reason}`);
    }
    await set('failed', result.reason);
  }

  private mailerOrNull(): Mailer | null {
    const { smtpUrl, from } = this.options.mail;
    if (!smtpUrl || !from) return null;
    this.mailer ??= new Mailer({ url: smtpUrl, from });
    return this.mailer;
  }
}

/** One notification as a mail, or several as a digest; Dutch first, English below (staff of either language). */
export function composeMail(notifications: Notification[]): { subject: string; text: string } {
  const first = notifications[0]!;
  const lines = notifications.map((n) => `- [${n.priority}] ${n.title}: ${n.summary} (${n.subjectType} ${n.subjectId}, ${n.createdAt})`);
  if (notifications.length === 1) {
    return { subject: `Waakzaam: ${first.title}`, text: `Een waarschuwingsregel is afgegaan / An alert rule fired:\n\n${lines[0]}\n` };
  }
  return {
    subject: `Waakzaam: ${notifications.length} meldingen — ${first.title}`,
    text: `Samenvatting van ${notifications.length} meldingen / Digest of ${notifications.length} notifications:\n\n${lines.join('\n')}\n`,
  };
}
