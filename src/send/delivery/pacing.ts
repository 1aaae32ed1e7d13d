import type { Clock } from '#core/clock.ts';

/**
 * The pace of delivery (SPEC S4), as pure pieces: exponential backoff with jitter between
 * attempts, and a token bucket per channel that keeps hand-overs under the service's published
 * rate limit.
 */
export interface RetryPolicy {
  /** Attempts in all (the first included); after the last failed one the delivery is dead-lettered. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 2_000, maxDelayMs: 3_600_000 };

/**
 * The wait before attempt `attempt + 1`: base × 2^(attempt − 1), capped, with "equal jitter"
 * (half fixed, half random) so that a thousand deliveries failing together do not return together;
 * never sooner than the service asked (Retry-After).
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: number, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * Math.min(1, Math.max(0, random));
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * A token bucket: `ratePerSecond` tokens a second, at most `capacity` saved up (one second's worth,
 * at least one), so no window of one second sees more than the rate plus that burst.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly clock: Clock,
  ) {
    if (!(ratePerSecond > 0)) throw new Error('a token bucket needs a positive rate');
    this.capacity = Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.last = clock.now().getTime();
  }

  private refill(): void {
    const now = this.clock.now().getTime();
    if (now > this.last) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = Math.max(this.last, now);
  }

  /** Takes up to `wanted` whole tokens; returns how many it got. */
  take(wanted: number): number {
    this.refill();
    const granted = Math.max(0, Math.min(wanted, Math.floor(this.tokens)));
    this.tokens -= granted;
    return granted;
  }

  /** Gives back tokens taken but not used (fewer deliveries were due than granted). */
  refund(count: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + count);
  }

  /** Milliseconds until one whole token is there (0 when one is). */
  waitMs(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }
}
