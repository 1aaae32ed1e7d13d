import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Searching posts by text (the dashboard's search) through an index (docs/decisions/0022-text-search.md).
 * PostgreSQL: a trigram GIN index on lower(text), which serves the dialect's `containsInsensitive`
 * (`lower(text) like '%…%'`); pg_trgm ships with PostgreSQL's contrib modules. SQLite: nothing
 * here; its index is a file of its own (watch/search/text-index.ts).
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index posts_text_trigrams on posts using gin (lower(text) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>, d: Dialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`drop index if exists posts_text_trigrams`.execute(db);
}
