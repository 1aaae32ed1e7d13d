import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';

/*
 * The dashboard's door to the respond module's control-room API (src/respond/routes, described
 * in docs/respond-api.md). Types mirror the route schemas in src/respond/routes/schemas.ts;
 * test/web/respond-board.test.ts checks that the state lists below match the server's.
 */

export const RESPONDER_STATES = ['alerted', 'accepted', 'on_way', 'arrived', 'declined', 'timed_out', 'stood_down'] as const;
export type ResponderState = (typeof RESPONDER_STATES)[number];
export type ResponderRole = 'direct' | 'via_aed';
export type CloseReason = 'ems_on_scene' | 'cancelled' | 'expired';

export interface ChosenAed {
  id: string;
  name: string;
  location: string;
  point: { lon: number; lat: number };
  distanceM: number;
}

export interface DispatchResponder {
  volunteerId: string;
  name: string;
  wave: number;
  role: ResponderRole;
  aedId: string | null;
  source: 'live' | 'address';
  distanceM: number;
  routeM: number;
  etaS: number;
  state: ResponderState;
  alertedAt: string;
  acceptedAt: string | null;
  declinedAt: string | null;
  onWayAt: string | null;
  arrivedAt: string | null;
  timedOutAt: string | null;
  stoodDownAt: string | null;
}

export interface DispatchFigures {
  timeToFirstAcceptS: number | null;
  timeToFirstArrivalS: number | null;
  timeToAedOnSceneS: number | null;
}

export interface Dispatch {
  id: string;
  status: 'active' | 'closed';
  closeReason: string | null;
  lat: number;
  lon: number;
  address: string;
  geocodedBy: string;
  note: string | null;
  params: Record<string, number | boolean>;
  aeds: ChosenAed[];
  wave: number;
  startedBy: string;
  startedAt: string;
  firstAcceptAt: string | null;
  firstArrivalAt: string | null;
  aedOnSceneAt: string | null;
  closedAt: string | null;
  responders: DispatchResponder[];
  counts: Record<ResponderState, number>;
  figures: DispatchFigures;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  volunteerId: string | null;
  data: Record<string, unknown>;
}

export interface DispatchDetail extends Dispatch {
  timeline: TimelineEntry[];
}

/** Where a committed responder is now, from the location the responder app shares (see dispatch-positions route). */
export interface ResponderPosition {
  volunteerId: string;
  lat: number;
  lon: number;
  at: string;
}

export interface Volunteer {
  id: string;
  externalRef: string | null;
  name: string;
  language: 'nl' | 'en';
  qualification: string;
  qualifiedUntil: string | null;
  snoozedUntil: string | null;
  hasPushSubscription: boolean;
}

export interface Aed {
  id: string;
  externalRef: string | null;
  name: string;
  location: string;
  lat: number;
  lon: number;
  padsExpire: string | null;
  batteryExpires: string | null;
  active: boolean;
  hasCabinetCode: boolean;
  unusableNow: 'inactive' | 'pads_expired' | 'battery_expired' | 'closed' | null;
}

/** Where a dispatch happens: coordinates, or a Dutch postcode with a house number. */
export type DispatchLocation = { lat: number; lon: number } | { postcode: string; houseNumber: string };

export interface StartDispatchBody {
  location: DispatchLocation;
  address?: string;
  note?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RespondApi {
  listDispatches(query?: { status?: 'active' | 'closed'; limit?: number; signal?: AbortSignal }): Promise<Page<Dispatch>>;
  getDispatch(id: string, options?: { signal?: AbortSignal }): Promise<DispatchDetail>;
  getPositions(id: string, options?: { signal?: AbortSignal }): Promise<ResponderPosition[]>;
  startDispatch(body: StartDispatchBody): Promise<Dispatch>;
  closeDispatch(id: string, reason: 'ems_on_scene' | 'cancelled'): Promise<Dispatch>;
  listVolunteers(query?: { after?: string | null; signal?: AbortSignal }): Promise<Page<Volunteer>>;
  listAeds(query?: { after?: string | null; signal?: AbortSignal }): Promise<Page<Aed>>;
}

export const DISPATCH_STREAM_URL = '/api/dispatches/stream';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Builds the client; tests pass their own `fetch`. The staff session cookie authenticates. */
export function createRespondApi(options: { fetch?: FetchLike } = {}): RespondApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError(error instanceof Error ? error.message : 'network error');
    }
    let body: unknown = null;
    if ((response.headers.get('content-type') ?? '').includes('json')) body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, parseProblem(body, response.status));
    if (!isRecord(body)) throw new ApiError(response.status, null);
    return body;
  }

  async function page<T>(path: string, signal?: AbortSignal): Promise<Page<T>> {
    const body = await call(path, signal ? { signal } : {});
    if (!Array.isArray(body.items)) throw new ApiError(200, null);
    return { items: body.items as T[], nextCursor: typeof body.nextCursor === 'string' ? body.nextCursor : null };
  }

  const id = encodeURIComponent;
  const query = (values: Record<string, string | number | null | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    const text = params.toString();
    return text ? `?${text}` : '';
  };

  return {
    listDispatches: ({ status, limit, signal } = {}) => page<Dispatch>(`/api/dispatches${query({ status, limit: limit ?? 20 })}`, signal),
    getDispatch: async (dispatchId, { signal } = {}) => (await call(`/api/dispatches/${id(dispatchId)}`, signal ? { signal } : {})) as unknown as DispatchDetail,
    getPositions: async (dispatchId, { signal } = {}) => {
      const body = await call(`/api/dispatches/${id(dispatchId)}/positions`, signal ? { signal } : {});
      return Array.isArray(body.items) ? (body.items as ResponderPosition[]) : [];
    },
    startDispatch: async (body) => (await call('/api/dispatches', { method: 'POST', body: JSON.stringify(body) })) as unknown as Dispatch,
    closeDispatch: async (dispatchId, reason) => (await call(`/api/dispatches/${id(dispatchId)}/close`, { method: 'POST', body: JSON.stringify({ reason }) })) as unknown as Dispatch,
    listVolunteers: ({ after, signal } = {}) => page<Volunteer>(`/api/respond/volunteers${query({ limit: 500, after })}`, signal),
    listAeds: ({ after, signal } = {}) => page<Aed>(`/api/respond/aeds${query({ limit: 500, after })}`, signal),
  };
}
