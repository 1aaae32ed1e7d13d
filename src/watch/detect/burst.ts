import type { CategoryId } from '#core/taxonomy.ts';
import { newId } from '#core/ids.ts';
import { cellDistance, cellOf } from './cells.ts';
import { surprise } from './poisson.ts';
import { emptyRate, foldRate, RateWindow, type RateState, type WindowState } from './rate.ts';

/** Tuning of the burst detector (SPEC W5). Defaults in {@link DEFAULT_DETECTOR_CONFIG}; the reasons are in docs/decisions/0012. */
export interface DetectorConfig {
  /** H3 resolution of an area cell. */
  resolution: number;
  bucketSeconds: number;
  /** Buckets in the sliding window whose count is tested against the baseline. */
  windowBuckets: number;
  /** A burst needs at least this many posts in the window, however quiet the cell was. */
  minCount: number;
  /** Fire when −log10 P(X ≥ observed | expected) reaches this (divided by the watchlist sensitivity). */
  threshold: number;
  /** Half-life of the learned rate. */
  halfLifeMinutes: number;
  /** Weight of the prior, in buckets of exposure. */
  priorStrengthBuckets: number;
  /** Lowest rate a cell is ever expected to have. */
  minRatePerHour: number;
  /** A new cell first expects this share of the organisation's rate for the category. */
  priorShare: number;
  /** A signal closes once fewer than `minCount` of its posts fall within this many minutes. */
  coolDownMinutes: number;
  /** Posts within this many grid steps of an open signal's cell join it instead of starting another. */
  mergeRing: number;
  /** Posts without a location join an open located signal of their category. */
  attachUnlocated: boolean;
  /** Post ids remembered per cell window (the posts a new signal starts with). */
  maxWindowPosts: number;
}

export const DEFAULT_DETECTOR_CONFIG: DetectorConfig = {
  resolution: 8,
  bucketSeconds: 60,
  windowBuckets: 5,
  minCount: 3,
  threshold: 3,
  halfLifeMinutes: 120,
  priorStrengthBuckets: 60,
  minRatePerHour: 1,
  priorShare: 0.5,
  coolDownMinutes: 20,
  mergeRing: 1,
  attachUnlocated: true,
  maxWindowPosts: 100,
};

/** A post as the detector sees it: only what a burst is made of. */
export interface DetectorPost {
  id: string;
  /** The post's own time (createdAt), in ms: replays give the same signals as the live run. */
  at: number;
  category: CategoryId;
  location: { lat: number; lon: number } | null;
}

/** A signal while it is open: the numbers behind it and why it fired. */
export interface SignalState {
  id: string;
  category: CategoryId;
  /** H3 cell, or null for the organisation-wide fallback of posts without a location. */
  cell: string | null;
  resolution: number;
  status: 'open' | 'closed';
  /** Stream time of the post that made it fire. */
  detectedAt: number;
  windowStart: number;
  firstPostAt: number;
  lastPostAt: number;
  /** Posts in the signal. */
  observed: number;
  /** Posts the baseline expected over the same span. */
  expected: number;
  /** −log10 of the Poisson tail of observed given expected. */
  score: number;
  /** The learned rate per hour in the cell when it fired. */
  baselinePerHour: number;
  /** What fired it: the window count, its expectation and the threshold in force. */
  fired: { observed: number; expected: number; score: number; threshold: number; windowMinutes: number };
  /** Times of its latest posts (at most `minCount`): the signal lives while they are recent. */
  recent: number[];
}

export interface SignalChange {
  change: 'opened' | 'grown' | 'closed';
  signal: SignalState;
  /** Posts added by this change (all of them when opened). */
  postIds: string[];
}

interface KeyState {
  rate: RateState;
  window: WindowState;
}

/** What survives a restart: the learned rates, the windows and the open signals. */
export interface DetectorSnapshot {
  version: 1;
  now: number;
  keys: Record<string, KeyState>;
  categories: Record<string, KeyState>;
  open: SignalState[];
}

const UNLOCATED = '-';

function emptyKey(): KeyState {
  return { rate: emptyRate(), window: { start: -1, counts: [], posts: [] } };
}

