/**
 * Where durable end-to-end watch throughput on SQLite tops out, per data model (decision 0019):
 * the rows the pipeline writes per post (the post, its analysis) and per 1,000 posts (one
 * `posts.received` and four `posts.analysed` events, as ids), prepared statements, 1,000 posts
 * per transaction, WAL with synchronous=NORMAL, no analysis, no query builder, no bus. Peer in
 * the same run: raw SQLite inserts of a small row. Figures are posts/s wall and per CPU-second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { rawSqliteInserts } from './peers.ts';

const POSTS = 120_000;
const BATCH = 1000;
const ORG = '0193a000-0000-7000-8000-000000000001';
const POST_COLUMNS =
  'id text primary key, organisation_id text not null, source text not null, source_id text not null, url text, author_pseudonym text not null, text text not null, language text, ' +
  'created_at text not null, received_at text not null, lat real, lon real, location_precision text, place_name text, hashtags text not null, mentions text not null, media text not null, ' +
  'reply_to text, repost_of text, quote_of text';
const ANALYSIS_COLUMNS =
  'language text, relevant integer, relevance real, category text, priority text, confidence real, explanation text, places text, lat real, lon real, location_precision text, ' +
  'place_name text, near_duplicate_of text, feedback_label text, feedback_priority text, feedback_at text, analysed_at text';
/** The analysis columns in the post's own row, prefixed where they would clash. */
const MERGED_COLUMNS = ANALYSIS_COLUMNS.replace('language', 'a_language').replace('lat real, lon real, location_precision text, place_name text', 'a_lat real, a_lon real, a_location_precision text, a_place_name text');
const INSERT_POST = "insert into posts (id, organisation_id, source, source_id, author_pseudonym, text, language, created_at, received_at, hashtags, mentions, media) values (?, ?, 'replay', ?, ?, ?, 'nl', ?, ?, ?, '[]', '[]')";
const EXPLANATION = JSON.stringify(['w:druk', 'w:politie', 'w:neude', 'bg:kapot druk', 'w:festival', 'w:utrecht', 'p:neude', 'lang:nl'].map((feature, i) => ({ feature, weight: 0.9 - i / 10 })));

type Model = 'two tables' | 'analysis in the post row' | 'analysis by update of the post row';
const MODELS: Model[] = ['two tables', 'analysis in the post row', 'analysis by update of the post row'];

const postId = (i: number, kind: number) => `0193a${kind}${i.toString(16).padStart(7, '0')}-7000-8000-${String(i).padStart(12, '0')}`;

function schema(db: BetterSqlite3.Database, model: Model): void {
  db.exec('create table outbox (seq integer primary key autoincrement, id text not null unique, type text not null, organisation_id text, occurred_at text not null, payload text not null, published_at text)');
  if (model === 'two tables') {
    db.exec(`create table posts (${POST_COLUMNS}, unique (organisation_id, source, source_id))`);
    db.exec(`create table post_analysis (post_id text primary key references posts(id) on delete cascade, organisation_id text not null, ${ANALYSIS_COLUMNS})`);
    db.exec('create index pa_category on post_analysis (organisation_id, category, post_id); create index pa_priority on post_analysis (organisation_id, priority, post_id)');
  } else {
    db.exec(`create table posts (${POST_COLUMNS}, ${MERGED_COLUMNS}, unique (organisation_id, source, source_id))`);
    const partial = model === 'analysis in the post row' ? '' : ' where analysed_at is not null';
    db.exec(`create index p_category on posts (organisation_id, category, id)${partial}; create index p_priority on posts (organisation_id, priority, id)${partial}`);
  }
  db.exec('create index posts_organisation on posts (organisation_id, id)');
}

/** One model's floor: posts/s wall and per CPU-second. */
function floor(dir: string, model: Model): { wall: number; cpu: number } {
  const path = join(dir, `${model.replaceAll(' ', '-')}.db`);
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  schema(db, model);
  const insertPost = db.prepare(INSERT_POST);
  const insertEvent = db.prepare("insert into outbox (id, type, organisation_id, occurred_at, payload) values (?, ?, 'org', ?, ?)");
  // Each statement only where its model has the columns.
  const insertAnalysis = model === 'two tables' ? db.prepare(`insert into post_analysis (post_id, organisation_id, language, relevant, relevance, category, priority, confidence, explanation, places, analysed_at) values (?, '${ORG}', 'nl', 1, 0.8, 'crowd_safety', 'high', 0.7, ?, '[]', ?) on conflict (post_id) do nothing`) : null;
  const insertMerged =
    model === 'analysis in the post row'
      ? db.prepare(INSERT_POST.replace('media) values (', 'media, a_language, relevant, relevance, category, priority, confidence, explanation, places, analysed_at) values (').replace("'[]', '[]')", "'[]', '[]', 'nl', 1, 0.8, 'crowd_safety', 'high', 0.7, ?, '[]', ?)"))
      : null;
  const update =
    model === 'analysis by update of the post row'
      ? db.prepare("update posts set a_language = 'nl', relevant = 1, relevance = 0.8, category = 'crowd_safety', priority = 'high', confidence = 0.7, explanation = ?, places = '[]', analysed_at = ? where id = ? and analysed_at is null")
      : null;
  const announce = (ids: string[], now: string) => {
    for (let i = 0; i < ids.length; i += 250) insertEvent.run(`${ids[i]!}a`, 'posts.analysed', now, JSON.stringify({ postIds: ids.slice(i, i + 250) }));
  };
  const ingest = db.transaction((from: number, to: number) => {
    const now = new Date().toISOString();
    const ids: string[] = [];
    for (let i = from; i < to; i++) {
      const id = postId(i, 0);
      const values = [id, ORG, `b${i}`, 'a'.repeat(32), `Het is echt kapot druk bij de Neude ${i}, politie aanwezig #utrecht #festival`, now, now, '["utrecht","festival"]'];
      if (insertMerged) insertMerged.run(...values, EXPLANATION, now);
      else insertPost.run(...values);
      ids.push(id);
    }
    insertEvent.run(postId(from, 1), 'posts.received', now, JSON.stringify({ postIds: ids }));
    if (insertMerged) announce(ids, now);
    return ids;
  });
  const analyse = db.transaction((ids: string[]) => {
    const now = new Date().toISOString();
    for (const id of ids) {
      if (insertAnalysis) insertAnalysis.run(id, EXPLANATION, now);
      else update!.run(EXPLANATION, now, id);
    }
    announce(ids, now);
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let from = 0; from < POSTS; from += BATCH) {
    const ids = ingest(from, Math.min(POSTS, from + BATCH));
    if (!insertMerged) for (let i = 0; i < ids.length; i += 500) analyse(ids.slice(i, i + 500));
  }
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  db.close();
  return { wall: POSTS / (wall / 1000), cpu: POSTS / ((used.user + used.system) / 1e6) };
}

export async function storageModelsBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-storage-'));
  try {
    const raw = rawSqliteInserts(dir, POSTS, BATCH);
    const result: Record<string, unknown> = { rawSqliteRowsPerSecond: Math.round(raw) };
    for (const model of MODELS) {
      const { wall, cpu } = floor(dir, model);
      process.stdout.write(`${model}: ${Math.round(wall)} posts/s, ${Math.round(cpu)} per CPU-second (raw SQLite inserts ${Math.round(raw)} rows/s, ratio ${(wall / raw).toFixed(2)})\n`);
      result[model] = { postsPerSecond: Math.round(wall), postsPerCpuSecond: Math.round(cpu) };
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
