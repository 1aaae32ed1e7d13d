import { Worker } from 'node:worker_threads';
import type { Classifier } from '../classify/index.ts';
import type { Enricher } from '../enrich/enrich.ts';
import type { Analysis } from '../analysis.ts';
import { analyse, type AnalysablePost } from './analyse.ts';
import type { ClassifierRegistry } from './classifiers.ts';
import type { WorkerReply, WorkerRequest } from './analysis-worker.ts';

/**
 * Where the watch pipeline's enrichment and classification run (docs/decisions/0021-analysis-thread.md):
 * in the pipeline's own thread, or on a worker thread while the pipeline stores the batch before.
 */
export interface Analyser {
  /** The analyses of `posts`, in their order. Calls are answered in the order made. */
  analyse(posts: readonly AnalysablePost[]): Promise<AnalysisBatch>;
  /** Batches worth asking for ahead of the one being stored (0: analysing blocks the caller anyway). */
  readonly lookahead: number;
  /** Resolves once analysis can start at once (a thread has loaded its gazetteer and model). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The analyses of a batch; a thread also sends each one's explanation and places as stored (JSON). */
export interface AnalysisBatch {
  analyses: Analysis[];
  json?: StoredJson;
}

/** Per analysis of a batch, in its order: the explanation and the places as JSON, as the store keeps them. */
export interface StoredJson {
  explanations: string[];
  places: string[];
}

/** Analysis in the calling thread. */
export class InlineAnalyser implements Analyser {
  readonly lookahead = 0;

  constructor(private readonly options: { enricher: Enricher; classifiers: ClassifierRegistry }) {}

  async analyse(posts: readonly AnalysablePost[]): Promise<AnalysisBatch> {
    const { enricher, classifiers } = this.options;
    const analyses: Analysis[] = [];
    // Posts come in runs of one organisation's: look its model up once per run.
    let organisationId: string | undefined;
    let classifier: Classifier | undefined;
    for (const post of posts) {
      if (classifier === undefined || post.organisationId !== organisationId) {
        organisationId = post.organisationId;
        classifier = await classifiers.forOrganisation(organisationId);
      }
      analyses.push(analyse(post, enricher, classifier));
    }
    return { analyses };
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

/**
 * Analysis on a worker thread (started on first use) with its own enricher and its own copy of
 * each organisation's model. The copy learns the same feedback in the same order: before a batch
 * of an organisation is sent, whatever feedback the organisation's model (ClassifierRegistry) has
 * learnt since is sent first, and the worker handles messages in order, so feedback given before
 * a batch is sent counts for it, as inline. Only the fields analysis reads are sent; the analyses
 * come back as JSON, with each explanation and list of places already as the store keeps them.
 *
 * A worker that dies fails the batches it had (the bus delivers them again) and the next call
 * starts a new one, which is sent all feedback again; its near-duplicate memory starts empty. A
 * thread that cannot load at all (its error is reported) leaves the analysis to `fallback`.
 */
export class ThreadAnalyser implements Analyser {
  readonly lookahead = LOOKAHEAD;
  private worker: Worker | null = null;
  private loaded: Promise<void> = Promise.resolve();
  /** Per organisation: feedback items the current worker has been sent. */
  private sent = new Map<string, number>();
  private readonly waiting = new Map<number, { resolve: (batch: AnalysisBatch) => void; reject: (error: Error) => void }>();
  private nextRequest = 0;
  /** Calls are sent in the order made, each after the previous one's feedback was sent. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Where posts go once the thread could not load (then it is not tried again). */
  private fallback: Analyser | null = null;
  private closed = false;

  constructor(
    private readonly options: {
      classifiers: ClassifierRegistry;
      maxDuplicateEntries?: number;
      /** The analysis to fall back on when the thread cannot load (inline, in practice). */
      fallback: () => Analyser;
      /** Hears why the thread could not load. */
      onError?: (error: Error) => void;
      /** The thread's entry module (tests give one that fails). */
      entry?: URL;
    },
  ) {}

  analyse(posts: readonly AnalysablePost[]): Promise<AnalysisBatch> {
    if (this.fallback !== null) return this.fallback.analyse(posts);
    const sending = this.queue.then(() => this.send(posts));
    this.queue = sending.catch(() => {});
    return sending;
  }

  /** Starts the thread (it loads for about a second) and resolves when it has loaded, or fallen back. */
  ready(): Promise<void> {
    if (this.fallback !== null) return Promise.resolve();
    this.start();
    return this.loaded.catch(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.fallback?.close();
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    await worker.terminate();
    this.failAll(new Error('analysis thread closed'));
  }

  private async send(posts: readonly AnalysablePost[]): Promise<AnalysisBatch> {
    if (posts.length === 0) return { analyses: [] };
    const organisations = new Set<string>();
    for (const post of posts) organisations.add(post.organisationId);
    // Built (stored feedback read) before the worker is asked: the registry is the authority.
    for (const organisationId of organisations) await this.options.classifiers.forOrganisation(organisationId);
    if (this.fallback !== null) return this.fallback.analyse(posts);
    const worker = this.start();
    for (const organisationId of organisations) {
      const feedback = this.options.classifiers.feedbackOf(organisationId);
      const known = this.sent.get(organisationId) ?? 0;
      if (feedback.length > known) {
        post(worker, { kind: 'feedback', organisationId, examples: feedback.slice(known) });
        this.sent.set(organisationId, feedback.length);
      }
    }
    const id = ++this.nextRequest;
    const reply = new Promise<AnalysisBatch>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Kept alive while a batch is out, so that a caller awaiting it is never left behind by an exiting process.
    worker.ref();
    post(worker, { kind: 'analyse', id, posts: posts.map((p) => ({ id: p.id, organisationId: p.organisationId, text: p.text, language: p.language, location: p.location })) });
    return reply;
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(this.options.entry ?? new URL('./analysis-worker-boot.js', import.meta.url), {
      // Not the parent's flags (a test runner's, a loader already given): the entry registers TypeScript itself.
      execArgv: [],
      workerData: { maxDuplicateEntries: this.options.maxDuplicateEntries },
    });
    // Keeps the process alive only while a batch is out (see `send`).
    worker.unref();
    this.loaded = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('analysis thread exited while loading')));
    });
    this.loaded.catch((error: Error) => {
      // (`lost` has run already and cleared `worker`; a newer thread would be another matter.)
      if (this.closed || (this.worker !== null && this.worker !== worker)) return;
      this.worker = null;
      this.fallback = this.options.fallback();
      this.options.onError?.(error);
      this.failAll(error);
    });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') return;
      const waiter = this.waiting.get(reply.id);
      if (waiter === undefined) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      // The analyses come as one JSON text: parsing it costs this thread less than a structured clone of the objects.
      if (reply.kind === 'analysed') waiter.resolve({ analyses: JSON.parse(reply.analyses) as Analysis[], json: { explanations: reply.explanations, places: reply.places } });
      else waiter.reject(new Error(`analysis thread: ${reply.message}`));
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`analysis thread exited with code ${code}`)));
    this.worker = worker;
    this.sent = new Map();
    return worker;
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

function post(worker: Worker, request: WorkerRequest): void {
  worker.postMessage(request);
}

/** Batches asked for ahead of the one being stored: enough to keep the thread busy across a commit. */
const LOOKAHEAD = 3;
