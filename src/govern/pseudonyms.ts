import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';

const SECRET_NAME = 'pseudonym_key';

/**
 * Author pseudonyms (SPEC G1): a keyed hash (HMAC-SHA-256) of source and handle. The same author
 * gets the same pseudonym on every post, so patterns stay visible, but without the key nobody can
 * test a guessed handle against stored pseudonyms (which a plain hash would allow).
 */
export class Pseudonymiser {
  /**
   * Recent results per source, keyed on the handle exactly as given (one table for bare handles,
   * one for handles as written, '@' and all): a few thousand active authors write most posts, and
   * HMAC is the costly part. No case-folding and no joined key, so a hit builds no string.
   */
  private readonly bare = new Map<string, Map<string, string>>();
  private readonly written = new Map<string, Map<string, string>>();
  private cached = 0;

  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('pseudonym key must have at least 32 bytes');
  }

  /** 128 bits, hex; the handle is case-folded because handles are case-insensitive on every source. */
  pseudonymise(source: string, handle: string): string {
    const cache = this.cacheOf(this.bare, source);
    return cache.get(handle) ?? this.remember(cache, handle, this.compute(source, handle));
  }

  /** As `pseudonymise`, for a handle as posts write it: with or without one leading '@'. */
  pseudonymiseHandle(source: string, handle: string): string {
    const cache = this.cacheOf(this.written, source);
    return cache.get(handle) ?? this.remember(cache, handle, this.compute(source, handle.charCodeAt(0) === 0x40 ? handle.slice(1) : handle));
  }

  private compute(source: string, handle: string): string {
    return createHmac('sha256', this.key).update(`${source}\u0000${handle.trim().toLowerCase()}`).digest('hex').slice(0, 32);
  }

  private cacheOf(caches: Map<string, Map<string, string>>, source: string): Map<string, string> {
    let cache = caches.get(source);
    if (cache === undefined) {
      cache = new Map();
      caches.set(source, cache);
    }
    return cache;
  }

  private remember(cache: Map<string, string>, handle: string, pseudonym: string): string {
    if (this.cached >= CACHE_SIZE) {
      // Forgetting everything at once keeps the bound without per-entry bookkeeping.
      for (const c of this.bare.values()) c.clear();
      for (const c of this.written.values()) c.clear();
      this.cached = 0;
    }
    cache.set(handle, pseudonym);
    this.cached += 1;
    return pseudonym;
  }
}

const CACHE_SIZE = 50_000;

/**
 * The configured key, or else the key kept in the database (made once, at first start), so that
 * pseudonyms stay stable across restarts of an embedded installation.
 */
export async function loadPseudonymKey(database: Database, configured: string | undefined): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  await database.db
    .insertInto('secrets')
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await database.db.selectFrom('secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
