import type { Notification } from './notification.ts';

/** Events of watchlists and alert rules (the bus contract, see platform/bus/events.ts). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /** An alert rule fired: a notification for the dashboard (email and webhook follow as jobs). */
    'notification.created': { notification: Notification };
  }
}
