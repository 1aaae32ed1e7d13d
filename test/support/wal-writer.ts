/**
 * A child process for the WAL checkpointer's kill test: commits 100 rows at a time to the SQLite
 * file named on the command line, checkpointing on a worker thread, and writes the number of rows
 * committed after each commit (synchronously: the loop never yields) until it is killed.
 */
import { writeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { WalCheckpointer } from '#platform/db/wal-checkpointer.ts';

const path = process.argv[2]!;
const db = new BetterSqlite3(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('create table t (id integer primary key, body text not null)');
new WalCheckpointer(db, path, { intervalMs: 1 }).start();
const insert = db.prepare('insert into t (body) values (?)');
const batch = db.transaction(() => {
  for (let i = 0; i < 100; i++) insert.run('z'.repeat(1000));
});
for (let n = 100; ; n += 100) {
  batch();
  writeSync(1, `${n}\n`);
}
