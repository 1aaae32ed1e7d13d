import type { Clock } from '#core/clock.ts';
import { VerificationService } from '#interact/verification/verification-service.ts';
import type { AccountService } from '#platform/accounts/account-service.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import { NetworkService } from '../network/network-service.ts';
import type { CorrectionReach } from '../rumours/rumour.ts';
import { RumourService } from '../rumours/rumour-service.ts';
import { IncidentService } from './incident-service.ts';
import { SignalIncidentLink, type PostLookup } from './signal-link.ts';

/** Incidents (W7), rumours (W8), the actor network (W9) and the verification tasks (I4) they use. */
export interface IncidentsModule {
  incidents: IncidentService;
  rumours: RumourService;
  network: NetworkService;
  verification: VerificationService;
  /** Opens and tags incidents from weak signals (`signal.changed`); present when posts can be looked up. */
  signalLink: SignalIncidentLink | null;
  /** Registers the durable bus consumers (worker role). */
  register(): void;
}

/**
 * Builds the services in dependency order; `reach` is the send module's delivery counts, when there
 * is one; `posts` lets weak signals open and tag incidents.
 */
export function createIncidentsModule(deps: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock; accounts: AccountService; reach?: CorrectionReach; posts?: PostLookup }): IncidentsModule {
  const { database, bus, audit, clock, accounts } = deps;
  const verification = new VerificationService({ database, bus, audit, accounts, clock });
  const incidents = new IncidentService({ database, bus, audit, clock, verification });
  const rumours = new RumourService({ database, bus, audit, clock, verification, ...(deps.reach ? { reach: deps.reach } : {}) });
  const network = new NetworkService({ database });
  const signalLink = deps.posts ? new SignalIncidentLink({ database, bus, clock, incidents, posts: deps.posts }) : null;
  return {
    incidents,
    rumours,
    network,
    verification,
    signalLink,
    register: () => {
      incidents.register();
      rumours.register();
      signalLink?.register();
    },
  };
}