/**
 * Burst detection per (category × H3 cell × sliding window) against a rate learned from the
 * stream itself (SPEC W5). Each cell keeps an exponentially decayed count and exposure (a
 * Gamma–Poisson estimate whose prior is a share of the organisation's rate for the category, never
 * below a floor); the window's count is tested against it with the Poisson tail. A signal stays
 * open while posts keep coming, and absorbs posts of the same category in neighbouring cells (and
 * unlocated ones), so one event yields one signal that grows.
 *
 * Pure: data in, changes out; time is the posts' own time, never the wall clock.
 */
export class BurstDetector {
  private readonly keys = new Map<string, KeyState>();
  private readonly categories = new Map<string, KeyState>();
  private readonly open = new Map<string, SignalState>();
  private now = 0;
  private sinceSweep = 0;

  constructor(
    readonly config: DetectorConfig = DEFAULT_DETECTOR_CONFIG,
    private readonly makeId: (at: number) => string = newId,
  ) {}

  /** Feeds one post; `sensitivity` (> 0, default 1) divides the threshold for its cell. */
  observe(post: DetectorPost, sensitivity = 1): SignalChange[] {
    const c = this.config;
    const at = Number.isFinite(post.at) ? post.at : this.now;
    this.now = Math.max(this.now, at);
    const changes = this.expire();
    const bucket = Math.floor(at / (c.bucketSeconds * 1000));
    const cell = post.location ? cellOf(post.location.lat, post.location.lon, c.resolution) : null;
    const key = `${post.category}|${cell ?? UNLOCATED}`;

    const category = this.categoryState(post.category);
    new RateWindow(category.window, category.rate, c).add(bucket, null, at);
    const state = this.keyState(key);
    const rw = new RateWindow(state.window, state.rate, c);
    rw.add(bucket, post.id, at);
    const joined = this.findOpen(post.category, cell);
    if (joined) {
      joined.observed += 1;
      joined.firstPostAt = Math.min(joined.firstPostAt, at);
      joined.lastPostAt = Math.max(joined.lastPostAt, at);
      joined.recent = [...joined.recent, at].sort((a, b) => a - b).slice(-c.minCount);
      this.rescore(joined);
      changes.push({ change: 'grown', signal: { ...joined }, postIds: [post.id] });
    } else {
      const observed = rw.count();
      const perBucket = this.expectedPerBucket(state.rate, category.rate);
      const expected = perBucket * c.windowBuckets;
      const score = surprise(observed, expected);
      const threshold = c.threshold / (sensitivity > 0 && Number.isFinite(sensitivity) ? sensitivity : 1);
      if (observed >= c.minCount && score >= threshold) {
        const posts = rw.posts();
        const signal: SignalState = {
          id: this.makeId(at),
          category: post.category,
          cell,
          resolution: c.resolution,
          status: 'open',
          detectedAt: at,
          windowStart: rw.start() * c.bucketSeconds * 1000,
          firstPostAt: Math.min(at, ...posts.map((p) => p.at)),
          lastPostAt: at,
          observed,
          expected,
          score,
          baselinePerHour: perBucket * (3600 / c.bucketSeconds),
          fired: { observed, expected, score, threshold, windowMinutes: (c.windowBuckets * c.bucketSeconds) / 60 },
          recent: posts.map((p) => p.at).sort((a, b) => a - b).slice(-c.minCount),
        };
        this.rescore(signal);
        this.open.set(signal.id, signal);
        changes.push({ change: 'opened', signal: { ...signal }, postIds: posts.map((p) => p.id) });
      }
    }
    if (++this.sinceSweep >= 1000) this.sweep();
    return changes;
  }

  /** Moves stream time on without a post (e.g. a quiet period) and returns the signals that closed. */
  advance(to: number): SignalChange[] {
    if (Number.isFinite(to)) this.now = Math.max(this.now, to);
    return this.expire();
  }

  openSignals(): SignalState[] {
    return [...this.open.values()].map((s) => ({ ...s }));
  }

  /** Number of (category, cell) states held; bounded by the sweep of quiet cells. */
  get size(): number {
    return this.keys.size;
  }

