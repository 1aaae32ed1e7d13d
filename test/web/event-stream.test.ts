import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  ReconnectingEventStream,
  type Clock,
  type ConnectionState,
  type EventSourceLike,
} from '../../web/ui/event-stream.ts';

class FakeEventSource implements EventSourceLike {
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.onopen?.(new Event('open'));
  }

  fail(): void {
    this.onerror?.(new Event('error'));
  }

  emit(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) {
      listener(new MessageEvent(type, { data }));
    }
  }
}

/** A clock whose timers run only when the test advances time. */
class FakeClock implements Clock {
  time = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((timer) => timer.at <= this.time);
    this.timers = this.timers.filter((timer) => timer.at > this.time);
    due.forEach((timer) => timer.callback());
  }

  get pending(): number {
    return this.timers.length;
  }
}

function setup() {
  const clock = new FakeClock();
  const sources: FakeEventSource[] = [];
  const states: ConnectionState[] = [];
  const events: [string, string][] = [];
  let reconnected = 0;
  const stream = new ReconnectingEventStream({
    url: '/api/posts/stream',
    eventTypes: ['post', 'stats'],
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    clock,
    random: () => 0, // no jitter: delays are exactly initial × 2^(n−1)
    backoff: { initialMs: 1_000, maxMs: 8_000, factor: 2, jitter: 0.5 },
    stableAfterMs: 10_000,
    handlers: {
      onEvent: (type, data) => events.push([type, data]),
      onStateChange: (state) => states.push(state),
      onReconnected: () => {
        reconnected += 1;
      },
    },
  });
  const latest = () => {
    const source = sources.at(-1);
    if (!source) {
      throw new Error('no event source created');
    }
    return source;
  };
  return { clock, sources, states, events, stream, latest, reconnected: () => reconnected };
}

describe('backoffDelay', () => {
  const options = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.5 };

  it('doubles per attempt up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, options, () => 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it('takes at most the jitter fraction off', () => {
    expect(backoffDelay(3, options, () => 1)).toBe(2_000);
    expect(backoffDelay(3, options, () => 0.5)).toBe(3_000);
  });
});

describe('ReconnectingEventStream', () => {
  it('connects, goes live and passes named events on', () => {
    const { stream, latest, states, events } = setup();
    stream.start();
    expect(states.at(-1)).toEqual({ status: 'connecting', attempt: 0 });
    latest().open();
    expect(states.at(-1)).toEqual({ status: 'live' });
    latest().emit('post', '{"id":"p1"}');
    latest().emit('stats', '{"received":1,"rate":0.1}');
    expect(events).toEqual([
      ['post', '{"id":"p1"}'],
      ['stats', '{"received":1,"rate":0.1}'],
    ]);
  });

  it('closes a failed connection and retries with growing delays', () => {
    const { stream, latest, sources, states, clock } = setup();
    stream.start();
    latest().fail();
    expect(sources[0]?.closed).toBe(true);
    expect(states.at(-1)).toEqual({ status: 'reconnecting', attempt: 1, retryAt: 1_000 });

    clock.advance(999);
    expect(sources).toHaveLength(1);
    clock.advance(1);
    expect(sources).toHaveLength(2);

    latest().fail();
    expect(states.at(-1)).toEqual({ status: 'reconnecting', attempt: 2, retryAt: 3_000 });
    clock.advance(2_000);
    latest().fail();
    expect(states.at(-1)).toMatchObject({ attempt: 3, retryAt: 3_000 + 4_000 });
  });

  it('keeps backing off when a connection opens and drops at once', () => {
    const { stream, latest, states, clock } = setup();
    stream.start();
    latest().open();
    latest().fail();
    clock.advance(1_000);
    latest().open();
    clock.advance(50);
    latest().fail();
    expect(states.at(-1)).toMatchObject({ status: 'reconnecting', attempt: 2 });
  });

  it('resets the backoff after a connection that delivered events', () => {
    const { stream, latest, states, clock } = setup();
    stream.start();
    latest().fail();
    clock.advance(1_000);
    latest().fail();
    clock.advance(2_000);
    latest().open();
    latest().emit('post', '{}');
    latest().fail();
    expect(states.at(-1)).toMatchObject({ status: 'reconnecting', attempt: 1 });
  });

  it('resets the backoff after a connection that stayed up long enough', () => {
    const { stream, latest, states, clock } = setup();
    stream.start();
    latest().fail();
    clock.advance(1_000);
    latest().open();
    clock.advance(10_000);
    latest().fail();
    expect(states.at(-1)).toMatchObject({ status: 'reconnecting', attempt: 1 });
  });

  it('reports a reconnect (to fill the gap) but not the first connection', () => {
    const { stream, latest, clock, reconnected } = setup();
    stream.start();
    latest().open();
    expect(reconnected()).toBe(0);
    latest().fail();
    clock.advance(1_000);
    latest().open();
    expect(reconnected()).toBe(1);
  });

  it('ignores events from a connection it has already replaced', () => {
    const { stream, sources, latest, events, clock } = setup();
    stream.start();
    const first = latest();
    first.fail();
    clock.advance(1_000);
    first.emit('post', 'stale');
    expect(sources).toHaveLength(2);
    expect(events).toEqual([]);
  });

  it('reconnectNow skips the wait', () => {
    const { stream, latest, sources, clock } = setup();
    stream.start();
    latest().fail();
    stream.reconnectNow();
    expect(sources).toHaveLength(2);
    expect(clock.pending).toBe(0);
  });

  it('stop closes the connection and cancels a pending retry', () => {
    const { stream, latest, sources, states, clock } = setup();
    stream.start();
    latest().fail();
    stream.stop();
    expect(states.at(-1)).toEqual({ status: 'stopped' });
    clock.advance(60_000);
    expect(sources).toHaveLength(1);
    expect(sources.every((source) => source.closed)).toBe(true);
  });
});
