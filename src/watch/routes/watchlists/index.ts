import type { HttpApp } from '#platform/http/server.ts';
import type { NotificationService } from '../../watchlists/notification-service.ts';
import type { WatchlistService } from '../../watchlists/watchlist-service.ts';
import { registerNotificationRoutes } from './notifications.ts';
import { registerWatchlistRoutes } from './watchlists.ts';

/** Watchlists, alert rules and notifications (SPEC W6). */
export function registerWatchlistAndNotificationRoutes(app: HttpApp, deps: { watchlists: WatchlistService; notifications: NotificationService }): void {
  registerWatchlistRoutes(app, deps);
  registerNotificationRoutes(app, deps);
}
