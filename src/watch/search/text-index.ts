import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import type { Post } from '../post.ts';
import { searchWords } from '../post-store.ts';

/** The bus consumer that feeds the index; its offset tells which posts may not be indexed yet. */
export const TEXT_INDEX_CONSUMER = 'watch.text-index';
/** The schema name under which the index file is attached to the store's connection. */
const SCHEMA = 'text_index';
/** Posts per transaction of the backfill (and per `posts.received` delivery: 16 events). */
const BACKFILL_PAGE = 2000;

/**
 * The dashboard's search (every word of it in the post's text, case-insensitive), fast at any
 * number of posts (docs/decisions/0022-text-search.md).
 *
 * - PostgreSQL: a trigram GIN index on `lower(text)` (pg_trgm, migration 0011) serves the
 *   `like '%…%'` the condition is written as; nothing runs here.
 * - SQLite file with the memory bus: a trigram FTS5 index in a file of its own next to the store
 *   (`<store>.text-index`), written by a worker thread with its own connection, so that neither
 *   the store's one writer nor the pipeline's thread spends time on it. It is fed by a bus
 *   consumer and lags a little under a burst; a search reads it for the posts it has and scans
 *   only the posts whose `posts.received` events the consumer has not passed yet, so results are
 *   always complete. The FTS table is contentless (no copy of the text) and its matches are
 *   candidates: every match is checked against the post's own text.
 * - Otherwise (SQLite in memory, or with NATS, or WAAKZAAM_TEXT_INDEX=false) the condition scans.
 */
export class TextIndex {
  private worker: Worker | null = null;
  private requests = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextRequest = 1;
  /** True once every post stored before the index existed is in it (a backfill after an upgrade). */
  private complete = false;
  private closed = false;
  private attached = false;
  /** Deaths of the thread since its last reply. */
  private deaths = 0;
  private backfilling: Promise<void> = Promise.resolve();

  private constructor(
    private readonly database: Database,
    private readonly log: Logger,
    /** The index file (SQLite with the memory bus), or null. */
    private readonly path: string | null,
  ) {}

  /**
   * The text index for this store: a file and thread of its own when `threaded` (a SQLite file
   * with the memory bus and WAAKZAAM_TEXT_INDEX on), else none; `open` before use.
   */
  static for(database: Database, threaded: boolean, log: Logger): TextIndex {
    const file = database.sqliteFile;
    return new TextIndex(database, log, threaded && file !== null ? `${file}.text-index` : null);
  }

  /** True when searches read the thread's index (a SQLite file with the memory bus, backfilled). */
  get indexed(): boolean {
    return this.path !== null && this.complete && this.worker !== null;
  }

  /**
   * Attaches the index file and starts its thread; on a first start with posts already stored,
   * the thread backfills them (searches scan until it is done). A failure is logged and searches
   * scan: the index is derived data.
   */
  async open(): Promise<void> {
    if (this.path === null || this.worker !== null || this.closed) return;
    try {
      if (!this.attached) this.database.attachSqlite(this.path, SCHEMA, INDEX_SCHEMA);
      this.attached = true;
      const state = await sql<{ value: string }>`select value from ${sql.raw(SCHEMA)}.state where key = 'complete'`.execute(this.database.db);
      this.complete = state.rows.length > 0;
      this.startWorker(this.path);
      if (!this.complete) this.backfilling = this.backfill();
    } catch (error) {
      this.log.error({ err: error }, 'text index could not open; searches scan the posts');
      await this.stopWorker();
    }
  }

  /** Resolves once a backfill started by `open` has ended (the index is then complete, unless it failed). */
  ready(): Promise<void> {
    return this.backfilling;
  }

  /**
   * Registers the consumer that feeds the index (only where there is one). Its offset is what
   * tells a search which posts are not indexed yet, and the outbox keeps every event a consumer
   * has not passed (purgeOutbox), so those posts can always be read back.
   */
  register(bus: EventBus): void {
    if (this.path === null) return;
    bus.subscribe(TEXT_INDEX_CONSUMER, ['posts.received'], (events) => this.add(events.flatMap((e) => e.payload.posts)), { batchSize: 16 });
  }

