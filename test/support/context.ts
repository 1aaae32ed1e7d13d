import { MemoryBus } from '#platform/bus/memory-bus.ts';
import { loadConfig, type Config } from '#platform/config.ts';
import { systemClock, type Clock } from '#core/clock.ts';
import { createContext, type AppContext, type ContextOverrides } from '#app/context.ts';
import { silentLog } from './buses.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './stores.ts';

export interface TestContext {
  ctx: AppContext;
  tdb: TestDatabase;
  close(): Promise<void>;
}

/**
 * A full context on a fresh test database with the in-process bus; `env` overrides config
 * variables. Posts are analysed inline unless `env` asks for the analysis thread (its start, about
 * a second, is for the tests that are about it). SQLite is in memory unless `file` names one.
 */
export async function createTestContext(store: StoreKind, options: { env?: Record<string, string>; clock?: Clock; channels?: ContextOverrides['channels']; file?: string } = {}): Promise<TestContext> {
  const tdb = await createTestDatabase(store, options.file);
  const config: Config = loadConfig({ WAAKZAAM_WEB_DIR: './test/support/no-web', WAAKZAAM_ANALYSIS_THREAD: 'false', ...options.env });
  const clock = options.clock ?? systemClock;
  const bus = new MemoryBus({ database: tdb.database, clock, log: silentLog, pollMs: 50 });
  const ctx = await createContext(config, { database: tdb.database, bus, log: silentLog, clock, migrate: false, channels: options.channels });
  return {
    ctx,
    tdb,
    close: async () => {
      await ctx.send.close();
      await ctx.jobs.close();
      await bus.close();
      await ctx.watch.pipeline.close();
      await ctx.watch.textIndex.close();
      await tdb.drop();
    },
  };
}

export interface Seeded {
  organisationId: string;
  email: string;
  password: string;
  userId: string;
}

let counter = 0;

/** An organisation with one user of the given roles. */
export async function seedOrganisation(ctx: AppContext, roles: string[] = ['admin'], name = `Org ${++counter}`): Promise<Seeded> {
  const organisation = await ctx.accounts.createOrganisation({ name, kind: 'police' }, 'system');
  const email = `user${++counter}@example.nl`;
  const password = 'correct horse battery staple';
  const user = await ctx.accounts.createUser({ organisationId: organisation.id, email, name: 'Test User', password, roles }, 'system');
  return { organisationId: organisation.id, email, password, userId: user.id };
}
