import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter, sendSignedWebhook, signPayload, verifySignature } from '#platform/webhooks/signed-webhook.ts';
import { startFakeWebhookReceiver, type FakeWebhookReceiver } from '#test/support/fake-webhook-receiver.ts';

const SECRET = 'ontvanger-geheim-0123456789abcdef0123456789';

describe('signPayload / verifySignature', () => {
  const now = new Date('2026-07-04T20:00:00Z');

  it('accepts its own signature and refuses altered bodies, other secrets and old timestamps', () => {
    const header = signPayload('{"a":1}', SECRET, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature({ body: '{"a":1}', header, secret: SECRET, now })).toEqual({ ok: true, timestamp: Math.floor(now.getTime() / 1000) });
    expect(verifySignature({ body: '{"a":2}', header, secret: SECRET, now }).ok).toBe(false);
    expect(verifySignature({ body: '{"a":1}', header, secret: `${SECRET}x`, now }).ok).toBe(false);
    expect(verifySignature({ body: '{"a":1}', header, secret: SECRET, now: new Date(now.getTime() + 301_000) }).ok).toBe(false);
    expect(verifySignature({ body: '{"a":1}', header: undefined, secret: SECRET, now }).ok).toBe(false);
  });

  it('accepts one matching v1 among several (secret rotation)', () => {
    const header = signPayload('x', SECRET, now);
    const other = signPayload('x', 'an-older-secret-of-at-least-32-chars!!', now).split(',')[1]!;
    expect(verifySignature({ body: 'x', header: `${header.split(',')[0]!},${other},${header.split(',')[1]!}`, secret: SECRET, now }).ok).toBe(true);
  });

  it('never throws on arbitrary headers and bodies', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 100 }), (header, body) => {
        const result = verifySignature({ body, header, secret: SECRET, now });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('sendSignedWebhook', () => {
  let receiver: FakeWebhookReceiver;
  beforeAll(async () => {
    receiver = await startFakeWebhookReceiver(SECRET);
  });
  afterAll(() => receiver.close());

  it('delivers a body the receiver verifies, with the event id in both headers; a retry is recognised', async () => {
    const payload = { type: 'send.message', text: 'Let op: "drukte" & <hitte> 🌡️' };
    const first = await sendSignedWebhook({ url: receiver.url, secret: SECRET, payload, eventId: 'evt-1', eventType: 'send.message' });
    const second = await sendSignedWebhook({ url: receiver.url, secret: SECRET, payload, eventId: 'evt-1' });
    expect(first).toEqual({ outcome: 'delivered', status: 204 });
    expect(second.outcome).toBe('delivered');
    expect(receiver.events.size).toBe(1);
    expect(receiver.events.get('evt-1')).toEqual(payload);
    const request = receiver.requests.at(-2)!;
    expect(request.check.ok).toBe(true);
    expect(request.headers['idempotency-key']).toBe('evt-1');
    expect(request.headers['waakzaam-event-type']).toBe('send.message');
  });

  it('maps statuses: wrong secret → failed (401), 503 with Retry-After → retry, 410 → gone', async () => {
    expect(await sendSignedWebhook({ url: receiver.url, secret: 'a-different-secret-0123456789abcdef', payload: {}, eventId: 'e2' })).toEqual({ outcome: 'failed', reason: 'receiver answered 401' });
    receiver.respondWith = 503;
    receiver.retryAfter = '7';
    expect(await sendSignedWebhook({ url: receiver.url, secret: SECRET, payload: {}, eventId: 'e3' })).toEqual({ outcome: 'retry', reason: 'receiver answered 503', retryAfterMs: 7000 });
    receiver.retryAfter = null;
    receiver.respondWith = 410;
    expect((await sendSignedWebhook({ url: receiver.url, secret: SECRET, payload: {}, eventId: 'e4' })).outcome).toBe('gone');
    receiver.respondWith = 204;
  });

  it('treats a hanging receiver and a closed port as temporary', async () => {
    receiver.respondWith = 'hang';
    const hung = await sendSignedWebhook({ url: receiver.url, secret: SECRET, payload: {}, eventId: 'e5', timeoutMs: 200 });
    receiver.respondWith = 204;
    expect(hung).toEqual({ outcome: 'retry', reason: 'receiver did not answer in time' });
    expect((await sendSignedWebhook({ url: 'http://127.0.0.1:1/x', secret: SECRET, payload: {}, eventId: 'e6' })).outcome).toBe('retry');
  });

  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Sat, 04 Jul 2026 20:01:00 GMT', Date.parse('2026-07-04T20:00:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
