import pg from 'pg';

/** The PostgreSQL server the benches use, if one is named (WAAKZAAM_BENCH_POSTGRES_URL, else the tests' server). */
export function benchPostgresServer(): string | undefined {
  return process.env.WAAKZAAM_BENCH_POSTGRES_URL ?? process.env.WAAKZAAM_TEST_POSTGRES_URL;
}

/**
 * Runs `fn` with the URL of a fresh database on the bench's PostgreSQL server, dropped afterwards;
 * null when no server is named (the caller says it skipped).
 */
export async function withBenchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T | null> {
  const server = benchPostgresServer();
  if (!server) return null;
  const name = `waakzaam_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
