import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';

const SECRET_NAME = 'pseudonym_key';

/**
 * Author pseudonyms (SPEC G1): a keyed hash (HMAC-SHA-256) of source and handle. The same author
 * gets the same pseudonym on every post, so patterns stay visible, but without the key nobody can
 * test a guessed handle against stored pseudonyms (which a plain hash would allow).
 */
export class Pseudonymiser {
  /** Recent results: a few thousand active authors write most posts, and HMAC is the costly part. */
  private readonly cache = new Map<string, string>();

  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('pseudonym key must have at least 32 bytes');
  }

  /** 128 bits, hex; the handle is case-folded because handles are case-insensitive on every source. */
  pseudonymise(source: string, handle: string): string {
    const input = `${source}\u0000${handle.trim().toLowerCase()}`;
    let pseudonym = this.cache.get(input);
    if (pseudonym === undefined) {
      pseudonym = createHmac('sha256', this.key).update(input).digest('hex').slice(0, 32);
      if (this.cache.size >= CACHE_SIZE) this.cache.clear();
      this.cache.set(input, pseudonym);
    }
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
