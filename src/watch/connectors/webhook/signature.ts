import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature (lower case, as Node presents incoming headers). */
export const SIGNATURE_HEADER = 'x-waakzaam-signature';

/** A delivery signed longer ago (or further ahead) than this is refused: replay protection. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

/**
 * The signature header value for a body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * keyed with the UTF-8 bytes of the secret (the scheme of Stripe and, in spirit, of the Standard
 * Webhooks specification). For senders, tests and the documentation's example.
 */
export function signWebhookBody(rawBody: Buffer, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`;
}

/**
 * Checks a delivery's `X-Waakzaam-Signature` against the raw body as received (before any JSON
 * parsing): the timestamp must lie within five minutes of `now`, and one of the `v1` signatures
 * (several are allowed, for secret rotation) must match, compared in constant time. A replay
 * inside the window is harmless: posts are stored once per id.
 */
export function verifyWebhookSignature(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, secret: string, now: Date): SignatureVerdict {
  const values = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === SIGNATURE_HEADER)
    .flatMap(([, value]) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
  if (values.length === 0) return { ok: false, reason: 'missing X-Waakzaam-Signature header' };
  if (values.length > 1) return { ok: false, reason: 'more than one X-Waakzaam-Signature header' };
  const header = values[0]!;
  if (header.length > 2048) return { ok: false, reason: 'X-Waakzaam-Signature header too long' };

  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq < 0 ? part.length : eq).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) return { ok: false, reason: 'more than one timestamp (t=) in the signature header' };
      timestamp = value;
    } else if (key === 'v1') signatures.push(value);
    // Other schemes (v0, a future v2) are ignored, as Stripe's verifiers do.
  }
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'the signature header has no valid timestamp (t=<unix seconds>)' };
  if (signatures.length === 0) return { ok: false, reason: 'the signature header has no v1 signature' };

  const t = Number(timestamp);
  const skew = Math.floor(now.getTime() / 1000) - t;
  if (Math.abs(skew) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: `timestamp outside the tolerance of ${SIGNATURE_TOLERANCE_SECONDS} s (${skew > 0 ? `${skew} s old` : `${-skew} s in the future`})` };
  }
  const expected = Buffer.from(hmacHex(secret, t, rawBody), 'utf8');
  const matches = signatures.some((candidate) => {
    const given = Buffer.from(candidate.toLowerCase(), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'signature mismatch: the body was not signed with this connector\'s secret, or was altered' };
}

function hmacHex(secret: string, t: number, rawBody: Buffer): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${t}.`).update(rawBody).digest('hex');
}
