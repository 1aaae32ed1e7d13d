import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect.ts';
import type { Schema } from './schema.ts';
import { WalCheckpointer } from './wal-checkpointer.ts';

export type Db = Kysely<Schema>;

// PostgreSQL type oids (pg_type): 64-bit integers become numbers, timestamptz ISO strings.
const INT8 = 20;
const TIMESTAMPTZ = 1184;

/** A transaction with after-commit hooks (events are published only once their write is durable). */
export interface Tx {
  db: Transaction<Schema>;
  onCommit(hook: () => void): void;
  /**
   * On SQLite, a prepared statement (made once per text, cached) that runs in this transaction,
   * which holds the one connection; null on PostgreSQL. For hot paths only (the watch pipeline's
   * inserts, the outbox): building a multi-row insert with the query builder costs more per row
   * than SQLite's own work.
   */
  prepared(sqlText: string): BetterSqlite3.Statement | null;
}

/** The store: a Kysely instance plus the dialect seam and transactions with after-commit hooks. */
export class Database {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly db: Db,
    readonly dialect: Dialect,
    /** The SQLite connection under `db` (null on PostgreSQL), for `Tx.prepared`. */
    private readonly sqlite: BetterSqlite3.Database | null = null,
    /** For a SQLite file: checkpoints its WAL on a thread of its own under sustained writes. */
    private readonly checkpointer: WalCheckpointer | null = null,
    /** The SQLite file under `db`; null on PostgreSQL and for SQLite in memory. */
    readonly sqliteFile: string | null = null,
  ) {}

  /**
   * Attaches another SQLite file (created if missing) to the store's one connection under
   * `schema`, and runs `setup` (statements naming `schema.`) there: derived data that lives in a
   * file of its own but is read in the store's queries (watch/search/text-index.ts).
   */
  attachSqlite(path: string, schema: string, setup: string): void {
    if (this.sqlite === null || this.sqliteFile === null) throw new Error('only a SQLite file can attach another');
    if (!/^[a-z_]+$/u.test(schema)) throw new Error(`invalid schema name ${schema}`);
    this.sqlite.prepare(`attach database ? as ${schema}`).run(path);
    this.sqlite.exec(setup);
  }

  /** True while a SQLite file's WAL is checkpointed on a thread of its own (see WalCheckpointer). */
  get checkpointingInBackground(): boolean {
    return this.checkpointer?.running ?? false;
  }

  private prepared(sqlText: string): BetterSqlite3.Statement | null {
    if (this.sqlite === null) return null;
    // Only inside a transaction is the connection ours (others wait for Kysely's lock).
    if (!this.sqlite.inTransaction) throw new Error('prepared statements run only inside a transaction');
    let statement = this.statements.get(sqlText);
    if (statement === undefined) {
      statement = this.sqlite.prepare(sqlText);
      this.statements.set(sqlText, statement);
    }
    return statement;
  }

  /**
   * Runs `fn` in one transaction. Hooks registered with `tx.onCommit` run after a successful
   * commit, never after a rollback.
   */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const hooks: Array<() => void> = [];
    const result = await this.db.transaction().execute((trx) => fn({ db: trx, onCommit: (hook) => hooks.push(hook), prepared: (sqlText) => this.prepared(sqlText) }));
    this.checkpointer?.noteCommit();
    for (const hook of hooks) hook();
    return result;
  }

  async close(): Promise<void> {
    // Its connection first: the writer's close then checkpoints and removes the WAL as the last one.
    await this.checkpointer?.stop();
    await this.db.destroy();
  }
}

/**
 * Opens the configured store. SQLite files get WAL journaling so readers never block the writer.
 * `onBackgroundError` hears of pooled PostgreSQL connections that broke while idle, and of a
 * SQLite WAL checkpointer that stopped (the writer then checkpoints itself again).
 */
export function openDatabase(config: DatabaseConfig, onBackgroundError: (error: Error) => void = () => {}): Database {
  if (config.driver === 'sqlite') {
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new BetterSqlite3(config.path);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL in WAL mode is durable against a process crash (kill -9); only power loss can
    // lose the last transactions, which is the usual trade-off for an embedded store.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const checkpointer = config.path === ':memory:' ? null : new WalCheckpointer(sqlite, config.path, { onError: onBackgroundError });
    return new Database(new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }), sqliteDialect, sqlite, checkpointer, config.path === ':memory:' ? null : config.path);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return (value: string) => Number(value);
        if (oid === TIMESTAMPTZ) {
          const parseDate = pg.types.getTypeParser(oid, 'text') as (value: string) => Date;
          return (value: string) => parseDate(value).toISOString();
        }
        return pg.types.getTypeParser(oid, format ?? 'text') as unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection that the server closes (restart, failover, DROP DATABASE … FORCE)
  // surfaces as an 'error' event; unhandled it would crash the process. The pool replaces it.
  pool.on('error', onBackgroundError);
  return new Database(new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), postgresDialect);
}
