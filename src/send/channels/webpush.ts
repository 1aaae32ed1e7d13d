import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import { z } from 'zod';
import { parseRetryAfter } from '#platform/webhooks/signed-webhook.ts';
import type { Channel, ChannelPreview, DeliveryOutcome, OutgoingMessage, Recipient } from './channel.ts';
import { DEFAULT_TIMEOUT_MS } from './http.ts';
import type { VapidKeys } from './vapid-keys.ts';
import { encryptPushPayload, preparePushKeys, type PreparedPushKeys } from './webpush-encrypt.ts';
import { graphemes as splitGraphemes, markedHeadline } from './text.ts';

export interface WebPushChannelOptions {
  vapid: VapidKeys;
  /** Seconds a push service keeps an undelivered message when the message has no expiry. */
  defaultTtlSeconds?: number;
  timeoutMs?: number;
  /** Sockets per push service origin (kept alive between messages). */
  maxSockets?: number;
}

/** A browser's PushSubscription.toJSON(), as stored in the recipient's address. */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/, 'a base64url P-256 public key'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{21,24}={0,2}$/, 'a base64url 16-byte secret'),
  }),
});
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

/** What the citizen app's service worker receives and shows (web/citizen). */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  /** Notifications with the same tag replace each other: an update replaces its alert. */
  tag: string;
  exercise: boolean;
  unsubscribeUrl?: string;
}

/**
 * Largest plaintext in one aes128gcm record of 4096 bytes (RFC 8291 §4: 4096 − 86 header − 16
 * tag − 1 delimiter); a payload of two records is refused by push services.
 */
export const PUSH_PAYLOAD_LIMIT = 3993;
const VAPID_LIFETIME_SECONDS = 12 * 3600;
const MAX_TTL_SECONDS = 28 * 24 * 3600;

