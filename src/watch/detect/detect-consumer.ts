import type { Clock } from '#core/clock.ts';
import { conflict } from '#core/errors.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import type { AnalysedPost } from '../analysis.ts';
import '../events.ts';
import './events.ts';
import { BurstDetector, DEFAULT_DETECTOR_CONFIG, type DetectorConfig, type DetectorPost, type DetectorSnapshot, type SignalChange } from './burst.ts';
import { fromSignalRow, toSignalRow } from './signal.ts';
import { insertSignalPosts, loadDetectorState, saveDetectorState, upsertSignals } from './signal-store.ts';

export const DETECT_CONSUMER = 'watch.detect';

/** Sensitivity per post for an organisation (from its watchlists); 1 when none applies. */
export type SensitivitySource = (organisationId: string) => Promise<(post: DetectorPost) => number>;

interface Stored {
  detector: BurstDetector;
  version: number | null;
  /** Bus event ids of the last batch stored: a batch redelivered after its commit is skipped. */
  lastEvents: Set<string>;
}

interface PersistedState {
  detector: DetectorSnapshot;
  lastEvents: string[];
}

/**
 * The durable consumer `watch.detect` (SPEC W5): feeds analysed, relevant posts to the
 * organisation's burst detector and stores what changed — signals, the posts behind them, and
 * the detector's learned state — with `signal.changed` events, in one transaction. The state is
 * versioned (compare-and-set), so a second worker that raced it makes this batch fail and come
 * again with the fresh state; the event ids of the last stored batch make a redelivery harmless.
 */
export class SignalDetection {
  private readonly cache = new Map<string, Stored>();
  private readonly config: DetectorConfig;

  constructor(private readonly options: { database: Database; bus: EventBus; clock: Clock; log: Logger; config?: DetectorConfig; sensitivity?: SensitivitySource; batchSize?: number }) {
    this.config = options.config ?? DEFAULT_DETECTOR_CONFIG;
  }

  register(): void {
    this.options.bus.subscribe(DETECT_CONSUMER, ['posts.analysed'], (events) => this.handle(events), { batchSize: this.options.batchSize ?? 8 });
  }

  async handle(events: BusEvent<'posts.analysed'>[]): Promise<void> {
    const byOrganisation = new Map<string, { eventId: string; post: AnalysedPost }[]>();
    for (const event of events) {
      for (const post of event.payload.posts) {
        // A re-classification after feedback comes again as posts.analysed; the burst already counted it.
        if (!post.analysis || post.analysis.feedback) continue;
        const list = byOrganisation.get(post.organisationId) ?? [];
        list.push({ eventId: event.id, post });
        byOrganisation.set(post.organisationId, list);
      }
    }
    for (const [organisationId, items] of byOrganisation) {
      try {
        // Read before the transaction: on SQLite a read outside it would wait for it to end.
        const sensitivity = this.options.sensitivity ? await this.options.sensitivity(organisationId) : () => 1;
        await this.options.database.transaction((tx) => this.detect(tx, organisationId, items, sensitivity));
      } catch (error) {
        this.cache.delete(organisationId);
        throw error;
      }
    }
  }

  private async detect(tx: Tx, organisationId: string, items: { eventId: string; post: AnalysedPost }[], sensitivity: (post: DetectorPost) => number): Promise<void> {
    const stored = await this.load(tx, organisationId);
    const changes: SignalChange[] = [];
    for (const { eventId, post } of items) {
      if (stored.lastEvents.has(eventId)) continue;
      const a = post.analysis!;
      if (!a.relevant || a.category === null) continue;
      const input: DetectorPost = { id: post.id, at: Date.parse(post.createdAt), category: a.category, location: a.location };
      changes.push(...stored.detector.observe(input, sensitivity(input)));
    }
    const now = this.options.clock.now().toISOString();
    const merged = mergeChanges(changes);
    await upsertSignals(tx.db, merged.map((m) => toSignalRow(organisationId, m.signal, now)));
    await insertSignalPosts(tx.db, merged.flatMap((m) => m.postIds.map((postId) => ({ signal_id: m.signal.id, post_id: postId, organisation_id: organisationId, added_at: now }))));
    const lastEvents = [...new Set(items.map((i) => i.eventId))];
    const state: PersistedState = { detector: stored.detector.snapshot(), lastEvents };
    if (!(await saveDetectorState(tx.db, organisationId, JSON.stringify(state), stored.version, now))) {
      throw conflict('DETECTOR_STATE_RACE', 'Another worker updated the detector state; the batch will be retried.');
    }
    stored.version = (stored.version ?? 0) + 1;
    stored.lastEvents = new Set(lastEvents);
    await this.options.bus.publishMany(
      tx,
      'signal.changed',
      merged.map((m) => ({ payload: { signal: fromSignalRow(toSignalRow(organisationId, m.signal, now)), change: m.change, postIds: m.postIds }, organisationId })),
    );
  }

  private async load(tx: Tx, organisationId: string): Promise<Stored> {
    const row = await loadDetectorState(tx.db, organisationId);
    const cached = this.cache.get(organisationId);
    if (cached && cached.version === (row?.version ?? null)) return cached;
    let stored: Stored;
    if (row) {
      const persisted = JSON.parse(row.state) as PersistedState;
      stored = { detector: BurstDetector.restore(persisted.detector, this.config), version: row.version, lastEvents: new Set(persisted.lastEvents) };
    } else {
      stored = { detector: new BurstDetector(this.config), version: null, lastEvents: new Set() };
    }
    this.cache.set(organisationId, stored);
    return stored;
  }
}

/** One entry per signal per batch: its latest state, every post added, and the weightiest change. */
function mergeChanges(changes: SignalChange[]): SignalChange[] {
  const bySignal = new Map<string, SignalChange>();
  for (const change of changes) {
    const seen = bySignal.get(change.signal.id);
    if (!seen) {
      bySignal.set(change.signal.id, { ...change, postIds: [...change.postIds] });
      continue;
    }
    seen.signal = change.signal;
    seen.postIds.push(...change.postIds);
    if (seen.change !== 'opened') seen.change = change.change;
  }
  return [...bySignal.values()];
}
