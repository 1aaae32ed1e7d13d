import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenSubscriptionSchema } from '#send/subscriptions/subscription.ts';
import { citizenRouteOf } from '../../web/citizen/routes.ts';
import {
  base64UrlToBytes,
  confirmTokenOf,
  emailSubscriptionBody,
  INITIAL_SUBSCRIBE_STATE,
  parseStoredPush,
  plausibleEmail,
  pushSubscriptionBody,
  unsubscribeLinkOf,
  validateSubscribe,
  type SubscribeState,
} from '../../web/citizen/subscribe/subscribe-form.ts';

const base: SubscribeState = { ...INITIAL_SUBSCRIBE_STATE, municipality: 'GM0344' };

function browserSubscription() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return { endpoint: 'https://push.example.org/send/abc', expirationTime: null, keys: { p256dh: raw.toString('base64url'), auth: Buffer.alloc(16, 7).toString('base64url') } };
}

describe('validateSubscribe', () => {
  it('asks for a municipality and a channel first', () => {
    expect(validateSubscribe(INITIAL_SUBSCRIBE_STATE, { pushSupported: true }).map((e) => e.key)).toEqual(['subscribe.error.municipality', 'subscribe.error.channel']);
  });

  it('needs topics when the resident chose "only these"', () => {
    expect(validateSubscribe({ ...base, channel: 'email', email: 'a@b.nl', topicsMode: 'some' }, { pushSupported: true }).map((e) => e.field)).toEqual(['topics']);
  });

  it('checks the email address only for email, and push support only for push', () => {
    expect(validateSubscribe({ ...base, channel: 'email', email: '' }, { pushSupported: false }).map((e) => e.key)).toEqual(['subscribe.error.emailEmpty']);
    expect(validateSubscribe({ ...base, channel: 'email', email: 'geen adres' }, { pushSupported: false }).map((e) => e.key)).toEqual(['subscribe.error.email']);
    expect(validateSubscribe({ ...base, channel: 'webpush', email: 'geen adres' }, { pushSupported: true })).toEqual([]);
    expect(validateSubscribe({ ...base, channel: 'webpush' }, { pushSupported: false }).map((e) => e.key)).toEqual(['subscribe.error.pushUnsupported']);
  });

  it('finds plausible email addresses', () => {
    expect(plausibleEmail(' bewoner@utrecht.nl ')).toBe(true);
    for (const bad of ['bewoner', 'a@b', 'a b@c.nl', `${'x'.repeat(250)}@c.nl`]) expect(plausibleEmail(bad), bad).toBe(false);
  });
});

describe('subscription bodies', () => {
  it('sends only the email address, area, topics and language for email, and the server accepts it', () => {
    const body = emailSubscriptionBody({ ...base, channel: 'email', email: ' bewoner@example.org ', topicsMode: 'some', topics: ['crowd_safety', 'crowd_safety', 'events'] }, 'nl');
    expect(body).toEqual({ channel: 'email', email: 'bewoner@example.org', area: { kind: 'municipality', code: 'GM0344' }, topics: ['crowd_safety', 'events'], language: 'nl' });
    expect(citizenSubscriptionSchema.safeParse(body).success).toBe(true);
  });

  it('sends the browser push subscription as the server expects it', () => {
    const body = pushSubscriptionBody({ ...base, channel: 'webpush', email: 'left@over.nl', topics: ['fire'] }, 'en', browserSubscription());
    expect(body).not.toHaveProperty('email');
    expect(body.topics).toEqual([]);
    const parsed = citizenSubscriptionSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('decodes a VAPID key (base64url, unpadded) into its 65 bytes', () => {
    const key = browserSubscription().keys.p256dh;
    const bytes = base64UrlToBytes(key);
    expect(bytes).toHaveLength(65);
    expect(Buffer.from(bytes).toString('base64url')).toBe(key);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (raw) => {
        expect(Buffer.from(base64UrlToBytes(Buffer.from(raw).toString('base64url')))).toEqual(Buffer.from(raw));
      }),
    );
  });
});

describe('links from mails', () => {
  it('reads the confirmation and unsubscribe links the server writes', () => {
    const token = 'a'.repeat(43);
    expect(confirmTokenOf(`?t=${token}`)).toBe(token);
    expect(confirmTokenOf('?t=short')).toBeNull();
    expect(confirmTokenOf('')).toBeNull();
    expect(unsubscribeLinkOf(`?s=0197-abc&t=${token}`)).toEqual({ id: '0197-abc', token });
    expect(unsubscribeLinkOf(`?t=${token}`)).toBeNull();
  });

  it('keeps what this browser subscribed, and ignores junk in storage', () => {
    expect(parseStoredPush('{"id":"x","unsubscribeToken":"y","municipality":"Utrecht"}')).toEqual({ id: 'x', unsubscribeToken: 'y', municipality: 'Utrecht' });
    expect(parseStoredPush('{"id":1}')).toBeNull();
    expect(parseStoredPush('{')).toBeNull();
    expect(parseStoredPush(null)).toBeNull();
  });

  it('routes the subscription pages of the citizen app', () => {
    expect(citizenRouteOf('/citizen/subscribe')).toBe('subscribe');
    expect(citizenRouteOf('/citizen/confirm/')).toBe('confirm');
    expect(citizenRouteOf('/citizen/unsubscribe')).toBe('unsubscribe');
    expect(citizenRouteOf('/citizen/subscribed')).toBe('notFound');
  });
});
