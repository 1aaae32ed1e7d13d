import { useEffect, useRef } from 'react';
import type { ConnectionState } from '../../ui/event-stream.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { useEventStream } from '../../ui/use-event-stream.ts';
import { BOARD_EVENT_TYPES, parseBoardEvent, type BoardEvent } from './board.ts';
import { DISPATCH_STREAM_URL } from './respond-api.ts';

/**
 * Follows /api/dispatches/stream. Events go to `onEvent` at once; `onSettled` runs once a burst of
 * events has passed (a wave alerts thirty volunteers in one go), and after a reconnect (the
 * stream does not replay what was missed), so that the view reloads the authoritative state once
 * instead of thirty times.
 */
export function useBoardStream(onEvent: (event: BoardEvent) => void, onSettled: (ids: ReadonlySet<string>) => void, settleMs = 400) {
  const onEventRef = useRef(onEvent);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onEventRef.current = onEvent;
    onSettledRef.current = onSettled;
  });
  const pending = useRef(new Set<string>());
  const timer = useRef<number | null>(null);

  const settleSoon = () => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      const ids = new Set(pending.current);
      pending.current.clear();
      onSettledRef.current(ids);
    }, settleMs);
  };

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  return useEventStream(DISPATCH_STREAM_URL, {
    eventTypes: BOARD_EVENT_TYPES,
    onEvent: (type, data) => {
      const event = parseBoardEvent(type, data);
      if (!event) return;
      onEventRef.current(event);
      pending.current.add(event.dispatchId);
      settleSoon();
    },
    onReconnected: () => {
      pending.current.add('*');
      settleSoon();
    },
  });
}

/** Whether the board is live, in words (and a dot that is decoration only). */
export function LiveIndicator({ connection, onReconnectNow }: { connection: ConnectionState; onReconnectNow: () => void }) {
  const { t } = useT();
  const label =
    connection.status === 'live'
      ? t('respond.live.live')
      : connection.status === 'reconnecting'
        ? t('watch.connection.reconnecting', { attempt: connection.attempt })
        : connection.status === 'connecting'
          ? t('watch.connection.connecting')
          : t('watch.connection.stopped');
  return (
    <div className="connection">
      <p className={`connection__state connection__state--${connection.status}`} aria-live="polite">
        <span className="connection__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('watch.connection.label')}: </span>
        {label}
      </p>
      {connection.status === 'reconnecting' && (
        <button type="button" className="button button--small" onClick={onReconnectNow}>
          {t('watch.connection.reconnectNow')}
        </button>
      )}
    </div>
  );
}
