/**
 * A rate learned from a stream of counts per time bucket: counts and exposure (buckets seen) both
 * decay with a half-life, so count / exposure is an exponentially weighted mean that forgets the
 * past smoothly and needs no list of old buckets. Empty buckets are folded in closed form.
 */
export interface RateState {
  /** Decayed sum of counts. */
  count: number;
  /** Decayed number of buckets. */
  exposure: number;
  /** First bucket not yet folded in; -1 before the first. */
  foldedTo: number;
}

/** The buckets of the sliding window (not yet part of the rate) and the posts in them. */
export interface WindowState {
  /** Bucket index of the window's oldest bucket; -1 while empty. */
  start: number;
  counts: number[];
  posts: { id: string; at: number }[];
}

export interface RateConfig {
  bucketSeconds: number;
  windowBuckets: number;
  halfLifeMinutes: number;
  maxWindowPosts: number;
}

export function emptyRate(): RateState {
  return { count: 0, exposure: 0, foldedTo: -1 };
}

function decayPerBucket(config: RateConfig): number {
  const halfLifeBuckets = Math.max(1e-6, (config.halfLifeMinutes * 60) / config.bucketSeconds);
  return Math.pow(2, -1 / halfLifeBuckets);
}

/** Folds empty buckets up to `toBucket` (exclusive) into the rate. */
export function foldRate(rate: RateState, toBucket: number, config: RateConfig): void {
  if (rate.foldedTo < 0) {
    rate.foldedTo = toBucket;
    return;
  }
  const k = toBucket - rate.foldedTo;
  if (k <= 0) return;
  const d = decayPerBucket(config);
  const dk = Math.pow(d, k);
  rate.count *= dk;
  rate.exposure = rate.exposure * dk + (1 - dk) / (1 - d);
  rate.foldedTo = toBucket;
}

/** Folds one bucket with `n` posts into the rate (after the empty ones before it). */
function foldBucket(rate: RateState, bucket: number, n: number, config: RateConfig): void {
  foldRate(rate, bucket, config);
  if (bucket < rate.foldedTo) {
    // A bucket older than what is folded (a late post): count it, without going back in time.
    rate.count += n;
    return;
  }
  const d = decayPerBucket(config);
  rate.count = rate.count * d + n;
  rate.exposure = rate.exposure * d + 1;
  rate.foldedTo = bucket + 1;
}

/** Operations on one cell's window and rate; holds no state of its own. */
export class RateWindow {
  constructor(
    private readonly window: WindowState,
    private readonly rate: RateState,
    private readonly config: RateConfig,
  ) {}

  /** Counts a post in `bucket`, sliding the window (and folding what leaves it) first. */
  add(bucket: number, id: string | null, at: number): void {
    const w = this.window;
    const size = this.config.windowBuckets;
    if (w.start < 0) {
      w.start = bucket - size + 1;
      w.counts = new Array<number>(size).fill(0);
      foldRate(this.rate, w.start, this.config);
    }
    if (bucket >= w.start + size) this.slide(bucket - size + 1);
    if (bucket < w.start) {
      foldBucket(this.rate, bucket, 1, this.config);
      return;
    }
    w.counts[bucket - w.start]! += 1;
    if (id !== null) {
      w.posts.push({ id, at });
      if (w.posts.length > this.config.maxWindowPosts) w.posts.shift();
    }
  }

  count(): number {
    let n = 0;
    for (const c of this.window.counts) n += c;
    return n;
  }

  posts(): { id: string; at: number }[] {
    return [...this.window.posts];
  }

  start(): number {
    return this.window.start;
  }

  private slide(newStart: number): void {
    const w = this.window;
    const size = this.config.windowBuckets;
    const leaving = Math.min(size, newStart - w.start);
    for (let i = 0; i < leaving; i++) if (w.counts[i]! > 0) foldBucket(this.rate, w.start + i, w.counts[i]!, this.config);
    foldRate(this.rate, newStart, this.config);
    w.counts = leaving >= size ? new Array<number>(size).fill(0) : [...w.counts.slice(leaving), ...new Array<number>(leaving).fill(0)];
    w.start = newStart;
    const from = newStart * this.config.bucketSeconds * 1000;
    w.posts = w.posts.filter((p) => p.at >= from);
  }
}
