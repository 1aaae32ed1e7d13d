import type { Clock } from '#core/clock.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Config } from '#platform/config.ts';
import type { Database } from '#platform/db/database.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Logger } from '#platform/log.ts';
import { BusAlerter, type Alerter } from './alerter.ts';
import { DispatchService } from './dispatch-service.ts';
import './events.ts';
import { Geocoder } from './geocode/geocoder.ts';
import { PostcodeTable } from './geocode/table.ts';
import { RespondIndexes } from './indexes.ts';
import { RegistryService } from './registry-service.ts';
import { ResponderService } from './responder-service.ts';

/** The respond module's services, as the composition root holds them (AppContext.respond). */
export interface RespondModule {
  registry: RegistryService;
  dispatches: DispatchService;
  responders: ResponderService;
  geocoder: Geocoder;
  indexes: RespondIndexes;
  /** Stops following registry changes of other processes. */
  close(): void;
}

export interface RespondDeps {
  config: Config;
  database: Database;
  bus: EventBus;
  audit: AuditLog;
  clock: Clock;
  jobs: JobRunner;
  log: Logger;
  /** How alerts leave; by default `dispatch.alerted` events for the send module's push channel. */
  alerter?: Alerter;
}

/**
 * Builds the respond module (SPEC R1–R3): registries, geocoding, dispatch, the responder app's
 * side. Job handlers (wave timers, alert time-outs, expiry) are registered here; they run wherever
 * the job runner is started (the worker role). Registry changes made by other processes reach this
 * process's indexes through the bus.
 */
export function createRespondModule(deps: RespondDeps): RespondModule {
  const log = deps.log.child({ component: 'respond' });
  const table = PostcodeTable.load(deps.config.respond.postcodeTable);
  const geocoder = new Geocoder({
    pdokUrl: deps.config.respond.pdokUrl,
    table,
    onFallback: (reason, address) => log.warn({ reason, address }, 'PDOK unreachable; used the offline postcode table'),
  });
  const indexes = new RespondIndexes(deps.database);
  const registry = new RegistryService({ database: deps.database, bus: deps.bus, audit: deps.audit, clock: deps.clock, geocoder, indexes });
  const dispatches = new DispatchService({
    database: deps.database,
    bus: deps.bus,
    audit: deps.audit,
    clock: deps.clock,
    jobs: deps.jobs,
    log,
    geocoder,
    indexes,
    alerter: deps.alerter ?? new BusAlerter(deps.bus),
  });
  dispatches.registerJobs();
  const responders = new ResponderService({ database: deps.database, bus: deps.bus, audit: deps.audit, clock: deps.clock });
  const stop = deps.bus.listen(['respond.registry.changed'], (event) => {
    if (!event.organisationId) return;
    const refresh = event.payload.kind === 'volunteer' ? indexes.refreshVolunteer(event.organisationId, event.payload.id) : indexes.refreshAed(event.organisationId, event.payload.id);
    refresh.catch((error: unknown) => log.warn({ err: error }, 'could not refresh the respond index'));
  });
  return { registry, dispatches, responders, geocoder, indexes, close: stop };
}
