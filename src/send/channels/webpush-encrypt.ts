import { createCipheriv, createECDH, createHmac, randomBytes, type ECDH } from 'node:crypto';

/**
 * RFC 8291 message encryption for Web Push with RFC 8188's aes128gcm content coding, in one
 * record. Written here rather than through web-push's encrypt (which it matches byte for byte on
 * the RFC's test vector) so that the per-subscription parts — the decoded keys and the start of
 * the key info — are prepared once per subscription instead of once per message; the per-message
 * work is what the RFC requires: a fresh ECDH key pair and salt, one ECDH, HKDF and AES-GCM.
 */
export interface PreparedPushKeys {
  /** The user agent's public key (65-byte uncompressed point). */
  uaPublic: Buffer;
  /** The 16-byte auth secret. */
  auth: Buffer;
  /** `"WebPush: info\0" ‖ ua_public`, the fixed start of the key info. */
  keyInfoStart: Buffer;
}

const RECORD_SIZE = 4096;
const CEK_INFO = Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1');
const NONCE_INFO = Buffer.from('Content-Encoding: nonce\0\x01', 'latin1');
const ONE = Buffer.from([1]);
const DELIMITER = Buffer.from([2]);

/** Decodes and checks a subscription's keys; throws when they cannot be used. */
export function preparePushKeys(p256dh: string, auth: string): PreparedPushKeys {
  const uaPublic = Buffer.from(p256dh, 'base64url');
  const secret = Buffer.from(auth, 'base64url');
  if (uaPublic.length !== 65 || uaPublic[0] !== 0x04) throw new Error('p256dh is not an uncompressed P-256 point');
  if (secret.length !== 16) throw new Error('auth is not 16 bytes');
  return { uaPublic, auth: secret, keyInfoStart: Buffer.concat([Buffer.from('WebPush: info\0', 'latin1'), uaPublic]) };
}

function hmac(key: Buffer, ...data: Buffer[]): Buffer {
  const h = createHmac('sha256', key);
  for (const d of data) h.update(d);
  return h.digest();
}

/**
 * The encrypted body: salt(16) ‖ rs(4) ‖ idlen(1) = 65 ‖ the sender's ephemeral public key ‖
 * ciphertext with the 0x02 last-record delimiter. `testing` fixes the salt and key pair (the RFC's
 * Appendix A vector); never in production.
 */
export function encryptPushPayload(plaintext: Buffer, keys: PreparedPushKeys, testing?: { salt: Buffer; sender: ECDH }): Buffer {
  if (plaintext.length > RECORD_SIZE - 86 - 16 - 1) throw new Error('payload larger than one record');
  const sender = testing?.sender ?? createECDH('prime256v1');
  const asPublic = testing ? sender.getPublicKey() : sender.generateKeys();
  const salt = testing?.salt ?? randomBytes(16);
  const ecdhSecret = sender.computeSecret(keys.uaPublic);
  const ikm = hmac(hmac(keys.auth, ecdhSecret), keys.keyInfoStart, asPublic, ONE);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, CEK_INFO).subarray(0, 16);
  const nonce = hmac(prk, NONCE_INFO).subarray(0, 12);
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  const header = Buffer.allocUnsafe(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header[20] = 65;
  return Buffer.concat([header, asPublic, cipher.update(plaintext), cipher.update(DELIMITER), cipher.final(), cipher.getAuthTag()]);
}
