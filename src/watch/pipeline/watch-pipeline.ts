import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import type { Classifier } from '../classify/index.ts';
import type { Enricher } from '../enrich/enrich.ts';
import { withAnalysis, type AnalysedPost } from '../analysis.ts';
import { analysedEventPayloads } from '../events.ts';
import type { Post } from '../post.ts';
import { analyse } from './analyse.ts';
import { insertAnalyses } from './analysis-store.ts';
import type { ClassifierRegistry } from './classifiers.ts';

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
    private readonly options: { database: Database; bus: EventBus; enricher: Enricher; classifiers: ClassifierRegistry; clock: Clock; log: Logger; eventsPerDelivery?: number; postsPerTransaction?: number },
  ) {}

  register(): void {
    this.options.bus.subscribe(PIPELINE_CONSUMER, ['posts.received'], (events) => this.handle(events), { batchSize: this.options.eventsPerDelivery ?? EVENTS_PER_DELIVERY });
  }

  async handle(events: BusEvent<'posts.received'>[]): Promise<void> {
    const limit = this.options.postsPerTransaction ?? POSTS_PER_TRANSACTION;
    let posts: Post[] = [];
    for (const event of events) {
      for (const post of event.payload.posts) {
        posts.push(post);
        if (posts.length >= limit) {
          await this.analyseAndStore(posts);
          posts = [];
        }
      }
    }
    if (posts.length > 0) await this.analyseAndStore(posts);
  }

  private async analyseAndStore(posts: Post[]): Promise<void> {
    const { database, bus, enricher, classifiers, clock } = this.options;
    const analysedAt = clock.now().toISOString();
    const results: AnalysedPost[] = [];
    // Posts come in runs of one organisation's: look its model up once per run.
    let organisationId: string | undefined;
    let classifier: Classifier | undefined;
    for (const post of posts) {
      if (classifier === undefined || post.organisationId !== organisationId) {
        organisationId = post.organisationId;
        classifier = await classifiers.forOrganisation(organisationId);
      }
      results.push(withAnalysis(post, analyse(post, enricher, classifier)));
    }
    await database.transaction(async (tx) => {
      const inserted = await insertAnalyses(tx, results, analysedAt);
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
