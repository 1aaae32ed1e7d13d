import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { markProcessed } from '#platform/bus/idempotency.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { AnalysedPost } from '../analysis.ts';
import '../detect/events.ts';
import type { IncidentStatus } from './cluster.ts';
import './events.ts';
import { clusterPostOf, type IncidentService } from './incident-service.ts';
import './tables.ts';

export const SIGNAL_LINK_CONSUMER = 'watch.incidents.signals';

/** What the link needs of the post service: one post with its analysis (a missing post is skipped). */
export interface PostLookup {
  get(organisationId: string, id: string): Promise<AnalysedPost>;
}

/** The signal ids of an incident with `signalId` added, or null when it was there already. */
export function withSignal(signalIds: readonly string[], signalId: string): string[] | null {
  return signalIds.includes(signalId) ? null : [...signalIds, signalId];
}

/**
 * The durable consumer `watch.incidents.signals` (SPEC W5 → W7): a burst that opens or grows
 * points at its posts, so they must surface as an incident even when each one alone is of low
 * priority. The posts of the change are clustered with the `signalled` flag when the signal has a
 * cell (a post already in an incident stays where it is), and every incident holding one of the
 * signal's posts records the signal's id. Either consumer may see a post first: clustering skips members, and both run in
 * transactions, so the outcome does not depend on which one wins.
 */
export class SignalIncidentLink {
  constructor(private readonly options: { database: Database; bus: EventBus; clock: Clock; incidents: IncidentService; posts: PostLookup }) {}

  register(): void {
    this.options.bus.subscribe(SIGNAL_LINK_CONSUMER, ['signal.changed'], (events) => this.handle(events), { batchSize: 100 });
  }

  async handle(events: BusEvent<'signal.changed'>[]): Promise<void> {
    const relevant = events.filter((e) => e.organisationId !== null && (e.payload.change === 'opened' || e.payload.change === 'grown') && e.payload.postIds.length > 0);
    // Posts are read before the transaction: on SQLite a read outside it would wait for it to end.
    const posts = new Map<string, AnalysedPost>();
    for (const event of relevant) {
      const found = await Promise.allSettled(event.payload.postIds.filter((id) => !posts.has(id)).map((id) => this.options.posts.get(event.organisationId!, id)));
      for (const result of found) if (result.status === 'fulfilled') posts.set(result.value.id, result.value);
    }
    const { database, bus, clock } = this.options;
    await database.transaction(async (tx) => {
      for (const event of events) {
        if (!(await markProcessed(tx, SIGNAL_LINK_CONSUMER, event.id, clock.now()))) continue;
        if (!relevant.includes(event)) continue;
        const organisationId = event.organisationId!;
        const { signal, postIds } = event.payload;
        // A burst in a cell points at one place; the organisation-wide burst of posts without a
        // location does not, and letting each of its posts open an incident would scatter them.
        const signalled = signal.cell !== null;
        const items = postIds.flatMap((id) => {
          const post = posts.get(id);
          const clustered = post && post.organisationId === organisationId ? clusterPostOf(post) : null;
          return clustered ? [{ post: { ...clustered, signalled }, placeName: post!.analysis?.location?.placeName ?? null }] : [];
        });
        const opened = await this.options.incidents.clusterInto(tx, organisationId, items);
        await bus.publishMany(tx, 'incident.opened', opened.map((incident) => ({ payload: { incident }, organisationId })));
        await this.record(tx, organisationId, signal.id, postIds);
      }
    });
  }

  /** Adds the signal's id to every open incident that holds one of its posts. */
  private async record(tx: Tx, organisationId: string, signalId: string, postIds: readonly string[]): Promise<void> {
    if (postIds.length === 0) return;
    const members = await tx.db.selectFrom('incident_posts').select('incident_id').distinct().where('organisation_id', '=', organisationId).where('post_id', 'in', [...postIds]).execute();
    if (members.length === 0) return;
    const rows = await tx.db
      .selectFrom('incidents')
      .select(['id', 'status', 'signal_ids'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', members.map((m) => m.incident_id))
      .where('merged_into', 'is', null)
      .execute();
    const now = this.options.clock.now().toISOString();
    for (const row of rows) {
      const next = withSignal(JSON.parse(row.signal_ids) as string[], signalId);
      if (!next) continue;
      await tx.db.updateTable('incidents').set({ signal_ids: JSON.stringify(next), updated_at: now }).where('id', '=', row.id).execute();
      await this.options.bus.publish(tx, 'incident.changed', { incidentId: row.id, change: 'signal', status: row.status as IncidentStatus, by: 'system' }, { organisationId });
    }
  }
}
