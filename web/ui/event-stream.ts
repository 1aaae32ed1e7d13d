/*
 * A Server-Sent Events connection that survives restarts of the server and flaky networks.
 *
 * The browser's EventSource retries by itself, but only at a fixed interval, and it gives up for
 * good when a reconnect answers with an error status (e.g. a 502 from a proxy while the server
 * restarts). So we close it on every error and reconnect on our own schedule: exponential backoff
 * with jitter, so that a room full of dashboards does not hit a restarted server in lockstep.
 *
 * This file has no React and no globals: the EventSource constructor and the clock are passed in,
 * so the behaviour is unit-tested with fakes (test/web/event-stream.test.ts).
 */

export type ConnectionState =
  | { readonly status: 'connecting'; readonly attempt: number }
  | { readonly status: 'live' }
  | { readonly status: 'reconnecting'; readonly attempt: number; readonly retryAt: number }
  | { readonly status: 'stopped' };

export interface BackoffOptions {
  /** Delay before the first retry. */
  readonly initialMs: number;
  /** Upper bound on any delay. */
  readonly maxMs: number;
  /** Growth per attempt. */
  readonly factor: number;
  /** Fraction of the delay that may be taken off at random (0 = none, 0.5 = up to half). */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.5 };

/**
 * Delay before retry number `attempt` (1-based): initial × factor^(attempt−1), capped at max, then
 * reduced by up to `jitter` of itself ("equal jitter"), so the result is in [(1−jitter)·d, d].
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** exponent);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(base * (1 - jitter * random()));
}

/** What we use of EventSource; the browser's class satisfies it. */
export interface EventSourceLike {
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface StreamHandlers {
  /** A named event with its raw data. */
  onEvent(type: string, data: string): void;
  onStateChange(state: ConnectionState): void;
  /** Called when a connection opens after an earlier one was lost: time to fetch what was missed. */
  onReconnected?(): void;
}

export interface ReconnectingEventStreamOptions {
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly createEventSource: EventSourceFactory;
  readonly clock: Clock;
  readonly handlers: StreamHandlers;
  readonly backoff?: BackoffOptions;
  readonly random?: () => number;
  /**
   * A connection must stay up this long (or deliver an event) before the backoff resets. Without
   * this, a server that accepts and immediately drops the connection would be retried every second.
   */
  readonly stableAfterMs?: number;
}

export class ReconnectingEventStream {
  private source: EventSourceLike | null = null;
  private retryTimer: unknown = null;
  private attempt = 0;
  private openedAt: number | null = null;
  private hasConnectedBefore = false;
  private running = false;
  private state: ConnectionState = { status: 'stopped' };

  constructor(private readonly options: ReconnectingEventStreamOptions) {}

  get connectionState(): ConnectionState {
    return this.state;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.clearRetry();
    this.closeSource();
    this.setState({ status: 'stopped' });
  }

  /** Skips the wait, e.g. when the browser reports that the network is back. */
  reconnectNow(): void {
    if (!this.running || this.state.status !== 'reconnecting') {
      return;
    }
    this.clearRetry();
    this.connect();
  }

  private connect(): void {
    this.closeSource();
    this.setState({ status: 'connecting', attempt: this.attempt });
    const source = this.options.createEventSource(this.options.url);
    this.source = source;

    source.onopen = () => {
      if (this.source !== source) {
        return;
      }
      this.openedAt = this.options.clock.now();
      this.setState({ status: 'live' });
      if (this.hasConnectedBefore) {
        this.options.handlers.onReconnected?.();
      }
      this.hasConnectedBefore = true;
    };

    source.onerror = () => {
      if (this.source !== source) {
        return;
      }
      this.handleFailure();
    };

    for (const type of this.options.eventTypes) {
      source.addEventListener(type, (event) => {
        if (this.source !== source) {
          return;
        }
        // A delivered event proves the connection works end to end.
        this.attempt = 0;
        this.options.handlers.onEvent(type, event.data);
      });
    }
  }

  private handleFailure(): void {
    this.closeSource();
    if (!this.running) {
      return;
    }
    const stableAfter = this.options.stableAfterMs ?? 10_000;
    if (this.openedAt !== null && this.options.clock.now() - this.openedAt >= stableAfter) {
      this.attempt = 0;
    }
    this.openedAt = null;
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random ?? Math.random);
    this.setState({ status: 'reconnecting', attempt: this.attempt, retryAt: this.options.clock.now() + delay });
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = null;
      if (this.running) {
        this.connect();
      }
    }, delay);
  }

  private closeSource(): void {
    if (this.source) {
      const source = this.source;
      this.source = null;
      source.onopen = null;
      source.onerror = null;
      source.close();
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) {
      this.options.clock.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.options.handlers.onStateChange(state);
  }
}
