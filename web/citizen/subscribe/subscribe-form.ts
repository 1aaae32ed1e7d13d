import type { Polygon, MultiPolygon } from 'geojson';
import { normalisePostcode } from '../../dashboard/send/area.ts';
import type { MessageKey } from '../../ui/i18n/catalogue.ts';

/*
 * The "Meldingen ontvangen" form as plain data: what a resident chose, what is missing, and the
 * body for POST /api/public/subscriptions. Tested without a browser (test/web/send-subscribe.test.ts).
 */

export type SubscribeChannel = 'webpush' | 'email';

/** How the resident gives the area: "Mijn gemeente", "Mijn postcode" or "Op de kaart" (a circle). */
export type SubscribeAreaMode = 'municipality' | 'postcode' | 'circle';
export const AREA_MODES: readonly SubscribeAreaMode[] = ['municipality', 'postcode', 'circle'];

/** The radii a resident can choose around a place; a short list is easier than a number field. */
export const CIRCLE_RADII_M = [500, 1000, 2000, 5000] as const;
export type CircleRadius = (typeof CIRCLE_RADII_M)[number];

/**
 * Decimals a circle's centre keeps: three (about 110 m north–south, 70 m east–west here) is plenty
 * for "around my home" with a radius of 500 m or more, and does not give the server the address.
 */
export const CENTRE_DECIMALS = 3;

/** What the lookup of the typed postcode found (GET /api/public/postcode-areas/:pc4). */
export type PostcodeCheck =
  | { postcode: string; status: 'checking' }
  | { postcode: string; status: 'found'; place: string | null; geometry: Polygon | MultiPolygon }
  | { postcode: string; status: 'unknown' }
  /** No answer (offline, server busy): the resident may still subscribe; the server checks. */
  | { postcode: string; status: 'failed' };

export interface SubscribeState {
  areaMode: SubscribeAreaMode;
  /** CBS code of the chosen municipality, '' while none is chosen. */
  municipality: string;
  /** The postcode as typed ("3512 AB" is fine; only the four digits are sent). */
  postcode: string;
  postcodeCheck: PostcodeCheck | null;
  /** The middle of the circle ("mijn locatie" or a tap on the map), already rounded. */
  centre: { lat: number; lon: number } | null;
  radiusM: CircleRadius;
  topicsMode: 'all' | 'some';
  topics: string[];
  channel: SubscribeChannel | '';
  email: string;
}

export const INITIAL_SUBSCRIBE_STATE: SubscribeState = { areaMode: 'municipality', municipality: '', postcode: '', postcodeCheck: null, centre: null, radiusM: 1000, topicsMode: 'all', topics: [], channel: '', email: '' };

export interface SubscribeError {
  /** The id of the field to focus from the error summary ('centre' is the "mijn locatie" button). */
  field: 'municipality' | 'postcode' | 'centre' | 'topics' | 'channel' | 'email';
  key: MessageKey;
}

export type SubscribeArea = { kind: 'municipality'; code: string } | { kind: 'postcode'; postcode: string } | { kind: 'circle'; lat: number; lon: number; radiusM: number };

/** Browser's PushSubscription.toJSON(), as the API stores it. */
export interface PushSubscriptionBody {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
}

export type SubscriptionBody =
  | { channel: 'email'; email: string; area: SubscribeArea; topics: string[]; language: 'nl' | 'en' }
  | { channel: 'webpush'; subscription: PushSubscriptionBody; area: SubscribeArea; topics: string[]; language: 'nl' | 'en' };

/** A rough check (the server checks properly): something@something.tld, no spaces. */
export function plausibleEmail(value: string): boolean {
  const email = value.trim();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email);
}

/** A centre rounded to CENTRE_DECIMALS, or null for a position that is no place on earth. */
export function roundCentre(lat: number, lon: number): { lat: number; lon: number } | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const f = 10 ** CENTRE_DECIMALS;
  return { lat: Math.round(lat * f) / f, lon: Math.round(lon * f) / f };
}

function areaError(state: SubscribeState): SubscribeError | null {
  switch (state.areaMode) {
    case 'municipality':
      return /^GM\d{4}$/.test(state.municipality) ? null : { field: 'municipality', key: 'subscribe.error.municipality' };
    case 'postcode': {
      if (state.postcode.trim() === '') return { field: 'postcode', key: 'subscribe.error.postcodeEmpty' };
      const digits = normalisePostcode(state.postcode);
      if (!digits) return { field: 'postcode', key: 'subscribe.error.postcode' };
      return state.postcodeCheck?.postcode === digits && state.postcodeCheck.status === 'unknown' ? { field: 'postcode', key: 'subscribe.error.postcodeUnknown' } : null;
    }
    case 'circle':
      return state.centre && roundCentre(state.centre.lat, state.centre.lon) && (CIRCLE_RADII_M as readonly number[]).includes(state.radiusM) ? null : { field: 'centre', key: 'subscribe.error.centre' };
  }
}

