import { SendAppealPublisher } from '#ask/appeals/appeal-publisher.ts';
import { createAskModule, type AskModule } from '#ask/module.ts';
import { systemClock, type Clock } from '#core/clock.ts';
import type { Channel, ChannelKind } from '#send/channels/channel.ts';
import { createSendModule, type SendModule } from '#send/module.ts';
import { createRespondModule, type RespondModule } from '#respond/module.ts';
import { createIncidentsModule, type IncidentsModule } from '#watch/incidents/module.ts';
import { createSignalsModule, type SignalsModule } from '#watch/watchlists/index.ts';
import { IdentityVault } from '#govern/identity-vault.ts';
import { loadPseudonymKey, Pseudonymiser } from '#govern/pseudonyms.ts';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
// The watch events' codecs (posts stored and sent as ids), which every transport needs.
import '#watch/events.ts';
import { FeedbackService } from '#watch/feedback-service.ts';
import { InlineAnalyser, ThreadAnalyser } from '#watch/pipeline/analysers.ts';
import { ClassifierRegistry } from '#watch/pipeline/classifiers.ts';
import { WatchPipeline } from '#watch/pipeline/watch-pipeline.ts';
import { PostService } from '#watch/post-service.ts';
import { TextIndex } from '#watch/search/text-index.ts';
import { ReplayConnector } from '#watch/connectors/replay.ts';
import { ConnectorService } from '#watch/connectors/connector-service.ts';
import { connectorKinds } from '#watch/connectors/kinds.ts';
import { ConnectorRunner } from '#watch/connectors/runner.ts';
import { AccountService } from '#platform/accounts/account-service.ts';
import { AuditLog } from '#platform/audit/audit-log.ts';
import { AuthService } from '#platform/auth/auth-service.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import { MemoryBus } from '#platform/bus/memory-bus.ts';
import type { Config } from '#platform/config.ts';
import { openDatabase, type Database } from '#platform/db/database.ts';
import { migrateToLatest } from '#platform/db/migrate.ts';
import { JobRunner } from '#platform/jobs/job-runner.ts';
import { createLogger, type Logger } from '#platform/log.ts';
import { Metrics } from '#platform/metrics.ts';

/**
 * Everything a running Waakzaam holds, built once in dependency order by {@link createContext}
 * (the composition root). Routes, CLI commands and workers receive it; tests pass overrides.
 */
export interface AppContext {
  config: Config;
  log: Logger;
  clock: Clock;
  database: Database;
  bus: EventBus;
  audit: AuditLog;
  jobs: JobRunner;
  metrics: Metrics;
  accounts: AccountService;
  auth: AuthService;
  pseudonyms: Pseudonymiser;
  vault: IdentityVault;
  watch: {
    posts: PostService;
    replay: ReplayConnector;
    connectors: ConnectorService;
    runner: ConnectorRunner;
    classifiers: ClassifierRegistry;
    pipeline: WatchPipeline;
    feedback: FeedbackService;
    /** Search by text through an index (a thread and file of its own on SQLite; pg_trgm on PostgreSQL). */
    textIndex: TextIndex;
  };
  ask: AskModule;
  /** Weak signals, watchlists, alert rules and notifications (SPEC W5, W6). */
  signals: SignalsModule;
  /** Incidents, rumours, the actor network and verification tasks (SPEC W7–W9, I4). */
  incidents: IncidentsModule;
  /** Messages, subscriptions and delivery (SPEC S1–S5). */
  send: SendModule;
  /** Volunteer responders: registries, geocoding, dispatch (SPEC R1–R3). */
  respond: RespondModule;
  /** Stops workers and closes the bus and the store. */
  close(): Promise<void>;
}

export interface ContextOverrides {
  log?: Logger;
  clock?: Clock;
  database?: Database;
  bus?: EventBus;
  /** The send module's channels (tests pass recording channels); default: those the configuration sets up. */
  channels?: ReadonlyMap<ChannelKind, Channel>;
  /** Apply migrations while building (default true). */
  migrate?: boolean;
}