/** The notification payload, the body shortened until the JSON fits one record. */
export function pushPayload(message: OutgoingMessage, recipient: Pick<Recipient, 'unsubscribeUrl'> | null): PushPayload {
  const base: PushPayload = {
    title: markedHeadline(message),
    body: '',
    url: message.url,
    tag: message.references[0]?.messageId ?? message.id,
    exercise: message.status === 'Exercise',
    ...(recipient?.unsubscribeUrl ? { unsubscribeUrl: recipient.unsubscribeUrl } : {}),
  };
  const full = [message.body.trim(), message.instruction?.trim() ?? ''].filter((p) => p !== '').join('\n\n');
  const fits = (body: string) => Buffer.byteLength(JSON.stringify({ ...base, body })) <= PUSH_PAYLOAD_LIMIT;
  if (fits(full)) return { ...base, body: full };
  // Binary search on the number of graphemes kept (JSON escaping makes the byte size uneven).
  const graphemes = splitGraphemes(full);
  let low = 0;
  let high = graphemes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${graphemes.slice(0, mid).join('').trimEnd()}…`)) low = mid;
    else high = mid - 1;
  }
  const body = low === 0 ? '' : `${graphemes.slice(0, low).join('').trimEnd()}…`;
  return { ...base, body };
}

/** RFC 8030 Urgency from the CAP urgency and severity: only immediate danger may wake a device. */
export function pushUrgency(message: Pick<OutgoingMessage, 'urgency' | 'severity'>): 'very-low' | 'low' | 'normal' | 'high' {
  if (message.urgency === 'Immediate') return 'high';
  if (message.urgency === 'Expected' || message.severity === 'Extreme' || message.severity === 'Severe') return 'normal';
  return 'low';
}

/**
 * Web Push (SPEC S4): the payload encrypted for each subscription with RFC 8291 aes128gcm
 * (webpush-encrypt.ts; web-push signs the VAPID JWT) and POSTed to its push service with a VAPID (RFC 8292)
 * Authorization, a TTL until the message expires, an Urgency and a Topic (so an undelivered
 * older version is replaced). The VAPID JWT is signed once per push service origin and reused for
 * hours instead of once per message. 404/410 → gone (the subscription is removed).
 */
export function createWebPushChannel(options: WebPushChannelOptions): Channel & { close(): void } {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
    https: new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
  };
  const vapidByAudience = new Map<string, { header: string; renewAt: number }>();

  function vapidHeader(endpoint: URL): string {
    const audience = endpoint.origin;
    const now = Math.floor(Date.now() / 1000);
    const cached = vapidByAudience.get(audience);
    if (cached && cached.renewAt > now) return cached.header;
    const headers = webpush.getVapidHeaders(audience, options.vapid.subject, options.vapid.publicKey, options.vapid.privateKey, 'aes128gcm', now + VAPID_LIFETIME_SECONDS);
    vapidByAudience.set(audience, { header: headers.Authorization, renewAt: now + VAPID_LIFETIME_SECONDS - 3600 });
    return headers.Authorization;
  }

  function preview(message: OutgoingMessage): ChannelPreview {
    const payload = pushPayload(message, null);
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    return { text: `${payload.title}\n${payload.body}`, length: bytes, limit: PUSH_PAYLOAD_LIMIT, unit: 'bytes', problems: bytes > PUSH_PAYLOAD_LIMIT ? ['the headline alone is too long for a push notification'] : [] };
  }

  async function deliver(message: OutgoingMessage, recipient: Recipient | null, _idempotencyKey: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    if (recipient === null) return { outcome: 'failed', reason: 'web push needs a recipient' };
    const target = prepared(recipient.address);
    // A subscription we cannot read will never work: let the engine remove it.
    if (typeof target === 'string') return { outcome: 'gone', reason: target };
    const payload = Buffer.from(JSON.stringify(pushPayload(message, recipient)), 'utf8');
    if (payload.length > PUSH_PAYLOAD_LIMIT) return { outcome: 'failed', reason: 'payload larger than one push record' };
    const body = encryptPushPayload(payload, target.keys);
    const headers: Record<string, string> = {
      Authorization: vapidHeader(target.endpoint),
      TTL: String(ttlSeconds(message, options.defaultTtlSeconds ?? 24 * 3600)),
      Urgency: pushUrgency(message),
      Topic: topicOf(message),
      'Content-Encoding': 'aes128gcm',
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(body.length),
    };
    if (signal.aborted) return { outcome: 'retry', reason: 'aborted' };
    const response = await post(target.endpoint, headers, body);
    if ('error' in response) return { outcome: 'retry', reason: response.error };
    const { status } = response;
    if (status === 200 || status === 201 || status === 202) return response.location ? { outcome: 'delivered', externalId: response.location } : { outcome: 'delivered' };
    if (status === 404 || status === 410) return { outcome: 'gone', reason: `push service answered ${status}` };
    if (status === 429 || status >= 500) {
      const after = parseRetryAfter(response.retryAfter);
      return after === undefined ? { outcome: 'retry', reason: `push service answered ${status}` } : { outcome: 'retry', reason: `push service answered ${status}`, retryAfterMs: after };
    }
    return { outcome: 'failed', reason: `push service answered ${status}${response.body ? `: ${response.body.slice(0, 200)}` : ''}` };
  }

  /** Parsed subscriptions by address: the decoding is per subscription, not per message. */
  const subscriptions = new Map<string, { endpoint: URL; keys: PreparedPushKeys } | string>();
  function prepared(address: string): { endpoint: URL; keys: PreparedPushKeys } | string {
    let entry = subscriptions.get(address);
    if (entry === undefined) {
      try {
        const subscription = pushSubscriptionSchema.parse(JSON.parse(address));
        entry = { endpoint: new URL(subscription.endpoint), keys: preparePushKeys(subscription.keys.p256dh, subscription.keys.auth) };
      } catch (error) {
        entry = `the stored subscription is not a usable PushSubscription: ${(error as Error).message.slice(0, 200)}`;
      }
      if (subscriptions.size >= 100_000) subscriptions.clear();
      subscriptions.set(address, entry);
    }
    return entry;
  }

  function post(url: URL, headers: Record<string, string>, body: Buffer): Promise<{ status: number; location: string | null; retryAfter: string | null; body: string } | { error: string }> {
    return new Promise((resolve) => {
      const secure = url.protocol === 'https:';
      const request = (secure ? https : http).request(url, { method: 'POST', headers, agent: secure ? agents.https : agents.http, timeout: timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 4096) chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: typeof response.headers.location === 'string' ? response.headers.location : null,
            retryAfter: typeof response.headers['retry-after'] === 'string' ? response.headers['retry-after'] : null,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', (error) => resolve({ error: `network error: ${error.message}` }));
      });
      request.on('timeout', () => request.destroy(new Error('the push service did not answer in time')));
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: `network error: ${error.code ?? error.message}` }));
      request.end(body);
    });
  }

  return {
    kind: 'webpush',
    audience: 'recipient',
    maxPerSecond: 1000,
    preview,
    deliver,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** Seconds until the message expires (at least a minute, at most the 28 days services keep), else the default. */
function ttlSeconds(message: OutgoingMessage, fallback: number): number {
  if (!message.expiresAt) return fallback;
  const seconds = Math.floor((Date.parse(message.expiresAt) - Date.now()) / 1000);
  return Number.isNaN(seconds) ? fallback : Math.min(MAX_TTL_SECONDS, Math.max(60, seconds));
}

/** RFC 8030 Topic: at most 32 base64url characters; the same for an alert and its updates. */
function topicOf(message: OutgoingMessage): string {
  return createHash('sha256').update(message.references[0]?.messageId ?? message.id).digest('base64url').slice(0, 32);
}
