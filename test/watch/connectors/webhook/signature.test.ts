import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from '#watch/connectors/webhook/signature.ts';

const SECRET = 'a'.repeat(16) + 'geheim-sleutel-van-de-meldkamer';
const NOW = new Date('2026-07-04T20:00:00Z');
const body = Buffer.from('{"id":"m1","text":"Brand Oudegracht","createdAt":"2026-07-04T21:59:00+02:00"}');
const headers = (value: string | string[] | undefined) => ({ 'content-type': 'application/json', 'x-waakzaam-signature': value });

describe('verifyWebhookSignature', () => {
  it('accepts a body signed with the secret within five minutes, either side', () => {
    for (const offset of [0, -300_000, 300_000]) {
      expect(verifyWebhookSignature(body, headers(signWebhookBody(body, SECRET, new Date(NOW.getTime() + offset))), SECRET, NOW)).toEqual({ ok: true });
    }
    // Header names are case-insensitive.
    expect(verifyWebhookSignature(body, { 'X-Waakzaam-Signature': signWebhookBody(body, SECRET, NOW) }, SECRET, NOW)).toEqual({ ok: true });
  });

  it('refuses a stale or future timestamp (replay protection)', () => {
    const old = signWebhookBody(body, SECRET, new Date(NOW.getTime() - 301_000));
    expect(verifyWebhookSignature(body, headers(old), SECRET, NOW)).toEqual({ ok: false, reason: 'timestamp outside the tolerance of 300 s (301 s old)' });
    const ahead = signWebhookBody(body, SECRET, new Date(NOW.getTime() + 3600_000));
    expect(verifyWebhookSignature(body, headers(ahead), SECRET, NOW)).toEqual({ ok: false, reason: 'timestamp outside the tolerance of 300 s (3600 s in the future)' });
  });

  it('refuses a tampered body, a wrong secret and a moved timestamp', () => {
    const good = signWebhookBody(body, SECRET, NOW);
    const mismatch = { ok: false, reason: expect.stringMatching(/^signature mismatch/) };
    expect(verifyWebhookSignature(Buffer.from(body.toString().replace('Brand', 'Rook')), headers(good), SECRET, NOW)).toEqual(mismatch);
    expect(verifyWebhookSignature(body, headers(good), `${SECRET}x`, NOW)).toEqual(mismatch);
    const t = Math.floor(NOW.getTime() / 1000);
    expect(verifyWebhookSignature(body, headers(good.replace(`t=${t}`, `t=${t - 1}`)), SECRET, NOW)).toEqual(mismatch);
  });

  it('says precisely what is wrong with a malformed header', () => {
    const v1 = signWebhookBody(body, SECRET, NOW).split(',')[1]!;
    expect(verifyWebhookSignature(body, headers(undefined), SECRET, NOW)).toEqual({ ok: false, reason: 'missing X-Waakzaam-Signature header' });
    expect(verifyWebhookSignature(body, headers(['t=1,v1=x', 't=1,v1=y']), SECRET, NOW)).toEqual({ ok: false, reason: 'more than one X-Waakzaam-Signature header' });
    expect(verifyWebhookSignature(body, headers(v1), SECRET, NOW)).toEqual({ ok: false, reason: 'the signature header has no valid timestamp (t=<unix seconds>)' });
    expect(verifyWebhookSignature(body, headers('t=abc,' + v1), SECRET, NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/no valid timestamp/) });
    expect(verifyWebhookSignature(body, headers(`t=${NOW.getTime() / 1000}`), SECRET, NOW)).toEqual({ ok: false, reason: 'the signature header has no v1 signature' });
    expect(verifyWebhookSignature(body, headers(`t=1,t=2,${v1}`), SECRET, NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/more than one timestamp/) });
  });

  it('accepts any of several v1 signatures (secret rotation) and ignores other schemes', () => {
    const t = Math.floor(NOW.getTime() / 1000);
    const oldSecret = signWebhookBody(body, 'o'.repeat(40), NOW).split(',')[1]!;
    const current = signWebhookBody(body, SECRET, NOW).split(',')[1]!;
    expect(verifyWebhookSignature(body, headers(`t=${t},v0=deadbeef,${oldSecret},${current.toUpperCase().replace('V1=', 'v1=')}`), SECRET, NOW)).toEqual({ ok: true });
  });

  it('holds for any body: signed verifies, any changed byte does not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, flip) => {
        const raw = Buffer.from(bytes);
        const header = signWebhookBody(raw, SECRET, NOW);
        expect(verifyWebhookSignature(raw, headers(header), SECRET, NOW)).toEqual({ ok: true });
        const changed = Buffer.from(raw);
        const i = at % changed.length;
        changed[i] = changed[i]! ^ flip;
        expect(verifyWebhookSignature(changed, headers(header), SECRET, NOW).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (value) => void verifyWebhookSignature(body, headers(value), SECRET, NOW)), { numRuns: 500 });
  });

  it('matches the openssl command of docs/connectors/webhook.md', () => {
    const t = Math.floor(NOW.getTime() / 1000);
    // The documented pipeline: printf '%s.%s' "$t" "$body" | openssl dgst -sha256 -hmac "$secret" -hex
    const out = execFileSync('sh', ['-c', 'printf \'%s.%s\' "$T" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed \'s/^.* //\''], {
      env: { ...process.env, T: String(t), BODY: body.toString(), SECRET },
      encoding: 'utf8',
    }).trim();
    expect(verifyWebhookSignature(body, headers(`t=${t},v1=${out}`), SECRET, NOW)).toEqual({ ok: true });
  });
});
