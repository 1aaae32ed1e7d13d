import type { Clock } from '#core/clock.ts';
import { newId } from '#core/ids.ts';
import type { Priority } from '#core/taxonomy.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import type { NotificationTable } from '#watch/tables.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Logger } from '#platform/log.ts';
import '../events.ts';
import '../detect/events.ts';
import { reasonOf } from '../detect/signal.ts';
import './events.ts';
import { postInScope, postStems, ruleFiresOnPost, ruleFiresOnSignal, signalInScope, type MatchablePost } from './match.ts';
import { fromNotificationRow } from './notification.ts';
import { AlertDelivery } from './delivery.ts';
import type { WatchlistService } from './watchlist-service.ts';

export const ALERTS_CONSUMER = 'watch.alerts';

type Candidate = Omit<NotificationTable, 'id' | 'created_at' | 'read_at'> & { email: boolean; webhook: boolean };

const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * The durable consumer `watch.alerts` (SPEC W6): matches analysed posts and new signals against
 * the organisation's watchlists and fires their alert rules. Each (rule, post or signal) becomes
 * at most one stored notification, whatever the redeliveries (a unique idempotency key); it is
 * announced live to the dashboard, and its email and webhook deliveries are persistent jobs
 * (see delivery.ts: throttled digests for email, signed and retried webhooks).
 */
export class AlertNotifier {
  readonly delivery: AlertDelivery;

  constructor(private readonly options: { database: Database; bus: EventBus; clock: Clock; log: Logger; jobs: JobRunner; watchlists: WatchlistService; mail: { smtpUrl: string | null; from: string | null } }) {
    this.delivery = new AlertDelivery(options);
  }

  register(): void {
    this.options.bus.subscribe(ALERTS_CONSUMER, ['posts.analysed', 'signal.changed'], (events) => this.handle(events), { batchSize: 32 });
    this.delivery.register();
  }

  async handle(events: BusEvent<'posts.analysed' | 'signal.changed'>[]): Promise<void> {
    const candidates: Candidate[] = [];
    for (const event of events) {
      const organisationId = event.organisationId;
      if (organisationId === null) continue;
      const lists = await this.options.watchlists.enabled(organisationId);
      if (lists.length === 0) continue;
      if (event.type === 'posts.analysed') {
        for (const post of (event as BusEvent<'posts.analysed'>).payload.posts) {
          const a = post.analysis;
          if (!a || a.feedback || !a.relevant) continue;
          const matchable: MatchablePost = { text: post.text, language: a.language, authorPseudonym: post.authorPseudonym, createdAt: post.createdAt, category: a.category, priority: a.priority, relevant: a.relevant, location: a.location };
          let stems: Set<string> | undefined;
          for (const list of lists) {
            const rules = list.rules.filter((r) => ruleFiresOnPost(r, matchable));
            if (rules.length === 0) continue;
            if (list.scope.keywords.length > 0) stems ??= postStems(post.text, a.language);
            if (!postInScope(list.scope, matchable, stems)) continue;
            for (const rule of rules) candidates.push(candidate(organisationId, list.id, list.name, rule, 'post', post.id, excerpt(post.text), a.priority));
          }
        }
      } else {
        const { signal, change } = (event as BusEvent<'signal.changed'>).payload;
        if (change !== 'opened') continue;
        for (const list of lists) {
          if (!signalInScope(list.scope, signal)) continue;
          for (const rule of list.rules.filter((r) => ruleFiresOnSignal(r, signal))) {
            candidates.push(candidate(organisationId, list.id, list.name, rule, 'signal', signal.id, `${signal.category}: ${reasonOf(signal).nl}`, 'high'));
          }
        }
      }
    }
    if (candidates.length > 0) await this.store(candidates);
  }

  private async store(candidates: Candidate[]): Promise<void> {
    const now = this.options.clock.now();
    const at = now.toISOString();
    await this.options.database.transaction(async (tx) => {
      const rows: NotificationTable[] = candidates.map(({ email: _e, webhook: _w, ...c }) => ({ ...c, id: newId(now.getTime()), created_at: at, read_at: null }));
      const inserted = await tx.db
        .insertInto('notifications')
        .values(rows)
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .execute();
      const fresh = new Set(inserted.map((r) => r.id));
      const created = rows.filter((r) => fresh.has(r.id));
      for (const row of created) {
        const c = candidates.find((x) => x.idempotency_key === row.idempotency_key)!;
        if (c.email) await this.delivery.queue(tx, row, 'email');
        if (c.webhook) await this.delivery.queue(tx, row, 'webhook');
      }
      await this.options.bus.publishMany(tx, 'notification.created', created.map((row) => ({ payload: { notification: fromNotificationRow(row) }, organisationId: row.organisation_id })));
    });
  }
}

function candidate(
  organisationId: string,
  watchlistId: string,
  watchlistName: string,
  rule: { id: string; name: string; channels: { email: string[]; webhook: unknown } },
  subjectType: 'post' | 'signal',
  subjectId: string,
  summary: string,
  priority: Priority,
): Candidate {
  return {
    organisation_id: organisationId,
    rule_id: rule.id,
    watchlist_id: watchlistId,
    subject_type: subjectType,
    subject_id: subjectId,
    idempotency_key: `${rule.id}:${subjectType}:${subjectId}`,
    title: `${watchlistName} — ${rule.name}`,
    summary,
    priority,
    email: rule.channels.email.length > 0,
    webhook: rule.channels.webhook !== null,
  };
}
