import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import { chunked } from '#core/batches.ts';
import { withAnalysis, type AnalysedPost } from '../analysis.ts';
import { analysedEventPayloads } from '../events.ts';
import type { Post } from '../post.ts';
import type { Analyser, AnalysisBatch } from './analysers.ts';
import { insertAnalyses } from './analysis-store.ts';

export const PIPELINE_CONSUMER = 'watch.analyse';

/**
 * `posts.received` events per delivery. An event carries up to 1,000 posts (a connector's
 * batch), or a single one from a trickling stream: enough events that small ones still fill a
 * transaction, few enough that a delivery stays a few megabytes.
 */
const EVENTS_PER_DELIVERY = 16;

/**
 * Posts per transaction: one insert run of their analyses and one to a few `posts.analysed`
 * events share it. 500 is as fast as 2,000 (measured) and keeps each step near 50 ms, so that a
 * backlog does not make every post in it wait for a long transaction.
 */
const POSTS_PER_TRANSACTION = 500;

/**
 * The watch pipeline (SPEC W3, W4): a durable bus consumer that takes `posts.received`,
 * enriches and classifies each post, stores the analyses and announces them as `posts.analysed`
 * in one transaction. The posts come with the event (from memory in the process that stored
 * them, else read from the store by the bus: platform/bus/codecs.ts). A redelivered batch
 * stores and announces nothing twice (the analysis is keyed by post id, and only newly stored
 * analyses are announced); a post deleted in the meantime (a replay reset) is skipped.
 */
export class WatchPipeline {
  constructor(
    private readonly options: { database: Database; bus: EventBus; analyser: Analyser; clock: Clock; log: Logger; eventsPerDelivery?: number; postsPerTransaction?: number },
  ) {}

  register(): void {
    // An analysis thread starts loading now rather than with the first posts (a failure shows then).
    this.options.analyser.ready().catch(() => {});
    this.options.bus.subscribe(PIPELINE_CONSUMER, ['posts.received'], (events) => this.handle(events), { batchSize: this.options.eventsPerDelivery ?? EVENTS_PER_DELIVERY });
  }

  /** Resolves once posts can be analysed at once (an analysis thread has loaded). */
  ready(): Promise<void> {
    return this.options.analyser.ready();
  }

  /** Stops the analysis thread, if there is one. */
  close(): Promise<void> {
    return this.options.analyser.close();
  }

  /**
   * Analyses and stores the delivery's posts in transactions of `postsPerTransaction`. With an
   * analysis thread, the next few batches are being analysed while one is stored.
   */
  async handle(events: BusEvent<'posts.received'>[]): Promise<void> {
    const { analyser } = this.options;
    const batches = chunked(events.flatMap((event) => event.payload.posts), this.options.postsPerTransaction ?? POSTS_PER_TRANSACTION);
    const asked: Promise<AnalysisBatch>[] = [];
    const ask = (i: number) => {
      const analyses = analyser.analyse(batches[i]!);
      // A failure is seen when its batch's turn comes (or not at all, if an earlier one failed first).
      analyses.catch(() => {});
      asked.push(analyses);
    };
    for (let i = 0; i < batches.length; i++) {
      while (asked.length < Math.min(batches.length, i + 1 + analyser.lookahead)) ask(asked.length);
      await this.store(batches[i]!, await asked[i]!);
    }
  }

  private async store(posts: readonly Post[], batch: AnalysisBatch): Promise<void> {
    const { database, bus, clock } = this.options;
    const analysedAt = clock.now().toISOString();
    const results = posts.map((post, i) => withAnalysis(post, batch.analyses[i]!));
    await database.transaction(async (tx) => {
      const inserted = await insertAnalyses(tx, results, analysedAt, batch.json);
      for (const [org, fresh] of runsByOrganisation(results.filter((r) => inserted.has(r.id)))) {
        await bus.publishMany(tx, 'posts.analysed', analysedEventPayloads(fresh).map((payload) => ({ payload, organisationId: org })));
      }
    });
  }
}

/** Posts grouped by organisation, each group in the posts' order. */
function runsByOrganisation(posts: AnalysedPost[]): Map<string, AnalysedPost[]> {
  const groups = new Map<string, AnalysedPost[]>();
  for (const post of posts) {
    let group = groups.get(post.organisationId);
    if (group === undefined) groups.set(post.organisationId, (group = []));
    group.push(post);
  }
  return groups;
}
