import { systemClock, type Clock } from '#core/clock.ts';
import { loadPseudonymKey, Pseudonymiser } from '#govern/pseudonyms.ts';
import { PostService } from '#watch/post-service.ts';
import { ReplayConnector } from '#watch/connectors/replay.ts';
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
  watch: { posts: PostService; replay: ReplayConnector };
  /** Stops workers and closes the bus and the store. */
  close(): Promise<void>;
}

export interface ContextOverrides {
  log?: Logger;
  clock?: Clock;
  database?: Database;
  bus?: EventBus;
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
  const database = overrides.database ?? openDatabase(config.database, (error) => log.warn({ err: error }, 'idle database connection closed by the server'));
  try {
    if (overrides.migrate ?? true) {
      const applied = await migrateToLatest(database);
      if (applied.length > 0) log.info({ applied }, 'migrations applied');
    }
    const bus = overrides.bus ?? (await createBus(config, database, clock, log));
    const audit = new AuditLog({ database, clock });
    const jobs = new JobRunner({ database, clock, log: log.child({ component: 'jobs' }) });
    const metrics = new Metrics();
    const pseudonyms = new Pseudonymiser(await loadPseudonymKey(database, config.secrets.pseudonymKey));
    const posts = new PostService({ database, bus, clock });
    const replay = new ReplayConnector({ database, posts, pseudonyms, clock, log: log.child({ component: 'replay' }) });
    return {
      config,
      log,
      clock,
      database,
      bus,
      audit,
      jobs,
      metrics,
      accounts: new AccountService({ database, audit, clock }),
      auth: new AuthService({ database, audit, clock, sessionTtlHours: config.sessionTtlHours }),
      pseudonyms,
      watch: { posts, replay },
      close: async () => {
        await jobs.close();
        await bus.close();
        await database.close();
      },
    };
  } catch (error) {
    if (!overrides.database) await database.close();
    throw error;
  }
}
