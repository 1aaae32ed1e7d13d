import type { Clock } from '#core/clock.ts';
import { notFound } from '#core/errors.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import type { AnalysedPost } from '../analysis.ts';
import type { PostService } from '../post-service.ts';
import './events.ts';
import type { Signal, SignalReview } from './signal.ts';
import { findSignal, querySignals, signalPostIds, type SignalQuery } from './signal-store.ts';

/** Posts shown with a signal; the full list of ids stays available. */
const DETAIL_POSTS = 50;

export interface SignalDetail {
  signal: Signal;
  postIds: string[];
  posts: AnalysedPost[];
}

/** Weak signals of an organisation (SPEC W5): list, detail with the posts behind them, and the operator's review. */
export class SignalService {
  constructor(private readonly options: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock; posts: PostService }) {}

  list(query: SignalQuery): Promise<Signal[]> {
    return querySignals(this.options.database.db, query);
  }

  async get(organisationId: string, id: string): Promise<Signal> {
    const signal = await findSignal(this.options.database.db, organisationId, id);
    if (!signal) throw notFound('SIGNAL_NOT_FOUND', 'No such signal in this organisation.');
    return signal;
  }

  async detail(organisationId: string, id: string): Promise<SignalDetail> {
    const signal = await this.get(organisationId, id);
    const postIds = await signalPostIds(this.options.database.db, id, 5000);
    // A post may be gone (retention) while its link remains; show the ones still there.
    const found = await Promise.allSettled(postIds.slice(-DETAIL_POSTS).map((postId) => this.options.posts.get(organisationId, postId)));
    const posts = found.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    return { signal, postIds, posts };
  }

  /** Marks a signal acknowledged or dismissed (or new again); audited and announced. */
  async review(organisationId: string, id: string, review: SignalReview, actor: string): Promise<Signal> {
    const current = await this.get(organisationId, id);
    const now = this.options.clock.now().toISOString();
    await this.options.database.transaction(async (tx) => {
      await tx.db.updateTable('signals').set({ review, updated_at: now }).where('id', '=', id).where('organisation_id', '=', organisationId).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'signal.review', subjectType: 'signal', subjectId: id, data: { from: current.review, to: review } });
      await this.options.bus.publish(tx, 'signal.changed', { signal: { ...current, review, updatedAt: now }, change: 'reviewed', postIds: [] }, { organisationId });
    });
    return { ...current, review, updatedAt: now };
  }
}
