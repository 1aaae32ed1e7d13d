import type { Clock } from '#core/clock.ts';
import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Logger } from '#platform/log.ts';
import { SignalDetection } from '../detect/detect-consumer.ts';
import { SignalService } from '../detect/signal-service.ts';
import type { PostService } from '../post-service.ts';
import { NotificationService } from './notification-service.ts';
import { AlertNotifier } from './notifier.ts';
import { WatchlistService } from './watchlist-service.ts';

/** Weak signals, watchlists and alert rules (SPEC W5, W6): the services and the two bus consumers. */
export interface SignalsModule {
  signals: SignalService;
  detection: SignalDetection;
  watchlists: WatchlistService;
  notifications: NotificationService;
  notifier: AlertNotifier;
  /** Registers the `watch.detect` and `watch.alerts` consumers and the delivery jobs (worker role). */
  register(): void;
}

/** Builds the module; the composition root calls this once. */
export function createSignalsModule(deps: {
  database: Database;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  jobs: JobRunner;
  pseudonyms: Pseudonymiser;
  posts: PostService;
  mail: { smtpUrl: string | null; from: string | null };
}): SignalsModule {
  const { database, bus, clock, log, audit, jobs, pseudonyms, posts, mail } = deps;
  const watchlists = new WatchlistService({ database, audit, clock, pseudonyms });
  const detection = new SignalDetection({ database, bus, clock, log: log.child({ component: 'detect' }), sensitivity: (organisationId) => watchlists.sensitivity(organisationId) });
  const notifier = new AlertNotifier({ database, bus, clock, log: log.child({ component: 'alerts' }), jobs, watchlists, mail });
  return {
    signals: new SignalService({ database, bus, audit, clock, posts }),
    detection,
    watchlists,
    notifications: new NotificationService({ database, clock }),
    notifier,
    register: () => {
      detection.register();
      notifier.register();
    },
  };
}
