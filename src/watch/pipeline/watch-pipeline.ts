import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import type { Classifier } from '../classify/index.ts';
import type { Enricher } from '../enrich/enrich.ts';
import type { Analysis } from '../analysis.ts';
import '../events.ts';
import type { Post } from '../post.ts';
import { analyse } from './analyse.ts';
import { insertAnalyses, toAnalysisRow } from './analysis-store.ts';
import type { ClassifierRegistry } from './classifiers.ts';

export const PIPELINE_CONSUMER = 'watch.analyse';

/**
 * Outbox rows read per batch. Larger batches share one transaction, one outbox read and two
 * multi-row inserts among more posts; 1,000 keeps a batch's memory small and its statements
 * under SQLite's bound-variable limit (the stores chunk larger ones).
 */
const BATCH_SIZE = 1000;

/**
 * The watch pipeline (SPEC W3, W4): a durable bus consumer that takes `post.received` in batches,
 * enriches and classifies each post, stores the analyses and announces them as `post.analysed` in
 * one transaction. A redelivered batch stores nothing twice (the analysis is keyed by post id).
 */
export class WatchPipeline {
  constructor(private readonly options: { database: Database; bus: EventBus; enricher: Enricher; classifiers: ClassifierRegistry; clock: Clock; log: Logger; batchSize?: number }) {}

  register(): void {
    this.options.bus.subscribe(PIPELINE_CONSUMER, ['post.received'], (events) => this.handle(events), { batchSize: this.options.batchSize ?? BATCH_SIZE });
  }

  async handle(events: BusEvent<'post.received'>[]): Promise<void> {
    const { database, bus, enricher, classifiers, clock } = this.options;
    const analysedAt = clock.now().toISOString();
    const results: { post: Post; analysis: Analysis }[] = [];
    // A batch is mostly one organisation's posts: look its model up once per run of them.
    let organisationId: string | undefined;
    let classifier: Classifier | undefined;
    for (const event of events) {
      const post = event.payload.post;
      if (classifier === undefined || post.organisationId !== organisationId) {
        organisationId = post.organisationId;
        classifier = await classifiers.forOrganisation(organisationId);
      }
      results.push({ post, analysis: analyse(post, enricher, classifier) });
    }
    await database.transaction(async (tx) => {
      const inserted = await insertAnalyses(tx, results.map((r) => toAnalysisRow(r.post.id, r.post.organisationId, r.analysis, analysedAt)));
      const fresh = results.filter((r) => inserted.has(r.post.id));
      await bus.publishMany(tx, 'post.analysed', fresh.map((r) => ({ payload: { post: { ...r.post, analysis: r.analysis } }, organisationId: r.post.organisationId })));
    });
  }
}