  /** Indexes posts (idempotent: a post already in the index is skipped). Resolves once committed. */
  add(posts: readonly Pick<Post, 'id' | 'organisationId' | 'text'>[]): Promise<void> {
    if (posts.length === 0) return Promise.resolve();
    const ids = new Array<string>(posts.length);
    const organisations = new Array<string>(posts.length);
    const texts = new Array<string>(posts.length);
    for (let i = 0; i < posts.length; i++) {
      ids[i] = posts[i]!.id;
      organisations[i] = posts[i]!.organisationId;
      texts[i] = posts[i]!.text;
    }
    return this.request({ type: 'add', ids, organisations, texts });
  }

  /**
   * Removes an organisation's posts from the index inside the transaction that deletes them
   * (a replay reset), so that no trace of their text stays behind.
   */
  async removeOrganisation(tx: Tx, organisationId: string): Promise<void> {
    if (!this.attached) return;
    await sql`delete from ${sql.raw(SCHEMA)}.post_text where rowid in (select rowid from ${sql.raw(SCHEMA)}.docs where organisation_id = ${organisationId})`.execute(tx.db);
    await sql`delete from ${sql.raw(SCHEMA)}.docs where organisation_id = ${organisationId}`.execute(tx.db);
  }

  /**
   * The condition "every word of `search` occurs in the post's text" (case-insensitive; see
   * `searchWords`) for a query on `posts` of one organisation that wants `limit` rows, newest first.
   *
   * Where the thread's index is complete, the query is driven by the index's candidates (and the
   * posts not indexed yet), each checked exactly. Unless the needle is common: a scan newest
   * first stops after `limit` matches, and for a word in every tenth post that is a few hundred
   * rows, where the candidates would be tens of thousands. So the candidates are counted first
   * (as far as the decision needs: well under a millisecond) and the cheaper way is taken: the
   * index when there are fewer candidates than the rows the scan would read to fill the page,
   * about `limit × posts ÷ candidates`, i.e. fewer than √(limit × posts).
   */
  async contains(search: string, organisationId: string, limit: number): Promise<RawBuilder<SqlBool>> {
    const words = searchWords(search);
    const exact = sql.join(
      words.map((word) => this.database.dialect.containsInsensitive(sql.ref('posts.text'), word)),
      sql` and `,
    );
    const query = trigramQuery(words);
    // On PostgreSQL the exact condition is itself served by an index (the dialect's).
    if (!this.indexed || query === null) return sql<SqlBool>`(${exact})`;
    const s = sql.raw(SCHEMA);
    const docs = await sql<{ n: number | null }>`select max(rowid) as n from ${s}.docs`.execute(this.database.db);
    // Counted only as far as the decision needs: a common needle's lists are not read to the end.
    const threshold = Math.ceil(Math.sqrt(limit * Number(docs.rows[0]?.n ?? 0)));
    const counted = await sql<{ n: number }>`select count(*) as n from (select 1 from ${s}.post_text where post_text match ${query} limit ${threshold})`.execute(this.database.db);
    if (counted.rows[0]!.n >= threshold) return sql<SqlBool>`(${exact})`;
    const id = sql.ref('posts.id');
    return sql<SqlBool>`(${id} in (select d.post_id from ${s}.post_text t join ${s}.docs d on d.rowid = t.rowid where t.post_text match ${query} and d.organisation_id = ${organisationId}
      union all select j.value from outbox o, json_each(o.payload, '$.postIds') j where o.type = 'posts.received' and o.organisation_id = ${organisationId}
        and o.seq > coalesce((select last_seq from bus_offsets where consumer = ${TEXT_INDEX_CONSUMER}), 0))
      and ${exact})`;
  }

  /** Stops the thread (what it has committed stays). */
  async close(): Promise<void> {
    this.closed = true;
    await this.stopWorker();
  }

  /** Indexes the posts stored before the index existed, page by page, then marks it complete. */
  private async backfill(): Promise<void> {
    try {
      let after = '';
      for (;;) {
        if (this.closed) return;
        const page = await this.database.db.selectFrom('posts').select(['id', 'organisation_id', 'text']).where('id', '>', after).orderBy('id').limit(BACKFILL_PAGE).execute();
        if (page.length === 0) break;
        await this.add(page.map((p) => ({ id: p.id, organisationId: p.organisation_id, text: p.text })));
        after = page[page.length - 1]!.id;
      }
      // Posts stored meanwhile came through the consumer: their events were still ahead of its offset.
      await this.request({ type: 'complete' });
      this.complete = true;
      this.log.info('text index complete');
    } catch (error) {
      if (!this.closed) this.log.error({ err: error }, 'text index backfill failed; searches scan the posts');
    }
  }

