import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenSubscriptionSchema } from '#send/subscriptions/subscription.ts';
import { citizenRouteOf } from '../../web/citizen/routes.ts';
import {
  areaSummaryOf,
  base64UrlToBytes,
  CIRCLE_RADII_M,
  confirmTokenOf,
  describeArea,
  emailSubscriptionBody,
  formatRadius,
  INITIAL_SUBSCRIBE_STATE,
  parseStoredPush,
  plausibleEmail,
  pushSubscriptionBody,
  roundCentre,
  subscribeAreaOf,
  unsubscribeLinkOf,
  validateSubscribe,
  type SubscribeState,
} from '../../web/citizen/subscribe/subscribe-form.ts';
import { translate } from '../../web/ui/i18n/catalogue.ts';
import { en } from '../../web/ui/i18n/en.ts';
import { nl } from '../../web/ui/i18n/nl.ts';

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
    const postcode = { id: 'x', unsubscribeToken: 'y', area: { kind: 'postcode', postcode: '3512', place: 'Utrecht' } };
    expect(parseStoredPush(JSON.stringify(postcode))).toEqual(postcode);
    expect(parseStoredPush('{"id":"x","unsubscribeToken":"y","area":{"kind":"circle","radiusM":1000}}')?.area).toEqual({ kind: 'circle', radiusM: 1000 });
    // Records written before postcodes and circles name only the municipality.
    expect(parseStoredPush('{"id":"x","unsubscribeToken":"y","municipality":"Utrecht"}')).toEqual({ id: 'x', unsubscribeToken: 'y', area: { kind: 'municipality', name: 'Utrecht' } });
    expect(parseStoredPush('{"id":"x","unsubscribeToken":"y","area":{"kind":"postcode","postcode":"<b>"}}')?.area).toBeNull();
    expect(parseStoredPush('null')).toBeNull();
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

