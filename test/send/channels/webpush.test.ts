import { createECDH } from 'node:crypto';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebPushChannel, pushPayload, PUSH_PAYLOAD_LIMIT } from '#send/channels/webpush.ts';
import { encryptPushPayload, preparePushKeys } from '#send/channels/webpush-encrypt.ts';
import type { VapidKeys } from '#send/channels/vapid-keys.ts';
import { decryptAes128gcm, startFakePushService, type FakePushService } from '#test/support/fake-push-service.ts';
import { buildOutgoingMessage, buildRecipient, never } from './build-message.ts';

describe('the fake push service decrypts as RFC 8291 says', () => {
  it('decrypts the Appendix A test vector', () => {
    const ua = createECDH('prime256v1');
    ua.setPrivateKey(Buffer.from('q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94', 'base64url'));
    const uaPublic = Buffer.from('BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4', 'base64url');
    expect(ua.getPublicKey().equals(uaPublic)).toBe(true);
    const body = Buffer.from(
      'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
      'base64url',
    );
    const plaintext = decryptAes128gcm(body, ua, uaPublic, Buffer.from('BTBZMqHH6r4Tts7J_aSIgg', 'base64url'));
    expect(plaintext.toString('utf8')).toBe('When I grow up, I want to be a watermelon');
    const tampered = Buffer.from(body);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptAes128gcm(tampered, ua, uaPublic, Buffer.from('BTBZMqHH6r4Tts7J_aSIgg', 'base64url'))).toThrow();
  });
});

