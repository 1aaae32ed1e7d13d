import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#platform/db/database.ts';
import { WalCheckpointer } from '#platform/db/wal-checkpointer.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waakzaam-wal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(path: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table t (id integer primary key, body text not null)');
  return db;
}

/** About `mb` MB of rows in transactions of 100 rows. */
function write(db: BetterSqlite3.Database, mb: number, onCommit: () => void = () => {}): void {
  const insert = db.prepare('insert into t (body) values (?)');
  const batch = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run('x'.repeat(1000));
  });
  for (let done = 0; done < mb * 1000; done += 100) {
    batch(100);
    onCommit();
  }
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('WalCheckpointer', () => {
  it('copies the WAL into the database file from its own thread, below the point where the writer would', async () => {
    const path = join(dir, 'a.db');
    const db = open(path);
    const checkpointer = new WalCheckpointer(db, path, { intervalMs: 5 });
    checkpointer.start();
    expect(checkpointer.running).toBe(true);
    // 2 MB is below the writer's own threshold (default 1,000 pages, 16,384 while the worker runs).
    write(db, 2);
    await until(() => statSync(path).size > 2_000_000);
    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
    const again = new BetterSqlite3(path, { readonly: true });
    expect(again.prepare('select count(*) as n from t').get()).toEqual({ n: 2000 });
    again.close();
  });

  it('without it, the same writes stay in the WAL (the writer checkpoints only past 1,000 pages)', () => {
    const path = join(dir, 'b.db');
    const db = open(path);
    write(db, 2);
    expect(statSync(path).size).toBeLessThan(100_000);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(2_000_000);
    db.close();
  });

  it('starts only once the WAL has grown past its threshold', () => {
    const path = join(dir, 'c.db');
    const db = open(path);
    const checkpointer = new WalCheckpointer(db, path, { startBytes: 1_000_000 });
    write(db, 0.2, () => checkpointer.noteCommit());
    expect(checkpointer.running).toBe(false);
    write(db, 1.5, () => checkpointer.noteCommit());
    expect(checkpointer.running).toBe(true);
    return checkpointer.stop().then(() => db.close());
  });

  it('reports a worker that cannot run and leaves checkpoints to the writer', async () => {
    const path = join(dir, 'd.db');
    const db = open(path);
    const errors: Error[] = [];
    const checkpointer = new WalCheckpointer(db, join(dir, 'missing.db'), { onError: (error) => errors.push(error) });
    checkpointer.start();
    await until(() => errors.length > 0);
    expect(checkpointer.running).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // It does not try again.
    write(db, 0.1, () => checkpointer.noteCommit());
    expect(checkpointer.running).toBe(false);
    db.close();
  });

  it('runs under the store of the embedded mode and stops with it', async () => {
    const path = join(dir, 'e.db');
    const database = openDatabase({ driver: 'sqlite', path });
    await database.db.schema.createTable('t').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('body', 'text').execute();
    for (let i = 0; i < 200; i++) {
      await database.transaction(async (tx) => {
        const insert = tx.prepared('insert into t (body) values (?)')!;
        for (let row = 0; row < 40; row++) insert.run('y'.repeat(1000));
      });
    }
    // 8 MB written: the WAL passed 4 MB, so the checkpointer started; closing stops it and the
    // writer, the last connection, removes the WAL.
    expect(database.checkpointingInBackground).toBe(true);
    await database.close();
    expect(database.checkpointingInBackground).toBe(false);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = new BetterSqlite3(path, { readonly: true });
    expect(again.prepare('select count(*) as n from t').get()).toEqual({ n: 8000 });
    again.close();
  });
});

it('loses no committed write when the process is killed (kill -9) while it checkpoints', { timeout: 60_000 }, async () => {
  const path = join(dir, 'k.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/wal-writer.ts', path], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  let committed = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const numbers = chunk.trim().split('\n').map(Number).filter(Number.isFinite);
    if (numbers.length > 0) committed = Math.max(committed, numbers[numbers.length - 1]!);
  });
  await until(() => committed >= 20_000, 45_000);
  child.kill('SIGKILL');
  await new Promise((done) => child.once('exit', done));
  const db = new BetterSqlite3(path);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const { n } = db.prepare('select count(*) as n from t').get() as { n: number };
  expect(n).toBeGreaterThanOrEqual(committed);
  expect(n % 100).toBe(0);
  db.close();
});