/** Everything still missing, in the order of the form. */
export function validateSubscribe(state: SubscribeState, options: { pushSupported: boolean }): SubscribeError[] {
  const errors: SubscribeError[] = [];
  const area = areaError(state);
  if (area) errors.push(area);
  if (state.topicsMode === 'some' && state.topics.length === 0) errors.push({ field: 'topics', key: 'subscribe.error.topics' });
  if (state.channel === '') errors.push({ field: 'channel', key: 'subscribe.error.channel' });
  if (state.channel === 'webpush' && !options.pushSupported) errors.push({ field: 'channel', key: 'subscribe.error.pushUnsupported' });
  if (state.channel === 'email' && !plausibleEmail(state.email)) errors.push({ field: 'email', key: state.email.trim() === '' ? 'subscribe.error.emailEmpty' : 'subscribe.error.email' });
  return errors;
}

/** The area as the API takes it; call after validateSubscribe found nothing. Only the postcode's digits and a rounded centre leave the browser. */
export function subscribeAreaOf(state: SubscribeState): SubscribeArea {
  switch (state.areaMode) {
    case 'municipality':
      return { kind: 'municipality', code: state.municipality };
    case 'postcode':
      return { kind: 'postcode', postcode: normalisePostcode(state.postcode) ?? state.postcode.trim() };
    case 'circle': {
      const centre = state.centre ? roundCentre(state.centre.lat, state.centre.lon) : null;
      return { kind: 'circle', lat: centre?.lat ?? Number.NaN, lon: centre?.lon ?? Number.NaN, radiusM: state.radiusM };
    }
  }
}

function common(state: SubscribeState, language: 'nl' | 'en') {
  return { area: subscribeAreaOf(state), topics: state.topicsMode === 'all' ? [] : [...new Set(state.topics)], language };
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

/**
 * The chosen area as the pages put it in words (the done page, "you already get alerts for …").
 * A circle keeps only its radius: this browser need not remember where the resident lives.
 */
export type AreaSummary = { kind: 'municipality'; name: string } | { kind: 'postcode'; postcode: string; place: string | null } | { kind: 'circle'; radiusM: number };

/** The summary of the chosen area; `municipalityName` is the name of the chosen code. */
export function areaSummaryOf(state: SubscribeState, municipalityName: string | null): AreaSummary {
  switch (state.areaMode) {
    case 'municipality':
      return { kind: 'municipality', name: municipalityName ?? state.municipality };
    case 'postcode': {
      const postcode = normalisePostcode(state.postcode) ?? state.postcode.trim();
      const check = state.postcodeCheck;
      return { kind: 'postcode', postcode, place: check?.status === 'found' && check.postcode === postcode ? check.place : null };
    }
    case 'circle':
      return { kind: 'circle', radiusM: state.radiusM };
  }
}

/** "500 m", "1 km", "2,5 km": how a radius reads. */
export function formatRadius(radiusM: number, language: 'nl' | 'en'): string {
  if (radiusM < 1000) return `${Math.round(radiusM)} m`;
  return `${(radiusM / 1000).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 })} km`;
}

/** The message key and parameters that put a summary in words. */
export function describeArea(area: AreaSummary, language: 'nl' | 'en'): { key: MessageKey; params: Record<string, string> } {
  switch (area.kind) {
    case 'municipality':
      return { key: 'subscribe.describe.municipality', params: { name: area.name } };
    case 'postcode':
      return area.place ? { key: 'subscribe.describe.postcode', params: { postcode: area.postcode, place: area.place } } : { key: 'subscribe.describe.postcodeNoPlace', params: { postcode: area.postcode } };
    case 'circle':
      return { key: 'subscribe.describe.circle', params: { radius: formatRadius(area.radiusM, language) } };
  }
}

export interface StoredPush {
  id: string;
  unsubscribeToken: string;
  /** Null for a record without one (never expected, but storage is outside input). */
  area: AreaSummary | null;
}

const str = (value: unknown, max = 200): string | null => (typeof value === 'string' && value.length <= max ? value : null);

function parseSummary(value: unknown): AreaSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const area = value as Record<string, unknown>;
  if (area.kind === 'municipality' && str(area.name)) return { kind: 'municipality', name: str(area.name)! };
  if (area.kind === 'postcode' && typeof area.postcode === 'string' && /^[1-9]\d{3}$/.test(area.postcode)) return { kind: 'postcode', postcode: area.postcode, place: str(area.place) };
  if (area.kind === 'circle' && typeof area.radiusM === 'number' && Number.isFinite(area.radiusM) && area.radiusM > 0) return { kind: 'circle', radiusM: area.radiusM };
  return null;
}

/** Reads the stored record; records from before areas other than municipalities (`municipality: name`) still read. */
export function parseStoredPush(raw: string | null): StoredPush | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Record<string, unknown> | null;
    if (!value || typeof value.id !== 'string' || typeof value.unsubscribeToken !== 'string') return null;
    const legacy = str(value.municipality);
    const area = parseSummary(value.area) ?? (legacy ? { kind: 'municipality' as const, name: legacy } : null);
    return { id: value.id, unsubscribeToken: value.unsubscribeToken, area };
  } catch {
    return null;
  }
}
