import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { Database } from '#platform/db/database.ts';
import { Classifier } from '../classify/index.ts';
import { tokenize } from '../enrich/tokenize.ts';

export interface FeedbackExample {
  id: string;
  text: string;
  language: string | null;
  label: CategoryId | 'none';
  priority: Priority | null;
}

/**
 * One classifier per organisation: the shipped base model plus that organisation's own operator
 * feedback, so one organisation's corrections never change another's results (tenant isolation).
 * Feedback is kept in the store and learnt again when a model is first needed after a restart.
 */
export class ClassifierRegistry {
  private base: Classifier | undefined;
  private readonly models = new Map<string, Promise<Classifier>>();
  private readonly applied = new Map<string, Set<string>>();
  /** Per organisation, the feedback learnt, in the order learnt (an analysis thread replays it). */
  private readonly learnt = new Map<string, FeedbackExample[]>();

  constructor(private readonly options: { database: Database; load?: () => Classifier }) {}

  /** The organisation's model, built on first use from the base model and its stored feedback. */
  forOrganisation(organisationId: string): Promise<Classifier> {
    let model = this.models.get(organisationId);
    if (!model) {
      model = this.build(organisationId);
      this.models.set(organisationId, model);
    }
    return model;
  }

  /** Learns one piece of feedback at once; a feedback id already learnt is ignored. */
  async learn(organisationId: string, example: FeedbackExample): Promise<Classifier> {
    const model = await this.forOrganisation(organisationId);
    this.apply(organisationId, model, example);
    return model;
  }

  /**
   * The feedback the organisation's model has learnt so far, oldest first (empty before
   * `forOrganisation` has built it). The list only grows: a copy of the model that has learnt the
   * first n items becomes this model by learning the rest.
   */
  feedbackOf(organisationId: string): readonly FeedbackExample[] {
    return this.learnt.get(organisationId) ?? [];
  }

  private async build(organisationId: string): Promise<Classifier> {
    this.base ??= (this.options.load ?? (() => Classifier.load()))();
    const model = this.base.clone();
    const rows = await this.options.database.db
      .selectFrom('classification_feedback')
      .select(['id', 'text', 'language', 'label', 'priority'])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .execute();
    for (const row of rows) this.apply(organisationId, model, { id: row.id, text: row.text, language: row.language, label: row.label as CategoryId | 'none', priority: row.priority as Priority | null });
    return model;
  }

  private apply(organisationId: string, model: Classifier, example: FeedbackExample): void {
    let done = this.applied.get(organisationId);
    if (!done) this.applied.set(organisationId, (done = new Set()));
    if (done.has(example.id)) return;
    done.add(example.id);
    let list = this.learnt.get(organisationId);
    if (!list) this.learnt.set(organisationId, (list = []));
    list.push(example);
    learnFeedback(model, example);
  }
}

/** Teaches `model` one piece of feedback: the one way, so that every copy of a model learns alike (the analysis thread's too). */
export function learnFeedback(model: Classifier, example: FeedbackExample): void {
  model.learn({ text: example.text, language: example.language, tokens: tokenize(example.text) }, example.label, example.priority ?? undefined);
}
