import { createDecipheriv, createECDH, createHmac, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify, type JWTPayload } from 'jose';

/**
 * A local push service (RFC 8030) for the Web Push channel: it hands out subscriptions with real
 * P-256 key pairs and auth secrets, and on `POST /push/:id` checks what a real one checks — TTL
 * header, `Content-Encoding: aes128gcm`, Urgency, the VAPID `Authorization: vapid t=<JWT>, k=<key>`
 * (ES256 signature with that key, `aud` = this origin, `exp` at most 24 h ahead, `sub` mailto: or
 * https:) — and decrypts the RFC 8291 body with the subscription's private key, so tests see the
 * plaintext a browser would. Bench mode skips the signature check and the decryption but still
 * parses the request. `gone` endpoints answer 410.
 */
export interface FakeSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  /** Decrypted payload (empty in bench mode). */
  payload: string;
  ttl: number;
  urgency: string;
  topic: string | null;
  claims: JWTPayload | null;
}

export interface FakePushService {
  url: string;
  subscribe(): FakeSubscription;
  received: ReceivedPush[];
  /** Requests refused, with the reason (bad VAPID, undecryptable body, …). */
  refused: Array<{ status: number; reason: string }>;
  /** Subscription ids answered with 410 Gone. */
  gone: Set<string>;
  /** Raw answers for the next pushes, before any check. */
  answers: Array<{ status: number; headers?: Record<string, string> }>;
  /** Count of accepted pushes (also in bench mode, where `received` stays empty). */
  accepted(): number;
  close(): Promise<void>;
}

interface Keys {
  ecdh: ECDH;
  publicKey: Buffer;
  auth: Buffer;
}

export async function startFakePushService(options: { bench?: boolean } = {}): Promise<FakePushService> {
  const keys = new Map<string, Keys>();
  const received: ReceivedPush[] = [];
  const refused: FakePushService['refused'] = [];
  const gone = new Set<string>();
  const answers: FakePushService['answers'] = [];
  const vapidKeys = new Map<string, Awaited<ReturnType<typeof importJWK>>>();
  let accepted = 0;
  let origin = '';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: Error) => refuse(res, 500, error.message));
    });
  });
  server.keepAliveTimeout = 30_000;

  function refuse(res: ServerResponse, status: number, reason: string): void {
    refused.push({ status, reason });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: status, errno: 109, error: 'Bad Request', message: reason }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const match = /^\/push\/([0-9a-f-]{36})$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return refuse(res, 404, 'no such endpoint');
    const id = match[1]!;
    const answer = answers.shift();
    if (answer) {
      res.writeHead(answer.status, answer.headers);
      res.end();
      return;
    }
    const subscription = keys.get(id);
    if (!subscription) return refuse(res, 404, 'subscription not found');
    if (gone.has(id)) return refuse(res, 410, 'subscription expired or unsubscribed');
    const ttlHeader = req.headers.ttl;
    if (typeof ttlHeader !== 'string' || !/^\d+$/.test(ttlHeader)) return refuse(res, 400, 'missing or invalid TTL header');
    const urgency = req.headers.urgency ?? 'normal';
    if (typeof urgency !== 'string' || !['very-low', 'low', 'normal', 'high'].includes(urgency)) return refuse(res, 400, 'invalid Urgency header');
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(res, 400, 'Content-Encoding must be aes128gcm');
    const topic = typeof req.headers.topic === 'string' ? req.headers.topic : null;
    if (topic !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) return refuse(res, 400, 'invalid Topic header');
    const auth = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '');
    if (!auth) return refuse(res, 401, 'missing or malformed VAPID Authorization header');
    const header = parseEncryptionHeader(body);
    if (typeof header === 'string') return refuse(res, 400, header);

    if (!options.bench) {
      let claims: JWTPayload;
      try {
        claims = await verifyVapid(auth[1]!, auth[2]!);
      } catch (error) {
        return refuse(res, 403, `VAPID: ${(error as Error).message}`);
      }
      let payload: string;
      try {
        payload = decryptAes128gcm(body, subscription.ecdh, subscription.publicKey, subscription.auth).toString('utf8');
      } catch (error) {
        return refuse(res, 400, `decryption failed: ${(error as Error).message}`);
      }
      received.push({ subscriptionId: id, payload, ttl: Number(ttlHeader), urgency, topic, claims });
    }
    accepted++;
    res.writeHead(201, { location: `${origin}/message/${randomUUID()}`, ttl: ttlHeader });
    res.end();
  }

  async function verifyVapid(token: string, k: string): Promise<JWTPayload> {
    let key = vapidKeys.get(k);
    if (!key) {
      const point = Buffer.from(k, 'base64url');
      if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 public key');
      key = await importJWK({ kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, 'ES256');
      vapidKeys.set(k, key);
    }
    const { payload, protectedHeader } = await jwtVerify(token, key, { algorithms: ['ES256'], audience: origin });
    if (protectedHeader.typ !== undefined && protectedHeader.typ !== 'JWT') throw new Error('typ must be JWT');
    if (typeof payload.exp !== 'number') throw new Error('exp missing');
    if (payload.exp > Math.floor(Date.now() / 1000) + 24 * 3600) throw new Error('exp more than 24 hours ahead');
    if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) throw new Error('sub must be a mailto: or https: URI');
    return payload;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    subscribe() {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      keys.set(id, { ecdh, publicKey, auth });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') } };
    },
    received,
    refused,
    gone,
    answers,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The RFC 8188 header: salt(16) ‖ rs(4) ‖ idlen(1) ‖ keyid(idlen); an error text when malformed. */
function parseEncryptionHeader(body: Buffer): { rs: number; keyid: Buffer } | string {
  if (body.length < 21) return 'body shorter than the aes128gcm header';
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  if (rs < 18) return 'record size too small';
  if (idlen !== 65) return 'keyid must be the 65-byte sender public key';
  if (body.length < 21 + idlen + 17) return 'no ciphertext';
  if (body.length - 21 - idlen > rs) return 'more than one record';
  return { rs, keyid: body.subarray(21, 21 + idlen) };
}

/**
 * RFC 8291 §3.4 decryption of a single-record aes128gcm body with the user agent's key pair and
 * auth secret: IKM from ECDH and the auth secret, then RFC 8188's CEK and nonce from the salt.
 */
export function decryptAes128gcm(body: Buffer, uaPrivate: ECDH, uaPublic: Buffer, authSecret: Buffer): Buffer {
  const header = parseEncryptionHeader(body);
  if (typeof header === 'string') throw new Error(header);
  const salt = body.subarray(0, 16);
  const asPublic = header.keyid;
  const ciphertext = body.subarray(21 + 65);
  const hmac = (key: Buffer, ...data: Buffer[]) => {
    const h = createHmac('sha256', key);
    for (const d of data) h.update(d);
    return h.digest();
  };
  const ecdhSecret = uaPrivate.computeSecret(asPublic);
  const prkKey = hmac(authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = hmac(prkKey, keyInfo, Buffer.from([1]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0'), Buffer.from([1])).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0'), Buffer.from([1])).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 2) throw new Error('last record must end with the 0x02 delimiter');
  return padded.subarray(0, end);
}
