import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The ceiling for any SQLite-backed ingest: `n` comparable rows inserted with a prepared
 * statement, `batch` per transaction, in WAL mode with synchronous=NORMAL (as the product runs).
 */
export function rawSqliteInserts(dir: string, n: number, batch = 500): number {
  const db = new BetterSqlite3(join(dir, `raw-${n}-${batch}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table posts (id text primary key, source text, source_id text, author text, text text, created_at text, unique(source, source_id))');
  const insert = db.prepare('insert into posts values (?, ?, ?, ?, ?, ?)');
  const write = db.transaction((from: number) => {
    for (let i = from; i < Math.min(n, from + batch); i++) insert.run(`id${i}`, 'mastodon', `b${i}`, 'a'.repeat(32), `Het is echt kapot druk ${i}`, new Date().toISOString());
  });
  const started = performance.now();
  for (let i = 0; i < n; i += batch) write(i);
  const rate = n / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}
