import type { MessageKey } from '../../ui/i18n/catalogue.ts';

/*
 * The "Meldingen ontvangen" form as plain data: what a resident chose, what is missing, and the
 * body for POST /api/public/subscriptions. Tested without a browser (test/web/send-subscribe.test.ts).
 */

export type SubscribeChannel = 'webpush' | 'email';

export interface SubscribeState {
  /** CBS code of the chosen municipality, '' while none is chosen. */
  municipality: string;
  topicsMode: 'all' | 'some';
  topics: string[];
  channel: SubscribeChannel | '';
  email: string;
}

export const INITIAL_SUBSCRIBE_STATE: SubscribeState = { municipality: '', topicsMode: 'all', topics: [], channel: '', email: '' };

export interface SubscribeError {
  /** The id of the field to focus from the error summary. */
  field: 'municipality' | 'topics' | 'channel' | 'email';
  key: MessageKey;
}

/** Browser's PushSubscription.toJSON(), as the API stores it. */
export interface PushSubscriptionBody {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
}

export type SubscriptionBody =
  | { channel: 'email'; email: string; area: { kind: 'municipality'; code: string }; topics: string[]; language: 'nl' | 'en' }
  | { channel: 'webpush'; subscription: PushSubscriptionBody; area: { kind: 'municipality'; code: string }; topics: string[]; language: 'nl' | 'en' };

/** A rough check (the server checks properly): something@something.tld, no spaces. */
export function plausibleEmail(value: string): boolean {
  const email = value.trim();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email);
}

/** Everything still missing, in the order of the form. */
export function validateSubscribe(state: SubscribeState, options: { pushSupported: boolean }): SubscribeError[] {
  const errors: SubscribeError[] = [];
  if (!/^GM\d{4}$/.test(state.municipality)) errors.push({ field: 'municipality', key: 'subscribe.error.municipality' });
  if (state.topicsMode === 'some' && state.topics.length === 0) errors.push({ field: 'topics', key: 'subscribe.error.topics' });
  if (state.channel === '') errors.push({ field: 'channel', key: 'subscribe.error.channel' });
  if (state.channel === 'webpush' && !options.pushSupported) errors.push({ field: 'channel', key: 'subscribe.error.pushUnsupported' });
  if (state.channel === 'email' && !plausibleEmail(state.email)) errors.push({ field: 'email', key: state.email.trim() === '' ? 'subscribe.error.emailEmpty' : 'subscribe.error.email' });
  return errors;
}

function common(state: SubscribeState, language: 'nl' | 'en') {
  return { area: { kind: 'municipality' as const, code: state.municipality }, topics: state.topicsMode === 'all' ? [] : [...new Set(state.topics)], language };
}

/** The API body; only the address the chosen channel needs goes in (SPEC S5). */
export function emailSubscriptionBody(state: SubscribeState, language: 'nl' | 'en'): SubscriptionBody {
  return { channel: 'email', email: state.email.trim(), ...common(state, language) };
}

export function pushSubscriptionBody(state: SubscribeState, language: 'nl' | 'en', subscription: PushSubscriptionBody): SubscriptionBody {
  const { endpoint, expirationTime, keys } = subscription;
  return { channel: 'webpush', subscription: { endpoint, ...(expirationTime !== undefined ? { expirationTime } : {}), keys: { p256dh: keys.p256dh, auth: keys.auth } }, ...common(state, language) };
}

/** A VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The token of a confirmation link (`/citizen/confirm?t=…`), or null. */
export function confirmTokenOf(search: string): string | null {
  const token = new URLSearchParams(search).get('t');
  return token && token.length >= 20 && token.length <= 200 ? token : null;
}

/** The id and token of an unsubscribe link (`/citizen/unsubscribe?s=…&t=…`), or null. */
export function unsubscribeLinkOf(search: string): { id: string; token: string } | null {
  const params = new URLSearchParams(search);
  const id = params.get('s');
  const token = params.get('t');
  if (!id || id.length > 64 || !token || token.length < 20 || token.length > 200) return null;
  return { id, token };
}

/** Where this browser keeps the push subscription it made (so it can be turned off here). */
export const PUSH_STORAGE_KEY = 'waakzaam.push-subscription';

export interface StoredPush {
  id: string;
  unsubscribeToken: string;
  municipality: string;
}

export function parseStoredPush(raw: string | null): StoredPush | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredPush>;
    return typeof value.id === 'string' && typeof value.unsubscribeToken === 'string' ? { id: value.id, unsubscribeToken: value.unsubscribeToken, municipality: typeof value.municipality === 'string' ? value.municipality : '' } : null;
  } catch {
    return null;
  }
}
