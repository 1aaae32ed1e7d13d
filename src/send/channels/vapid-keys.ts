import webpush from 'web-push';
import type { Database } from '#platform/db/database.ts';

const SECRET_NAME = 'vapid_keys';

/** The application server's VAPID identity (RFC 8292): the key pair and a contact. */
export interface VapidKeys {
  /** Base64url uncompressed P-256 point: the `applicationServerKey` the citizen app subscribes with. */
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:` contact for push services. */
  subject: string;
}

/**
 * The configured VAPID keys, or else a pair kept in the database (made once, at first start), in
 * the same `secrets` table and the same way as the pseudonym key: browsers bind a subscription to
 * the public key, so a new pair at every restart would silently break every subscription.
 */
export async function loadVapidKeys(database: Database, configured: { publicKey: string | undefined; privateKey: string | undefined; subject: string | undefined }, fallbackSubject = 'mailto:noreply@localhost'): Promise<VapidKeys> {
  const subject = configured.subject ?? fallbackSubject;
  if (configured.publicKey && configured.privateKey) return { publicKey: configured.publicKey, privateKey: configured.privateKey, subject };
  if (configured.publicKey || configured.privateKey) throw new Error('set both WAAKZAAM_VAPID_PUBLIC_KEY and WAAKZAAM_VAPID_PRIVATE_KEY, or neither');
  const generated = webpush.generateVAPIDKeys();
  await database.db
    .insertInto('secrets')
    .values({ name: SECRET_NAME, value: JSON.stringify(generated) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await database.db.selectFrom('secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  const stored = JSON.parse(row.value) as { publicKey: string; privateKey: string };
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject };
}
