import type { ConnectionState } from '../../ui/event-stream.ts';
import { useEventStream } from '../../ui/use-event-stream.ts';
import { ALERTS_STREAM_URL, parseNotificationEvent, parseSignalEvent, type Notification, type Signal } from './alerts-api.ts';

const EVENT_TYPES = ['signal', 'notification'] as const;

export interface AlertsStreamHandlers {
  onSignal?: (signal: Signal, change: string) => void;
  onNotification?: (notification: Notification) => void;
  /** The stream is back after a loss: what was sent meanwhile is not replayed, so reload. */
  onReconnected: () => void;
  enabled?: boolean;
}

/**
 * The live stream of signals and notifications (GET /api/signals/stream). The top bar's
 * notification bell and the signals view each hold one while they are shown; malformed events are
 * dropped.
 */
export function useAlertsStream(handlers: AlertsStreamHandlers): ConnectionState {
  const { state } = useEventStream(ALERTS_STREAM_URL, {
    eventTypes: EVENT_TYPES,
    enabled: handlers.enabled ?? true,
    onReconnected: handlers.onReconnected,
    onEvent: (type, data) => {
      if (type === 'signal') {
        const event = parseSignalEvent(data);
        if (event) handlers.onSignal?.(event.signal, event.change);
      } else if (type === 'notification') {
        const notification = parseNotificationEvent(data);
        if (notification) handlers.onNotification?.(notification);
      }
    },
  });
  return state;
}
