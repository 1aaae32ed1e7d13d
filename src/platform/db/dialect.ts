import { sql, type ColumnDataType, type Expression, type Kysely, type RawBuilder } from 'kysely';

import type { Schema } from './schema.ts';

type ColumnType = ColumnDataType | Expression<unknown>;

/**
 * The one seam between SQLite and PostgreSQL. Everything else — queries, services, migrations —
 * is written once against Kysely. Conventions that keep this file small:
 * - times are ISO-8601 strings in the application (TEXT in SQLite, timestamptz in PostgreSQL,
 *   parsed back to ISO strings by the pg type parser in database.ts);
 * - JSON is TEXT in both, (de)serialised by the stores;
 * - booleans are integers 0/1 in both;
 * - ids are text (UUID v7) made by the application.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** Column type of an auto-incrementing 64-bit primary key. */
  serialPrimaryKey: ColumnType;
  /** Column type of a point in time. */
  timestamp: ColumnType;
  /** Column type of a 64-bit integer. */
  bigint: ColumnType;
  /**
   * Serialises writers of one append-only log (the outbox, the audit chain) until the end of the
   * transaction, so that sequence numbers become visible in commit order and each audit row sees
   * its predecessor (PostgreSQL assigns a sequence value before commit; without this a reader
   * could pass a gap that a slower transaction fills later). SQLite has one writer anyway.
   */
  lockLog(db: Kysely<Schema>, log: 'outbox' | 'audit'): Promise<void>;
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** Case-insensitive substring match. */
  containsInsensitive(column: Expression<string>, needle: string): RawBuilder<boolean>;
  /**
   * A FROM item over a JSON array bound as one parameter: one row per element, in a column named
   * `value` (read parts with `value ->> 0`). Bulk inserts (`insert … select … from`) then bind one
   * parameter instead of thousands, which is several times faster for tens of thousands of rows.
   */
  jsonArrayRows(json: string): RawBuilder<unknown>;
  /** A bound time in such a SELECT, typed for a timestamp column. */
  asTimestamp(value: string): RawBuilder<string>;
}

// Arbitrary, stable advisory-lock keys.
const LOCK_KEYS = { outbox: 7_277_001, audit: 7_277_002 } as const;

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  serialPrimaryKey: sql`integer primary key autoincrement`,
  timestamp: 'text',
  bigint: 'integer',
  lockLog: async () => {},
  isUniqueViolation: (error) =>
    error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT'),
  containsInsensitive: (column, needle) => sql<boolean>`instr(lower(${column}), lower(${needle})) > 0`,
  jsonArrayRows: (json) => sql`json_each(${json})`,
  asTimestamp: (value) => sql<string>`${value}`,
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  serialPrimaryKey: sql`bigserial primary key`,
  timestamp: 'timestamptz',
  bigint: 'bigint',
  lockLog: async (db, log) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEYS[log]})`.execute(db);
  },
  isUniqueViolation: (error) => error instanceof Error && 'code' in error && (error as { code: unknown }).code === '23505',
  // As `like`, lower-cased and escaped in SQL: the pattern is then a constant of each query, and a
  // trigram index on lower(text) (pg_trgm, migration 0011) serves it.
  containsInsensitive: (column, needle) =>
    sql<boolean>`lower(${column}) like ('%' || replace(replace(replace(lower(${needle}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%') escape '\\'`,
  jsonArrayRows: (json) => sql`jsonb_array_elements(${json}::jsonb) as value`,
  asTimestamp: (value) => sql<string>`${value}::timestamptz`,
};
