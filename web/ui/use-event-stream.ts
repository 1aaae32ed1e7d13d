import { useCallback, useEffect, useRef, useState } from 'react';
import { ReconnectingEventStream, type Clock, type ConnectionState } from './event-stream.ts';

export interface UseEventStreamOptions {
  readonly eventTypes: readonly string[];
  readonly onEvent: (type: string, data: string) => void;
  readonly onReconnected?: () => void;
  /** False keeps the stream closed (e.g. before the first page has loaded). */
  readonly enabled?: boolean;
}

const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/**
 * Keeps a same-origin SSE connection open while the component is mounted, reconnecting with
 * backoff (see event-stream.ts), and reports its state for the connection indicator.
 */
export interface EventStreamHandle {
  readonly state: ConnectionState;
  /** Skip the backoff wait (a "reconnect now" button). */
  readonly reconnectNow: () => void;
}

export function useEventStream(url: string, options: UseEventStreamOptions): EventStreamHandle {
  const [state, setState] = useState<ConnectionState>({ status: 'connecting', attempt: 0 });
  const streamRef = useRef<ReconnectingEventStream | null>(null);
  // Handlers live in refs so that a new callback identity does not tear down the connection.
  const onEventRef = useRef(options.onEvent);
  const onReconnectedRef = useRef(options.onReconnected);
  useEffect(() => {
    onEventRef.current = options.onEvent;
    onReconnectedRef.current = options.onReconnected;
  });

  const enabled = options.enabled ?? true;
  const eventTypesKey = options.eventTypes.join(',');

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const stream = new ReconnectingEventStream({
      url,
      eventTypes: eventTypesKey.split(','),
      // withCredentials is not needed: the stream is same-origin, so the session cookie is sent.
      createEventSource: (streamUrl) => new EventSource(streamUrl),
      clock: browserClock,
      handlers: {
        onEvent: (type, data) => onEventRef.current(type, data),
        onStateChange: setState,
        onReconnected: () => onReconnectedRef.current?.(),
      },
    });
    const handleOnline = () => stream.reconnectNow();
    window.addEventListener('online', handleOnline);
    streamRef.current = stream;
    stream.start();
    return () => {
      window.removeEventListener('online', handleOnline);
      streamRef.current = null;
      stream.stop();
    };
  }, [url, eventTypesKey, enabled]);

  const reconnectNow = useCallback(() => streamRef.current?.reconnectNow(), []);
  return { state, reconnectNow };
}
