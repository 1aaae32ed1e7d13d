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
    model.learn({ text: example.text, language: example.language, tokens: tokenize(example.text) }, example.label, example.priority ?? undefined);
  }
}
