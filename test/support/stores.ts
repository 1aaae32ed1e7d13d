import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';
import { openDatabase, type Database } from '#platform/db/database.ts';
import { migrateToLatest } from '#platform/db/migrate.ts';
import type { DatabaseConfig } from '#platform/config.ts';
import { databaseUrl, testPostgresUrl, withAdmin } from './postgres.ts';

export type StoreKind = 'sqlite' | 'postgres';

/** The stores every store test runs on: SQLite always, PostgreSQL whenever the environment names it. */
export function testStores(): StoreKind[] {
  return inject('pgTemplate') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** `describe` once per store, with the store's name in the title. */
export function describeEachStore(title: string, body: (store: StoreKind) => void): void {
  for (const store of testStores()) describe(`${title} [${store}]`, () => body(store));
}

export interface TestDatabase {
  database: Database;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database: SQLite in memory (or in `file` when given, for tests that need a
 * second process), or a PostgreSQL database cloned from the run's migrated template.
 */
export async function createTestDatabase(store: StoreKind, file?: string): Promise<TestDatabase> {
  if (store === 'sqlite') {
    const config: DatabaseConfig = { driver: 'sqlite', path: file ?? ':memory:' };
    const database = openDatabase(config);
    await migrateToLatest(database);
    return { database, config, drop: () => database.close() };
  }
  const serverUrl = testPostgresUrl();
  const template = inject('pgTemplate');
  if (!serverUrl || !template) throw new Error('PostgreSQL tests need WAAKZAAM_TEST_POSTGRES_URL');
  const name = `waakzaam_t_${template.split('_')[2]}_${randomBytes(5).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const config: DatabaseConfig = { driver: 'postgres', url: databaseUrl(serverUrl, name) };
  const database = openDatabase(config);
  return {
    database,
    config,
    drop: async () => {
      await database.close();
      await withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
