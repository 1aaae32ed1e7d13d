import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Outgoing signed webhooks: Waakzaam POSTs JSON to a receiver's URL (alert-rule notifications, the
 * send module's webhook channel). The scheme is the one our incoming JSON webhook accepts
 * (src/watch/connectors/webhook/signature.ts) and Stripe uses: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">`, keyed with the UTF-8 bytes of the receiver's secret. The
 * receiver's side is documented in docs/webhooks.md.
 */
export const SIGNATURE_HEADER = 'Waakzaam-Signature';
/** The same id on every attempt of one event: receivers drop repeats by it. */
export const EVENT_ID_HEADER = 'Waakzaam-Event-Id';
export const EVENT_TYPE_HEADER = 'Waakzaam-Event-Type';
/** Also sent, with the event id as value, for receivers that already honour this common header. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** A delivery signed longer ago (or further ahead) than this should be refused by receivers. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signature header value for a body at a time. */
export function signPayload(body: string | Buffer, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Checks a `Waakzaam-Signature` header against the raw body as received (before JSON parsing):
 * the timestamp within `toleranceSeconds` of `now`, and one of the `v1` values (several are
 * allowed during a secret rotation) equal to the expected HMAC, compared in constant time.
 * Never throws.
 */
export function verifySignature(input: { body: string | Buffer; header: string | null | undefined; secret: string; now?: Date; toleranceSeconds?: number }): SignatureCheck {
  const { header } = input;
  if (header === undefined || header === null || header === '') return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  if (header.length > 2048) return { ok: false, reason: `${SIGNATURE_HEADER} header too long` };
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) return { ok: false, reason: 'more than one timestamp (t=)' };
      timestamp = value;
    } else if (key === 'v1') signatures.push(value);
  }
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'no valid timestamp (t=<unix seconds>)' };
  if (signatures.length === 0) return { ok: false, reason: 'no v1 signature' };
  const t = Number(timestamp);
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const skew = Math.floor((input.now ?? new Date()).getTime() / 1000) - t;
  if (Math.abs(skew) > tolerance) return { ok: false, reason: `timestamp outside the tolerance of ${tolerance} s` };
  const expected = Buffer.from(hmacHex(input.secret, t, input.body), 'utf8');
  const matches = signatures.some((candidate) => {
    const given = Buffer.from(candidate.toLowerCase(), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp: t } : { ok: false, reason: 'signature mismatch' };
}

function hmacHex(secret: string, t: number, body: string | Buffer): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${t}.`).update(body).digest('hex');
}

export interface SignedWebhookRequest {
  url: string;
  secret: string;
  /** The JSON body; serialised once, and the signature covers exactly these bytes. */
  payload: unknown;
  /** Stable across retries of the same event (e.g. the delivery's idempotency key). */
  eventId: string;
  eventType?: string;
  signal?: AbortSignal;
  /** Per attempt; a receiver that hangs is a temporary failure. */
  timeoutMs?: number;
  now?: Date;
}

/** What one attempt came to, in the words the callers' retry logic needs. */
export type SignedWebhookResult =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'retry'; reason: string; retryAfterMs?: number }
  | { outcome: 'failed'; reason: string }
  /** 410 Gone: the receiver asks us to stop (Standard Webhooks' convention). */
  | { outcome: 'gone'; reason: string };

/**
 * POSTs one signed JSON event. 2xx → delivered; 408, 429, 5xx, network errors and timeouts →
 * retry (with Retry-After when given); 410 → gone; other statuses (redirects are not followed,
 * since a signed body must not land elsewhere) → failed. Never throws.
 */
export async function sendSignedWebhook(request: SignedWebhookRequest): Promise<SignedWebhookResult> {
  const body = JSON.stringify(request.payload);
  const timeout = AbortSignal.timeout(request.timeoutMs ?? 10_000);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Waakzaam-Webhook/1',
    [SIGNATURE_HEADER]: signPayload(body, request.secret, request.now ?? new Date()),
    [EVENT_ID_HEADER]: request.eventId,
    [IDEMPOTENCY_HEADER]: request.eventId,
  };
  if (request.eventType) headers[EVENT_TYPE_HEADER] = request.eventType;
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', headers, body, redirect: 'manual', signal });
  } catch (error) {
    const reason = timeout.aborted ? 'receiver did not answer in time' : `network error: ${describe(error)}`;
    return { outcome: 'retry', reason };
  }
  // The receiver's answer carries nothing we use; drain it so the connection can be reused.
  await response.body?.cancel().catch(() => undefined);
  const status = response.status;
  if (status >= 200 && status < 300) return { outcome: 'delivered', status };
  if (status === 410) return { outcome: 'gone', reason: 'receiver answered 410 Gone' };
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return retryAfterMs === undefined ? { outcome: 'retry', reason: `receiver answered ${status}` } : { outcome: 'retry', reason: `receiver answered ${status}`, retryAfterMs };
  }
  return { outcome: 'failed', reason: `receiver answered ${status}` };
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
