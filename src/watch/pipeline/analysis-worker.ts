/**
 * The analysis thread's side (see ThreadAnalyser in analysers.ts): its own enricher (with the
 * near-duplicate memory) and, per organisation, a copy of the base model that has learnt the
 * feedback it was sent, in order. Messages are handled one at a time, in the order sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Classifier } from '../classify/index.ts';
import { Enricher } from '../enrich/enrich.ts';
import { Gazetteer } from '../enrich/gazetteer.ts';
import { analyse, type AnalysablePost } from './analyse.ts';
import { explanationJson, placesJson } from './analysis-store.ts';
import { learnFeedback, type FeedbackExample } from './classifiers.ts';

export type WorkerRequest =
  | { kind: 'feedback'; organisationId: string; examples: readonly FeedbackExample[] }
  | { kind: 'analyse'; id: number; posts: AnalysablePost[] };

export type WorkerReply =
  | { kind: 'ready' }
  /** `analyses`: the Analysis[] as JSON; per analysis, its explanation and places as stored. */
  | { kind: 'analysed'; id: number; analyses: string; explanations: string[]; places: string[] }
  | { kind: 'failed'; id: number; message: string };

const port = parentPort;
if (port !== null) {
  const { maxDuplicateEntries } = workerData as { maxDuplicateEntries?: number };
  const enricher = new Enricher({ gazetteer: Gazetteer.load(), maxDuplicateEntries });
  const base = Classifier.load();
  const models = new Map<string, Classifier>();
  const modelOf = (organisationId: string) => {
    let model = models.get(organisationId);
    if (model === undefined) models.set(organisationId, (model = base.clone()));
    return model;
  };

  port.on('message', (request: WorkerRequest) => {
    if (request.kind === 'feedback') {
      const model = modelOf(request.organisationId);
      for (const example of request.examples) learnFeedback(model, example);
      return;
    }
    let reply: WorkerReply;
    try {
      const analyses = request.posts.map((post) => analyse(post, enricher, modelOf(post.organisationId)));
      reply = { kind: 'analysed', id: request.id, analyses: JSON.stringify(analyses), explanations: analyses.map((a) => explanationJson(a.explanation)), places: analyses.map((a) => placesJson(a.places)) };
    } catch (error) {
      reply = { kind: 'failed', id: request.id, message: (error as Error).message };
    }
    port.postMessage(reply);
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerReply);
}
