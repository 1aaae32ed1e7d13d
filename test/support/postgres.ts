import pg from 'pg';

/** The PostgreSQL server tests use, when the environment names one (.ci/run always does). */
export function testPostgresUrl(): string | undefined {
  const url = process.env.WAAKZAAM_TEST_POSTGRES_URL;
  return url === undefined || url === '' ? undefined : url;
}

/** URL of database `name` on the same server as `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs admin statements (CREATE/DROP DATABASE) on the server's maintenance database. */
export async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