describe('the area: municipality, postcode or a circle', () => {
  const by = (next: Partial<SubscribeState>): SubscribeState => ({ ...INITIAL_SUBSCRIBE_STATE, channel: 'email', email: 'a@b.nl', ...next });
  const keys = (state: SubscribeState) => validateSubscribe(state, { pushSupported: true }).map((e) => `${e.field}:${e.key}`);

  it('asks for what the chosen way needs, at the field the summary links to', () => {
    expect(keys(by({ areaMode: 'postcode' }))).toEqual(['postcode:subscribe.error.postcodeEmpty']);
    expect(keys(by({ areaMode: 'postcode', postcode: '351' }))).toEqual(['postcode:subscribe.error.postcode']);
    expect(keys(by({ areaMode: 'postcode', postcode: '3512 AB' }))).toEqual([]);
    expect(keys(by({ areaMode: 'postcode', postcode: '1010', postcodeCheck: { postcode: '1010', status: 'unknown' } }))).toEqual(['postcode:subscribe.error.postcodeUnknown']);
    // An older lookup of another postcode does not count; a failed lookup does not block (the server checks).
    expect(keys(by({ areaMode: 'postcode', postcode: '3512', postcodeCheck: { postcode: '1010', status: 'unknown' } }))).toEqual([]);
    expect(keys(by({ areaMode: 'postcode', postcode: '3512', postcodeCheck: { postcode: '3512', status: 'failed' } }))).toEqual([]);
    expect(keys(by({ areaMode: 'circle' }))).toEqual(['centre:subscribe.error.centre']);
    expect(keys(by({ areaMode: 'circle', centre: { lat: 52.0927, lon: 5.1207 } }))).toEqual([]);
    expect(keys(by({ areaMode: 'circle', centre: { lat: 52.0927, lon: 5.1207 }, radiusM: 750 as 500 }))).toEqual(['centre:subscribe.error.centre']);
    // The municipality chosen earlier does not count once the resident switched to a postcode.
    expect(keys(by({ areaMode: 'postcode', municipality: 'GM0344' }))).toEqual(['postcode:subscribe.error.postcodeEmpty']);
    expect(keys(by({ areaMode: 'municipality', postcode: '3512' }))).toEqual(['municipality:subscribe.error.municipality']);
  });

  it('sends only the four digits of a postcode, and the server accepts it', () => {
    const body = emailSubscriptionBody(by({ areaMode: 'postcode', postcode: ' 3512 ab ', municipality: 'GM0344' }), 'nl');
    expect(body.area).toEqual({ kind: 'postcode', postcode: '3512' });
    expect(JSON.stringify(body)).not.toMatch(/ab/i);
    expect(citizenSubscriptionSchema.safeParse(body).success).toBe(true);
  });

  it('sends a circle with its centre rounded to about 100 m, and the server accepts every radius offered', () => {
    for (const radiusM of CIRCLE_RADII_M) {
      const body = pushSubscriptionBody(by({ areaMode: 'circle', centre: { lat: 52.092_712_3, lon: 5.120_749_9 }, radiusM }), 'en', browserSubscription());
      expect(body.area).toEqual({ kind: 'circle', lat: 52.093, lon: 5.121, radiusM });
      const parsed = citizenSubscriptionSchema.safeParse(body);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('rounds any position on earth to three decimals, and refuses what is not one (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (lat, lon) => {
        const centre = roundCentre(lat, lon)!;
        expect(Math.abs(centre.lat - lat)).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(Math.abs(centre.lon - lon)).toBeLessThanOrEqual(0.0005 + 1e-9);
        expect(String(Math.abs(centre.lat)).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
      }),
    );
    for (const [lat, lon] of [[91, 5], [52, 181], [Number.NaN, 5], [52, Number.POSITIVE_INFINITY]]) expect(roundCentre(lat!, lon!)).toBeNull();
  });

  it('puts the chosen area in words in both languages, without keeping where a circle is', () => {
    const words = (state: SubscribeState, name: string | null, language: 'nl' | 'en') => {
      const { key, params } = describeArea(areaSummaryOf(state, name), language);
      return translate(language === 'nl' ? nl : en, key, params);
    };
    expect(words(by({ municipality: 'GM0344' }), 'Utrecht', 'nl')).toBe('gemeente Utrecht');
    expect(words(by({ municipality: 'GM0344' }), 'Utrecht', 'en')).toBe('the municipality of Utrecht');
    const found = by({ areaMode: 'postcode', postcode: '3512AB', postcodeCheck: { postcode: '3512', status: 'found', place: 'Utrecht', geometry: { type: 'Polygon', coordinates: [] } } });
    expect(words(found, null, 'nl')).toBe('postcode 3512 (Utrecht), bij benadering');
    expect(words(found, null, 'en')).toBe('postcode 3512 (Utrecht), approximately');
    expect(words(by({ areaMode: 'postcode', postcode: '3512' }), null, 'nl')).toBe('postcode 3512, bij benadering');
    const circle = by({ areaMode: 'circle', centre: { lat: 52.093, lon: 5.121 }, radiusM: 1000 });
    expect(areaSummaryOf(circle, null)).toEqual({ kind: 'circle', radiusM: 1000 });
    expect(words(circle, null, 'nl')).toBe('1 km rond de plek die u koos');
    expect(words({ ...circle, radiusM: 500 }, null, 'en')).toBe('500 m around the place you chose');
    expect(formatRadius(2500, 'nl')).toBe('2,5 km');
    expect(formatRadius(2500, 'en')).toBe('2.5 km');
  });

  it('builds the area of every mode as the API expects it', () => {
    expect(subscribeAreaOf(by({ municipality: 'GM0344' }))).toEqual({ kind: 'municipality', code: 'GM0344' });
    expect(subscribeAreaOf(by({ areaMode: 'postcode', postcode: '9999' }))).toEqual({ kind: 'postcode', postcode: '9999' });
  });
});
