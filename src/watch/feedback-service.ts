import type { Clock } from '#core/clock.ts';
import { invalid } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import { isCategoryId, PRIORITIES, type Priority } from '#core/taxonomy.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import { withAnalysis, type AnalysedPost, type Analysis } from './analysis.ts';
import { tokenize } from './enrich/tokenize.ts';
import './events.ts';
import { replaceAnalysis, toAnalysisRow } from './pipeline/analysis-store.ts';
import type { ClassifierRegistry } from './pipeline/classifiers.ts';
import type { PostService } from './post-service.ts';

/**
 * Operator feedback on classifications (SPEC W4): a confirmation or correction is stored, learnt
 * by the organisation's model at once, and the post is re-classified and announced again.
 */
export class FeedbackService {
  constructor(private readonly options: { database: Database; bus: EventBus; posts: PostService; classifiers: ClassifierRegistry; clock: Clock }) {}

  async give(organisationId: string, postId: string, input: { label: string; priority?: string | null }, actor: string): Promise<AnalysedPost> {
    const label = input.label;
    if (label !== 'none' && !isCategoryId(label)) throw invalid('INVALID_LABEL', `The label must be a taxonomy id or "none", not "${label.slice(0, 40)}".`);
    const priority = input.priority ?? null;
    if (priority !== null && !(PRIORITIES as readonly string[]).includes(priority)) throw invalid('INVALID_PRIORITY', `The priority must be one of ${PRIORITIES.join(', ')}.`);
    const post = await this.options.posts.get(organisationId, postId);
    const now = this.options.clock.now().toISOString();
    const feedbackId = newId();
    const language = post.analysis?.language ?? post.language;
    const model = await this.options.classifiers.learn(organisationId, { id: feedbackId, text: post.text, language, label: label, priority: priority as Priority | null });
    const result = model.classify({ text: post.text, language, tokens: tokenize(post.text) });
    const analysis: Analysis = {
      relevant: result.relevant,
      relevance: result.relevance,
      category: result.category,
      priority: result.priority,
      confidence: result.confidence,
      explanation: result.explanation.slice(0, 8),
      language,
      places: post.analysis?.places ?? [],
      location: post.analysis?.location ?? post.location,
      nearDuplicateOf: post.analysis?.nearDuplicateOf ?? null,
      feedback: { label, priority: priority as Priority | null, at: now },
    };
    const updated = withAnalysis(post, analysis);
    await this.options.database.transaction(async (tx) => {
      await tx.db
        .insertInto('classification_feedback')
        .values({ id: feedbackId, organisation_id: organisationId, post_id: postId, label, priority, actor, text: post.text, language, created_at: now })
        .execute();
      await replaceAnalysis(tx.db, toAnalysisRow(postId, organisationId, analysis, now));
      await this.options.bus.publish(tx, 'posts.analysed', { posts: [updated] }, { organisationId });
    });
    return updated;
  }
}
