import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable secret (session or API token), URL-safe, with a recognisable prefix. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Only this hash is stored; a stolen database yields no usable session or token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