  private request(message: Record<string, unknown>): Promise<void> {
    const worker = this.restarted();
    if (worker === null) return Promise.reject(new Error('text index is not running'));
    const id = this.nextRequest++;
    return new Promise<void>((resolve, reject) => {
      this.requests.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  /**
   * The thread, started again if it died (not if it was closed): at the next request, as the
   * analysis thread is. After MAX_DEATHS deaths in a row without a reply in between, it stays
   * stopped and searches scan.
   */
  private restarted(): Worker | null {
    if (this.worker === null && !this.closed && this.attached && this.path !== null && this.deaths > 0 && this.deaths < MAX_DEATHS) this.startWorker(this.path);
    return this.worker;
  }

  private startWorker(path: string): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { module: requireFromHere.resolve('better-sqlite3'), path } });
    worker.unref();
    worker.on('message', (reply: { id: number; error?: string }) => {
      this.deaths = 0;
      const request = this.requests.get(reply.id);
      if (request === undefined) return;
      this.requests.delete(reply.id);
      if (reply.error === undefined) request.resolve();
      else request.reject(new Error(`text index: ${reply.error}`));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.deaths += 1;
      this.log.error({ err: error, deaths: this.deaths }, this.deaths < MAX_DEATHS ? 'text index thread stopped; searches scan the posts until it is restarted' : 'text index thread stopped again; searches scan the posts');
      for (const request of this.requests.values()) request.reject(error);
      this.requests.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('text index thread exited')));
    this.worker = worker;
  }

  /** Asks the thread to close its connection and end; ends it outright if it has not within a few seconds. */
  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return;
    this.worker = null;
    for (const request of this.requests.values()) request.reject(new Error('text index closed'));
    this.requests.clear();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ type: 'close' });
    const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}

/** Deaths of the thread in a row after which it is no longer restarted. */
const MAX_DEATHS = 3;

/** How long a closing thread may take to finish its transaction and close its connection. */
const CLOSE_TIMEOUT_MS = 5000;

/**
 * The FTS5 query that the trigram index answers for a search's words: every trigram of every word,
 * all required (`"bra" AND "ran" AND "and"`), or null when no word has three characters. A
 * contentless table without positions can answer this but not a phrase or a LIKE; every text that
 * contains the words has all their trigrams (punctuation is a character like any other), and the
 * exact check does the rest.
 */
export function trigramQuery(words: readonly string[]): string | null {
  const trigrams = new Set<string>();
  for (const word of words) {
    const chars = [...word];
    for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''));
  }
  if (trigrams.size === 0) return null;
  return [...trigrams].map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}

const requireFromHere = createRequire(import.meta.url);

/**
 * The index file's tables. `docs` gives each indexed post a rowid (the FTS table's key); the FTS
 * table is contentless with no positions (`detail=none`): trigram sets per post, no copy of the
 * text, and rows deletable (`contentless_delete`).
 */
const INDEX_SCHEMA = `
pragma ${SCHEMA}.journal_mode = wal;
create table if not exists ${SCHEMA}.docs (rowid integer primary key, post_id text not null unique, organisation_id text not null);
create virtual table if not exists ${SCHEMA}.post_text using fts5(text, tokenize = 'trigram', detail = none, content = '', contentless_delete = 1);
create table if not exists ${SCHEMA}.state (key text primary key, value text not null);
`;

/**
 * The worker, as CommonJS evaluated in the thread (no TypeScript loader needed there): one
 * transaction per message, a reply per message (with the error, if any).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
const doc = db.prepare('insert or ignore into docs (post_id, organisation_id) values (?, ?)');
const text = db.prepare('insert into post_text (rowid, text) values (?, ?)');
const complete = db.prepare("insert or replace into state (key, value) values ('complete', ?)");
const add = db.transaction((ids, organisations, texts) => {
  for (let i = 0; i < ids.length; i++) {
    const inserted = doc.run(ids[i], organisations[i]);
    if (inserted.changes > 0) text.run(inserted.lastInsertRowid, texts[i]);
  }
});
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    if (message.type === 'add') add(message.ids, message.organisations, message.texts);
    else if (message.type === 'complete') complete.run(new Date().toISOString());
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;