async function createBus(config: Config, database: Database, clock: Clock, log: Logger): Promise<EventBus> {
  if (config.bus.transport === 'memory') return new MemoryBus({ database, clock, log: log.child({ component: 'bus' }) });
  const { NatsBus } = await import('#platform/bus/nats-bus.ts');
  return NatsBus.connect({ database, clock, log: log.child({ component: 'bus' }), servers: config.bus.servers, stream: config.bus.stream });
}

export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const database = overrides.database ?? openDatabase(config.database, (error) => log.warn({ err: error }, 'database background error (an idle connection closed by the server, or the WAL checkpointer stopped)'));
  try {
    if (overrides.migrate ?? true) {
      const applied = await migrateToLatest(database);
      if (applied.length > 0) log.info({ applied }, 'migrations applied');
    }
    const bus = overrides.bus ?? (await createBus(config, database, clock, log));
    const audit = new AuditLog({ database, clock });
    const jobs = new JobRunner({ database, clock, log: log.child({ component: 'jobs' }) });
    const metrics = new Metrics();
    const pseudonymKey = await loadPseudonymKey(database, config.secrets.pseudonymKey);
    const pseudonyms = new Pseudonymiser(pseudonymKey);
    const vault = new IdentityVault({ database, audit, clock, pseudonymKey, retentionDays: config.identityRetentionDays });
    const textIndex = TextIndex.for(database, config.textIndex && config.bus.transport === 'memory', log.child({ component: 'text-index' }));
    await textIndex.open();
    const posts = new PostService({ database, bus, clock, vault, textIndex });
    const classifiers = new ClassifierRegistry({ database });
    // The gazetteer (and the near-duplicate memory) live where the analysis runs.
    const inline = () => new InlineAnalyser({ enricher: new Enricher({ gazetteer: Gazetteer.load() }), classifiers });
    const analyser = config.analysisThread
      ? new ThreadAnalyser({ classifiers, fallback: inline, onError: (error) => log.error({ err: error }, 'analysis thread could not start; posts are analysed on the main thread') })
      : inline();
    const pipeline = new WatchPipeline({ database, bus, analyser, clock, log: log.child({ component: 'pipeline' }) });
    const feedback = new FeedbackService({ database, bus, posts, classifiers, clock });
    const replay = new ReplayConnector({ database, posts, pseudonyms, clock, log: log.child({ component: 'replay' }), textIndex });
    const connectors = new ConnectorService({ database, bus, audit, clock, kinds: connectorKinds });
    const accounts = new AccountService({ database, audit, clock });
    const send = await createSendModule({ config, database, bus, audit, jobs, clock, log, accounts, channels: overrides.channels });
    const publisher = new SendAppealPublisher({ bus, clock, delivered: (organisationId, messageId) => send.delivery.status.peopleReached(organisationId, messageId) });
    const ask = await createAskModule({ mediaDir: config.mediaDir, database, bus, audit, clock, log, classifiers, publisher });
    const incidents = createIncidentsModule({ database, bus, audit, clock, accounts, posts });
    const respond = createRespondModule({ config, database, bus, audit, clock, jobs, log });
    const signals = createSignalsModule({ database, bus, clock, log, audit, jobs, pseudonyms, posts, mail: config.mail });
    const runner = new ConnectorRunner({ database, bus, posts, pseudonyms, clock, log: log.child({ component: 'connectors' }), kinds: connectorKinds });
    return {
      config,
      log,
      clock,
      database,
      bus,
      audit,
      jobs,
      metrics,
      accounts,
      auth: new AuthService({ database, audit, clock, sessionTtlHours: config.sessionTtlHours }),
      pseudonyms,
      vault,
      watch: { posts, replay, connectors, runner, classifiers, pipeline, feedback, textIndex },
      send,
      respond,
      ask,
      incidents,
      signals,
      close: async () => {
        await send.close();
        respond.close();
        await runner.stop();
        await jobs.close();
        await bus.close();
        await pipeline.close();
        await textIndex.close();
        await database.close();
      },
    };
  } catch (error) {
    if (!overrides.database) await database.close();
    throw error;
  }
}