describe('encryptPushPayload', () => {
  it('reproduces the RFC 8291 Appendix A body byte for byte', () => {
    const sender = createECDH('prime256v1');
    sender.setPrivateKey(Buffer.from('yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw', 'base64url'));
    const keys = preparePushKeys('BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4', 'BTBZMqHH6r4Tts7J_aSIgg');
    const body = encryptPushPayload(Buffer.from('When I grow up, I want to be a watermelon'), keys, { salt: Buffer.from('DGv6ra1nlYgDCS1FRnbzlw', 'base64url'), sender });
    expect(body.toString('base64url')).toBe(
      'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    );
  });

  it('a fresh key and salt per message; refuses unusable keys', () => {
    const ua = createECDH('prime256v1');
    const keys = preparePushKeys(ua.generateKeys().toString('base64url'), Buffer.alloc(16, 1).toString('base64url'));
    const a = encryptPushPayload(Buffer.from('x'), keys);
    const b = encryptPushPayload(Buffer.from('x'), keys);
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(false);
    expect(a.subarray(21, 86).equals(b.subarray(21, 86))).toBe(false);
    expect(decryptAes128gcm(a, ua, keys.uaPublic, keys.auth).toString()).toBe('x');
    expect(() => preparePushKeys('abc', 'def')).toThrow();
  });
});

describe('Web Push channel', () => {
  let push: FakePushService;
  const keys = webpush.generateVAPIDKeys();
  const vapid: VapidKeys = { ...keys, subject: 'mailto:beheer@utrecht.example' };
  const channel = createWebPushChannel({ vapid, timeoutMs: 5000 });
  beforeAll(async () => {
    push = await startFakePushService();
  });
  afterAll(async () => {
    channel.close();
    await push.close();
  });
  const recipientFor = (sub: ReturnType<FakePushService['subscribe']>, extra = {}) => buildRecipient({ id: sub.id, address: JSON.stringify({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }), ...extra });

  it('delivers an encrypted payload with a valid VAPID JWT, TTL, Urgency and Topic', async () => {
    const sub = push.subscribe();
    const message = buildOutgoingMessage({ expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    const outcome = await channel.deliver(message, recipientFor(sub), 'k1', never);
    expect(outcome).toMatchObject({ outcome: 'delivered', externalId: expect.stringMatching(/\/message\//) });
    const received = push.received.find((r) => r.subscriptionId === sub.id)!;
    expect(JSON.parse(received.payload)).toEqual({
      title: 'Erg druk rond de Jaarbeurs',
      body: `${message.body}\n\n${message.instruction}`,
      url: message.url,
      tag: message.id,
      exercise: false,
      unsubscribeUrl: 'https://waakzaam.example/afmelden/abc123',
    });
    expect(received.urgency).toBe('high');
    expect(received.ttl).toBeGreaterThan(3500);
    expect(received.ttl).toBeLessThanOrEqual(3600);
    expect(received.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(received.claims).toMatchObject({ aud: push.url, sub: 'mailto:beheer@utrecht.example' });
  });

  it('marks exercises; an update takes the tag and topic of the alert it updates', async () => {
    const sub = push.subscribe();
    const alert = buildOutgoingMessage();
    await channel.deliver(alert, recipientFor(sub), 'k2', never);
    const update = buildOutgoingMessage({ id: 'update-1', msgType: 'Update', status: 'Exercise', references: [{ messageId: alert.id, sentAt: alert.sentAt }] });
    await channel.deliver(update, recipientFor(sub), 'k3', never);
    const [first, second] = push.received.filter((r) => r.subscriptionId === sub.id);
    const payload = JSON.parse(second!.payload) as { title: string; tag: string; exercise: boolean };
    expect(payload).toMatchObject({ title: 'OEFENING — Update: Erg druk rond de Jaarbeurs', tag: alert.id, exercise: true });
    expect(second!.topic).toBe(first!.topic);
  });

  it('410 → gone; 404 → gone; 429 → retry after Retry-After; 500 → retry; 400 → failed', async () => {
    const sub = push.subscribe();
    push.gone.add(sub.id);
    expect(await channel.deliver(buildOutgoingMessage(), recipientFor(sub), 'k4', never)).toEqual({ outcome: 'gone', reason: 'push service answered 410' });
    const unknown = { ...push.subscribe(), endpoint: `${push.url}/push/00000000-0000-0000-0000-000000000000` };
    expect((await channel.deliver(buildOutgoingMessage(), recipientFor(unknown), 'k5', never)).outcome).toBe('gone');
    const live = push.subscribe();
    push.answers.push({ status: 429, headers: { 'retry-after': '30' } });
    expect(await channel.deliver(buildOutgoingMessage(), recipientFor(live), 'k6', never)).toEqual({ outcome: 'retry', reason: 'push service answered 429', retryAfterMs: 30_000 });
    push.answers.push({ status: 502 });
    expect((await channel.deliver(buildOutgoingMessage(), recipientFor(live), 'k7', never)).outcome).toBe('retry');
    push.answers.push({ status: 400 });
    expect((await channel.deliver(buildOutgoingMessage(), recipientFor(live), 'k8', never)).outcome).toBe('failed');
  });

  it('a push service refuses a JWT signed with another key than the one in k', async () => {
    const other = webpush.generateVAPIDKeys();
    const forged = createWebPushChannel({ vapid: { publicKey: keys.publicKey, privateKey: other.privateKey, subject: 'mailto:x@example.nl' } });
    const sub = push.subscribe();
    const outcome = await forged.deliver(buildOutgoingMessage(), recipientFor(sub), 'k9', never);
    forged.close();
    expect(outcome.outcome).toBe('failed');
    expect(push.refused.at(-1)).toMatchObject({ status: 403, reason: expect.stringMatching(/^VAPID: /) });
  });

  it('a malformed subscription is gone; an unreachable service is retried', async () => {
    expect((await channel.deliver(buildOutgoingMessage(), buildRecipient({ address: 'not json' }), 'k10', never)).outcome).toBe('gone');
    expect((await channel.deliver(buildOutgoingMessage(), buildRecipient({ address: JSON.stringify({ endpoint: 'https://x.example/1', keys: { p256dh: 'abc', auth: 'def' } }) }), 'k11', never)).outcome).toBe('gone');
    const sub = push.subscribe();
    const away = buildRecipient({ address: JSON.stringify({ endpoint: 'http://127.0.0.1:1/push/x', keys: sub.keys }) });
    expect((await channel.deliver(buildOutgoingMessage(), away, 'k12', never)).outcome).toBe('retry');
  });

  it('shortens a long body so the payload fits one record, and decrypts intact', async () => {
    const message = buildOutgoingMessage({ body: 'Één lange zin met 🚒 erin. '.repeat(400) });
    const payload = pushPayload(message, buildRecipient());
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(PUSH_PAYLOAD_LIMIT);
    expect(payload.body.endsWith('…')).toBe(true);
    const sub = push.subscribe();
    expect((await channel.deliver(message, recipientFor(sub), 'k13', never)).outcome).toBe('delivered');
    expect(JSON.parse(push.received.at(-1)!.payload)).toEqual(payload);
    expect(channel.preview(message)).toMatchObject({ unit: 'bytes', limit: PUSH_PAYLOAD_LIMIT, problems: [] });
  });
});
