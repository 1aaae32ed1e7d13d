import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';

const SECRET_NAME = 'send_subscription_key';

/**
 * The tokens in citizens' links. Both are keyed hashes of the subscription id, so they are
 * unguessable without the key yet never need to be stored: the unsubscribe token is recomputed
 * for every delivery's link and checked in constant time; of the confirmation token only its
 * SHA-256 is stored, to find the subscription it confirms.
 */
export class SubscriptionTokens {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('subscription key must have at least 32 bytes');
  }

  unsubscribeToken(subscriptionId: string): string {
    return createHmac('sha256', this.key).update(`unsubscribe\u0000${subscriptionId}`).digest('base64url');
  }

  confirmToken(subscriptionId: string): string {
    return createHmac('sha256', this.key).update(`confirm\u0000${subscriptionId}`).digest('base64url');
  }

  verifyUnsubscribe(subscriptionId: string, token: string): boolean {
    const expected = Buffer.from(this.unsubscribeToken(subscriptionId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** SHA-256 (hex) of a token, the form in which a confirmation token is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The key kept in the database, made at first start (like the pseudonym key). */
export async function loadSubscriptionKey(database: Database): Promise<Buffer> {
  await database.db
    .insertInto('secrets')
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await database.db.selectFrom('secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
