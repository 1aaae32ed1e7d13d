import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';
import type { ResponderAction, ResponderState } from './responder-logic.ts';

/*
 * The responder app's calls to /api/responder/* (docs/respond-api.md). The volunteer's own token
 * (`wzr_…`) authenticates every call as a Bearer token; no cookie is sent.
 */

export interface ResponderProfile {
  id: string;
  name: string;
  language: 'nl' | 'en';
  qualification: string;
  qualifiedUntil: string | null;
  snoozedUntil: string | null;
  hasPushSubscription: boolean;
}

export interface ResponderAlert {
  dispatchId: string;
  status: 'active' | 'closed';
  state: ResponderState;
  role: 'direct' | 'via_aed';
  message: string;
  victim: { lat: number; lon: number; address: string };
  distanceM: number;
  etaS: number;
  alertedAt: string;
  aed: { id: string; name: string; location: string; lat: number; lon: number; accessNotes: string | null; hasCabinetCode: boolean } | null;
  cprSteps: string[] | null;
}

export interface ResponderApi {
  me(): Promise<ResponderProfile>;
  alerts(): Promise<ResponderAlert[]>;
  alert(dispatchId: string): Promise<ResponderAlert>;
  report(dispatchId: string, action: ResponderAction): Promise<ResponderAlert>;
  cabinetCode(dispatchId: string): Promise<string | null>;
  shareLocation(lat: number, lon: number): Promise<void>;
  forgetLocation(): Promise<void>;
  setPushSubscription(subscription: PushSubscriptionJSON | null): Promise<void>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function createResponderApi(token: string, options: { fetch?: FetchLike } = {}): ResponderApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call(path: string, init: RequestInit = {}): Promise<Record<string, unknown> | null> {
    let response: Response;
    try {
      response = await doFetch(path, {
        credentials: 'omit',
        ...init,
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : 'network error');
    }
    if (response.status === 204) return null;
    let body: unknown = null;
    if ((response.headers.get('content-type') ?? '').includes('json')) body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, parseProblem(body, response.status));
    if (!isRecord(body)) throw new ApiError(response.status, null);
    return body;
  }

  const object = async (path: string, init?: RequestInit) => {
    const body = await call(path, init);
    if (!body) throw new ApiError(204, null);
    return body;
  };
  const id = encodeURIComponent;
  const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

  return {
    me: async () => (await object('/api/responder/me')) as unknown as ResponderProfile,
    alerts: async () => {
      const body = await object('/api/responder/alerts');
      return Array.isArray(body.items) ? (body.items as ResponderAlert[]) : [];
    },
    alert: async (dispatchId) => (await object(`/api/responder/alerts/${id(dispatchId)}`)) as unknown as ResponderAlert,
    report: async (dispatchId, action) => (await object(`/api/responder/alerts/${id(dispatchId)}/status`, json('POST', { action }))) as unknown as ResponderAlert,
    cabinetCode: async (dispatchId) => {
      const body = await object(`/api/responder/alerts/${id(dispatchId)}/aed-code`, { method: 'POST' });
      return typeof body.cabinetCode === 'string' ? body.cabinetCode : null;
    },
    shareLocation: async (lat, lon) => {
      await call('/api/responder/location', json('PUT', { lat, lon }));
    },
    forgetLocation: async () => {
      await call('/api/responder/location', { method: 'DELETE' });
    },
    setPushSubscription: async (subscription) => {
      await call('/api/responder/push-subscription', json('PUT', { subscription }));
    },
  };
}

export function readStoredToken(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storeToken(key: string, token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, token);
  } catch {
    // Without storage the token lives only as long as the page; the sign-in link still works.
  }
}
