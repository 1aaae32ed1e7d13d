import type { FeatureCollection } from 'geojson';
import { ApiError, MUNICIPALITIES_URL, NetworkError, type MapSettings } from '../../ui/api.ts';
import { isRecord, parseMapSettings, parseProblem } from '../../ui/api-parse.ts';
import { base64UrlToBytes, type PushSubscriptionBody, type SubscriptionBody } from './subscribe-form.ts';

/*
 * The citizen app's calls to the public subscription API (no account, no cookie) and the browser
 * side of Web Push: the service worker at /citizen/push-worker.js and PushManager.subscribe with
 * the server's VAPID key.
 */

/** Where the server gives its VAPID public key (the applicationServerKey). */
export const PUSH_KEY_URL = '/api/public/push-key';
export const PUSH_WORKER_URL = '/citizen/push-worker.js';
export const PUSH_SCOPE = '/citizen/';

async function call(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : 'network error');
  }
  let body: unknown = null;
  if ((response.headers.get('content-type') ?? '').includes('json')) body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parseProblem(body, response.status));
  if (!isRecord(body)) throw new ApiError(response.status, null);
  return body;
}

/** The installation's map tiles (public); offline borders only when none are configured or it fails. */
export async function fetchMapSettings(): Promise<MapSettings> {
  const body = await call('/api/settings/map', { headers: { accept: 'application/json' } }).catch(() => null);
  return body ? (parseMapSettings(body) ?? OFFLINE_MAP) : OFFLINE_MAP;
}

export const OFFLINE_MAP: MapSettings = { tileUrl: null, attribution: null };

export async function fetchMunicipalities(): Promise<FeatureCollection> {
  const body = await call(MUNICIPALITIES_URL, { headers: { accept: 'application/geo+json, application/json' } });
  if (body.type !== 'FeatureCollection' || !Array.isArray(body.features)) throw new ApiError(200, null);
  return body as unknown as FeatureCollection;
}

export async function createSubscription(body: SubscriptionBody): Promise<{ id: string; status: 'pending' | 'active'; unsubscribeToken: string | null }> {
  const answer = await call('/api/public/subscriptions', { method: 'POST', body: JSON.stringify(body) });
  return { id: String(answer.id), status: answer.status === 'active' ? 'active' : 'pending', unsubscribeToken: typeof answer.unsubscribeToken === 'string' ? answer.unsubscribeToken : null };
}

export async function confirmSubscription(token: string): Promise<{ id: string; unsubscribeToken: string }> {
  const answer = await call('/api/public/subscriptions/confirm', { method: 'POST', body: JSON.stringify({ token }) });
  return { id: String(answer.id), unsubscribeToken: String(answer.unsubscribeToken) };
}

export async function unsubscribe(id: string, token: string): Promise<void> {
  await call('/api/public/subscriptions/unsubscribe', { method: 'POST', body: JSON.stringify({ id, token }) });
}

/** Whether this browser can receive Web Push at all (not, for instance, in a private window of some browsers). */
export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && window.isSecureContext;
}

export class PushDeniedError extends Error {
  override readonly name = 'PushDeniedError';
}

/**
 * Asks the browser for permission (call this straight from the resident's click), registers the
 * service worker and subscribes with the server's key. Answers the PushSubscription as JSON.
 */
export async function subscribeBrowser(): Promise<PushSubscriptionBody> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushDeniedError(permission);
  const [registration, key] = await Promise.all([
    navigator.serviceWorker.register(PUSH_WORKER_URL, { scope: PUSH_SCOPE }).then(() => navigator.serviceWorker.ready),
    call(PUSH_KEY_URL).then((body) => {
      if (typeof body.publicKey !== 'string') throw new ApiError(200, null);
      return body.publicKey;
    }),
  ]);
  const existing = await registration.pushManager.getSubscription();
  const subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }));
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) throw new Error('the browser gave an incomplete push subscription');
  return { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } };
}

/** Removes this browser's push subscription (after the server forgot it). */
export async function unsubscribeBrowser(): Promise<void> {
  if (!pushSupported()) return;
  const registration = await navigator.serviceWorker.getRegistration(PUSH_SCOPE);
  const subscription = await registration?.pushManager.getSubscription();
  await subscription?.unsubscribe();
}
