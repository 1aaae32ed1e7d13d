import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '#platform/db/database.ts';
import { migrateToLatest } from '#platform/db/migrate.ts';

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

/**
 * The storage floor of the durable watch pipeline: the same rows the pipeline writes on the
 * migrated schema (per post its row and its analysis; per batch one `posts.received` event and
 * `posts.analysed` events of 250 posts, both stored as ids as the bus stores them, decision
 * 0017), through prepared statements, `batch` posts per transaction, without any analysis,
 * query builder or bus. What end to end can at best reach on one SQLite connection; returns
 * posts per wall second and per CPU-second.
 */
export async function rawPipelineRows(dir: string, n: number, batch = 1000): Promise<{ postsPerSecond: number; postsPerCpuSecond: number }> {
  const path = join(dir, `raw-pipeline-${n}-${batch}.db`);
  const database = openDatabase({ driver: 'sqlite', path });
  await migrateToLatest(database);
  await database.db.insertInto('organisations').values({ id: 'org', name: 'Bench', kind: 'police', created_at: new Date().toISOString() }).execute();
  await database.close();
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const insertPost = db.prepare(
    'insert into posts (id, organisation_id, source, source_id, url, author_pseudonym, text, language, created_at, received_at, lat, lon, location_precision, place_name, hashtags, mentions, media, reply_to, repost_of, quote_of) ' +
      "values (?, 'org', 'replay', ?, null, ?, ?, 'nl', ?, ?, null, null, null, null, ?, '[]', '[]', null, null, null) on conflict (organisation_id, source, source_id) do nothing",
  );
  const insertEvent = db.prepare("insert into outbox (id, type, organisation_id, occurred_at, payload, published_at) values (?, ?, 'org', ?, ?, null)");
  const readEvents = db.prepare('select seq, id, type, organisation_id, occurred_at, published_at from outbox where seq > ? and type = ? order by seq limit ?');
  const insertAnalysis = db.prepare(
    'insert into post_analysis (post_id, organisation_id, language, relevant, relevance, category, priority, confidence, explanation, places, lat, lon, location_precision, place_name, near_duplicate_of, feedback_label, feedback_priority, feedback_at, analysed_at) ' +
      "values (?, 'org', 'nl', 1, 0.8, 'crowd', 'high', 0.7, ?, '[]', null, null, null, null, null, null, null, null, ?) on conflict (post_id) do nothing",
  );
  const explanation = JSON.stringify(['w:druk', 'w:politie', 'w:neude', 'bg:kapot druk', 'w:festival', 'w:utrecht', 'p:neude', 'lang:nl'].map((feature, i) => ({ feature, weight: 0.9 - i / 10 })));
  const id = (i: number, kind: number) => `0193a${kind}${i.toString(16).padStart(7, '0')}-7000-8000-${String(i).padStart(12, '0')}`;
  let seq = 0;
  const ingest = db.transaction((from: number, to: number) => {
    const now = new Date().toISOString();
    const ids: string[] = [];
    for (let i = from; i < to; i++) {
      const postId = id(i, 0);
      insertPost.run(postId, `b${i}`, 'a'.repeat(32), `Het is echt kapot druk bij de Neude ${i}, politie aanwezig #utrecht #festival`, now, now, JSON.stringify(['utrecht', 'festival']));
      ids.push(postId);
    }
    insertEvent.run(id(from, 1), 'posts.received', now, JSON.stringify({ postIds: ids }));
    return ids;
  });
  const analyse = db.transaction((postIds: string[]) => {
    const now = new Date().toISOString();
    for (let i = 0; i < postIds.length; i += 250) {
      const chunk = postIds.slice(i, i + 250);
      for (const postId of chunk) insertAnalysis.run(postId, explanation, now);
      insertEvent.run(`${chunk[0]!}a`, 'posts.analysed', now, JSON.stringify({ postIds: chunk }));
    }
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let from = 0; from < n; from += batch) {
    const ids = ingest(from, Math.min(n, from + batch));
    const events = readEvents.all(seq, 'posts.received', 1) as { seq: number }[];
    seq = events[0]!.seq;
    for (let i = 0; i < ids.length; i += 500) analyse(ids.slice(i, i + 500));
  }
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  db.close();
  return { postsPerSecond: n / (wall / 1000), postsPerCpuSecond: n / ((used.user + used.system) / 1e6) };
}
