import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import type { ClassifierRegistry } from '#watch/pipeline/classifiers.ts';
import './events.ts';
import { priorityScore } from './triage.ts';

export const TRIAGE_CONSUMER = 'ask.triage';

/**
 * Places each new tip in the triage queue: the organisation's safety classifier (the same model
 * and operator feedback as the watch pipeline) reads the text for category and priority; the
 * score adds the appeal link and photos. Idempotent: a redelivered tip is classified again to
 * the same result, and `tip.triaged` is announced only for tips not triaged before.
 */
export class TriageConsumer {
  constructor(private readonly options: { database: Database; bus: EventBus; classifiers: ClassifierRegistry; clock: Clock }) {}

  register(): void {
    this.options.bus.subscribe(TRIAGE_CONSUMER, ['tip.received'], (events) => this.handle(events), { batchSize: 500 });
  }

  async handle(events: BusEvent<'tip.received'>[]): Promise<void> {
    const { database, bus, classifiers, clock } = this.options;
    const ids = events.map((e) => e.payload.tipId);
    if (ids.length === 0) return;
    const rows = await database.db.selectFrom('tips').select(['id', 'organisation_id', 'text', 'appeal_id', 'photo_count', 'triaged_at']).where('id', 'in', ids).execute();
    const triagedAt = clock.now().toISOString();
    const updates: { id: string; organisationId: string; language: string | null; category: string | null; priority: 'low' | 'medium' | 'high' | 'critical'; relevance: number; score: number }[] = [];
    for (const row of rows) {
      if (row.triaged_at !== null) continue;
      const classifier = await classifiers.forOrganisation(row.organisation_id);
      const result = classifier.classify({ text: row.text });
      const relevance = Math.round(result.relevance * 1000) / 1000;
      // A citizen's tip is addressed to us: even a text the model finds irrelevant is worth a look, at low priority.
      const priority = result.relevant ? result.priority : 'low';
      updates.push({
        id: row.id,
        organisationId: row.organisation_id,
        language: null,
        category: result.category,
        priority,
        relevance,
        score: priorityScore({ priority, relevance, hasAppeal: row.appeal_id !== null, photoCount: Number(row.photo_count) }),
      });
    }
    if (updates.length === 0) return;
    await database.transaction(async (tx) => {
      const announced: typeof updates = [];
      for (const u of updates) {
        const result = await tx.db
          .updateTable('tips')
          .set({ category: u.category, priority: u.priority, relevance: u.relevance, priority_score: u.score, triaged_at: triagedAt })
          .where('id', '=', u.id)
          .where('triaged_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) announced.push(u);
      }
      await bus.publishMany(
        tx,
        'tip.triaged',
        announced.map((u) => ({ payload: { tipId: u.id, priority: u.priority, priorityScore: u.score }, organisationId: u.organisationId })),
      );
    });
  }
}