  snapshot(): DetectorSnapshot {
    return {
      version: 1,
      now: this.now,
      keys: Object.fromEntries([...this.keys].map(([k, v]) => [k, structuredClone(v)])),
      categories: Object.fromEntries([...this.categories].map(([k, v]) => [k, structuredClone(v)])),
      open: this.openSignals(),
    };
  }

  static restore(snapshot: DetectorSnapshot, config: DetectorConfig = DEFAULT_DETECTOR_CONFIG, makeId: (at: number) => string = newId): BurstDetector {
    const detector = new BurstDetector(config, makeId);
    detector.now = snapshot.now;
    for (const [k, v] of Object.entries(snapshot.keys)) detector.keys.set(k, structuredClone(v));
    for (const [k, v] of Object.entries(snapshot.categories)) detector.categories.set(k, structuredClone(v));
    for (const s of snapshot.open) detector.open.set(s.id, { ...s });
    return detector;
  }

  private keyState(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) this.keys.set(key, (state = emptyKey()));
    return state;
  }

  private categoryState(category: string): KeyState {
    let state = this.categories.get(category);
    if (!state) this.categories.set(category, (state = emptyKey()));
    return state;
  }

  /** The learned rate per bucket: decayed counts plus a prior of the category's share, over decayed exposure plus the prior's weight. */
  private expectedPerBucket(rate: RateState, category: RateState): number {
    const c = this.config;
    const floor = (c.minRatePerHour * c.bucketSeconds) / 3600;
    // The organisation's rate for the category, itself shrunk towards zero while little is known.
    const categoryRate = category.count / (category.exposure + c.priorStrengthBuckets);
    const prior = Math.max(floor, c.priorShare * categoryRate);
    const estimate = (prior * c.priorStrengthBuckets + rate.count) / (c.priorStrengthBuckets + rate.exposure);
    return Math.max(floor, Number.isFinite(estimate) ? estimate : floor);
  }

  private findOpen(category: CategoryId, cell: string | null): SignalState | undefined {
    let best: SignalState | undefined;
    for (const signal of this.open.values()) {
      if (signal.category !== category) continue;
      const near = cell === null ? signal.cell === null || this.config.attachUnlocated : signal.cell !== null && cellDistance(signal.cell, cell) <= this.config.mergeRing;
      if (!near) continue;
      // Prefer the same kind of signal (located with located), then the busiest.
      const rank = (s: SignalState) => ((s.cell === null) === (cell === null) ? 1e9 : 0) + s.observed;
      if (!best || rank(signal) > rank(best)) best = signal;
    }
    return best;
  }

  private rescore(signal: SignalState): void {
    const c = this.config;
    const spanBuckets = Math.max(c.windowBuckets, (signal.lastPostAt - signal.windowStart) / (c.bucketSeconds * 1000));
    const perBucket = (signal.baselinePerHour * c.bucketSeconds) / 3600;
    signal.expected = perBucket * spanBuckets;
    signal.score = surprise(signal.observed, signal.expected);
  }

  private expire(): SignalChange[] {
    const limit = this.config.coolDownMinutes * 60_000;
    const closed: SignalChange[] = [];
    for (const signal of this.open.values()) {
      // Alive while its latest `minCount` posts are recent: a trickle after the burst does not keep it open.
      const keepAlive = signal.recent.length >= this.config.minCount ? signal.recent[0]! : signal.lastPostAt - limit;
      if (this.now - keepAlive <= limit) continue;
      this.open.delete(signal.id);
      closed.push({ change: 'closed', signal: { ...signal, status: 'closed' }, postIds: [] });
    }
    return closed;
  }

  /** Forgets cells whose window is empty and whose learned rate has decayed to nothing. */
  private sweep(): void {
    this.sinceSweep = 0;
    const bucket = Math.floor(this.now / (this.config.bucketSeconds * 1000));
    for (const [key, state] of this.keys) {
      if (state.window.start + this.config.windowBuckets > bucket) continue;
      foldRate(state.rate, bucket, this.config);
      if (state.rate.count < 0.01) this.keys.delete(key);
    }
  }
}
