import type { TestProject } from 'vitest/node';
import { openDatabase } from '#platform/db/database.ts';
import { migrateToLatest } from '#platform/db/migrate.ts';
import { databaseUrl, testPostgresUrl, withAdmin } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of the migrated PostgreSQL template database for this run, or null without PostgreSQL. */
    pgTemplate: string | null;
  }
}

/**
 * Migrates one PostgreSQL template database per test run; each test file then clones its own
 * fresh database from it (STYLE.md: "a fresh database per file cloned from a migrated template").
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testPostgresUrl();
  if (!serverUrl) {
    project.provide('pgTemplate', null);
    return async () => {};
  }
  const template = `waakzaam_tpl_${process.pid}_${Date.now().toString(36)}`;
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE ${template}`));
  const database = openDatabase({ driver: 'postgres', url: databaseUrl(serverUrl, template) });
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
  project.provide('pgTemplate', template);
  return async () => {
    await withAdmin(serverUrl, async (c) => {
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`waakzaam_t_${process.pid}_%`]);
      for (const row of rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    });
  };
}
