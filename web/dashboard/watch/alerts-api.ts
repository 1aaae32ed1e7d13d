import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';
import { isCategoryId, isPriority, type CategoryId, type Priority } from '../../ui/taxonomy.ts';

/*
 * The dashboard's door to weak signals (SPEC W5), watchlists with their alert rules and the
 * notifications they produce (W6). Kept beside its views, like signals-api.ts for incidents;
 * errors are the same ApiError / NetworkError as everywhere else. The live stream's events are
 * parsed here too, so that a malformed event is dropped rather than crashing a view.
 */

/** Server-Sent Events of signals and notifications (src/watch/routes/signals/signals-stream.ts). */
export const ALERTS_STREAM_URL = '/api/signals/stream';

export type SignalReview = 'new' | 'acknowledged' | 'dismissed';
export const SIGNAL_REVIEWS: readonly SignalReview[] = ['new', 'acknowledged', 'dismissed'];

export interface Signal {
  id: string;
  category: CategoryId;
  cell: string | null;
  centre: { lat: number; lon: number } | null;
  /** Closed ring of [lon, lat], or null for a signal of posts without a location. */
  boundary: [number, number][] | null;
  status: 'open' | 'closed';
  review: SignalReview;
  detectedAt: string;
  windowStart: string;
  firstPostAt: string;
  lastPostAt: string;
  observed: number;
  expected: number;
  score: number;
  baselinePerHour: number;
  fired: { observed: number; expected: number; score: number; threshold: number; windowMinutes: number };
  reason: { nl: string; en: string };
  updatedAt: string;
}

export interface SignalPost {
  id: string;
  text: string;
  createdAt: string;
  placeName: string | null;
}

export interface SignalDetail {
  signal: Signal;
  postIds: string[];
  posts: SignalPost[];
}

/** An incident as far as a signal needs it: which one it opened or joined. */
export interface LinkedIncident {
  id: string;
  status: string;
  category: string | null;
  placeName: string | null;
  firstAt: string;
  lastAt: string;
  postCount: number;
  signalIds: string[];
}

export type Area = { kind: 'polygon'; coordinates: [number, number][][] } | { kind: 'circle'; lat: number; lon: number; radiusM: number } | { kind: 'municipality'; code: string };

export interface WatchedEvent {
  name: string;
  area: Area;
  from: string;
  to: string;
}

export type RuleCondition = { on: 'post'; minPriority: Priority } | { on: 'signal'; minScore: number };

export interface AlertRule {
  id?: string;
  name: string;
  condition: RuleCondition;
  channels: { dashboard: boolean; email: string[]; webhook: { url: string; secret: string } | null };
  throttleMinutes: number;
  enabled: boolean;
}

/** What the editor sends (POST and PUT /api/watchlists). */
export interface WatchlistBody {
  name: string;
  purpose: string;
  legalBasis: string;
  keywords: string[];
  areas: Area[];
  /** New accounts by handle; the server keeps only their pseudonyms. */
  accounts: { source: string; handle: string }[];
  events: WatchedEvent[];
  categories: CategoryId[];
  sensitivity: number;
  enabled: boolean;
  rules: AlertRule[];
}

export interface Watchlist extends Omit<WatchlistBody, 'accounts'> {
  id: string;
  accounts: { source: string; pseudonym: string }[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Notification {
  id: string;
  ruleId: string;
  watchlistId: string;
  subjectType: 'post' | 'signal';
  subjectId: string;
  title: string;
  summary: string;
  priority: Priority;
  createdAt: string;
  readAt: string | null;
  deliveries: { channel: string; status: string; lastError: string | null }[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A signal from the API or the stream, or null when it is not one. */
export function parseSignal(value: unknown): Signal | null {
  if (!isRecord(value)) return null;
  const { id, category, status, review, observed, expected, score, reason, fired } = value;
  if (!isString(id) || !isCategoryId(category) || (status !== 'open' && status !== 'closed') || !SIGNAL_REVIEWS.includes(review as SignalReview)) return null;
  if (!isNumber(observed) || !isNumber(expected) || !isNumber(score) || !isRecord(reason) || !isString(reason.nl) || !isString(reason.en) || !isRecord(fired)) return null;
  for (const key of ['detectedAt', 'windowStart', 'firstPostAt', 'lastPostAt', 'updatedAt'] as const) if (!isString(value[key])) return null;
  const centre = isRecord(value.centre) && isNumber(value.centre.lat) && isNumber(value.centre.lon) ? { lat: value.centre.lat, lon: value.centre.lon } : null;
  const boundary = Array.isArray(value.boundary) && value.boundary.every((p) => Array.isArray(p) && p.length === 2 && isNumber(p[0]) && isNumber(p[1])) ? (value.boundary as [number, number][]) : null;
  return {
    ...(value as unknown as Signal),
    cell: isString(value.cell) ? value.cell : null,
    centre,
    boundary,
    baselinePerHour: isNumber(value.baselinePerHour) ? value.baselinePerHour : 0,
  };
}

/** A notification from the API or the stream (the stream leaves out the delivery states), or null. */
export function parseNotification(value: unknown): Notification | null {
  if (!isRecord(value)) return null;
  const { id, title, summary, subjectType, subjectId, createdAt, priority } = value;
  if (!isString(id) || !isString(title) || !isString(summary) || (subjectType !== 'post' && subjectType !== 'signal') || !isString(subjectId) || !isString(createdAt) || !isPriority(priority)) return null;
  return {
    id,
    ruleId: isString(value.ruleId) ? value.ruleId : '',
    watchlistId: isString(value.watchlistId) ? value.watchlistId : '',
    subjectType,
    subjectId,
    title,
    summary,
    priority,
    createdAt,
    readAt: isString(value.readAt) ? value.readAt : null,
    deliveries: Array.isArray(value.deliveries) ? (value.deliveries.filter(isRecord) as Notification['deliveries']) : [],
  };
}

/** A `signal` event of the stream: what changed and the signal as it is now. */
export function parseSignalEvent(data: string): { change: string; signal: Signal } | null {
  try {
    const value: unknown = JSON.parse(data);
    if (!isRecord(value) || !isString(value.change)) return null;
    const signal = parseSignal(value.signal);
    return signal && { change: value.change, signal };
  } catch {
    return null;
  }
}

/** A `notification` event of the stream, or null. */
export function parseNotificationEvent(data: string): Notification | null {
  try {
    return parseNotification(JSON.parse(data));
  } catch {
    return null;
  }
}

export interface AlertsApi {
  listSignals(options?: { signal?: AbortSignal }): Promise<Signal[]>;
  getSignal(id: string, options?: { signal?: AbortSignal }): Promise<SignalDetail>;
  reviewSignal(id: string, review: SignalReview): Promise<Signal>;
  /** The incident the signal opened or joined, or null (looked up among incidents active since its first post). */
  incidentOf(signal: Signal, options?: { signal?: AbortSignal }): Promise<LinkedIncident | null>;
  listWatchlists(options?: { signal?: AbortSignal }): Promise<Watchlist[]>;
  createWatchlist(body: WatchlistBody): Promise<Watchlist>;
  updateWatchlist(id: string, body: WatchlistBody): Promise<Watchlist>;
  deleteWatchlist(id: string): Promise<void>;
  listNotifications(options?: { unread?: boolean; signal?: AbortSignal }): Promise<Notification[]>;
  markRead(id: string): Promise<void>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Incidents are searched from this long before a signal's first post (the clustering's time gap). */
const INCIDENT_LOOKBACK_MS = 30 * 60_000;

export function createAlertsApi(options: { fetch?: FetchLike } = {}): AlertsApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call(path: string, init: RequestInit = {}): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError(error instanceof Error ? error.message : 'network error');
    }
    let body: unknown = null;
    if ((response.headers.get('content-type') ?? '').includes('json')) body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, parseProblem(body, response.status));
    return body;
  }

  function items<T>(status: number, body: unknown, parse: (item: unknown) => T | null): T[] {
    if (!isRecord(body) || !Array.isArray(body.items)) throw new ApiError(status, null);
    return body.items.map(parse).filter((x): x is T => x !== null);
  }

  function one<T>(body: unknown, parse: (item: unknown) => T | null): T {
    const parsed = parse(body);
    if (parsed === null) throw new ApiError(200, null);
    return parsed;
  }

  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const abortable = (signal?: AbortSignal): RequestInit => (signal ? { signal } : {});
  const id = encodeURIComponent;
  const asWatchlist = (value: unknown): Watchlist | null => (isRecord(value) && isString(value.id) && isString(value.name) && Array.isArray(value.rules) ? (value as unknown as Watchlist) : null);
  const asIncident = (value: unknown): LinkedIncident | null => (isRecord(value) && isString(value.id) && Array.isArray(value.signalIds) ? (value as unknown as LinkedIncident) : null);
  const asPost = (value: unknown): SignalPost | null =>
    isRecord(value) && isString(value.id) && isString(value.text) && isString(value.createdAt)
      ? { id: value.id, text: value.text, createdAt: value.createdAt, placeName: isRecord(value.analysis) && isRecord(value.analysis.location) && isString(value.analysis.location.placeName) ? value.analysis.location.placeName : null }
      : null;

  return {
    listSignals: async ({ signal } = {}) => items(200, await call('/api/signals?limit=200', abortable(signal)), parseSignal),
    getSignal: async (signalId, { signal } = {}) => {
      const body = await call(`/api/signals/${id(signalId)}`, abortable(signal));
      if (!isRecord(body)) throw new ApiError(200, null);
      return {
        signal: one(body.signal, parseSignal),
        postIds: Array.isArray(body.postIds) ? body.postIds.filter(isString) : [],
        posts: Array.isArray(body.posts) ? body.posts.map(asPost).filter((p): p is SignalPost => p !== null) : [],
      };
    },
    reviewSignal: async (signalId, review) => one(await call(`/api/signals/${id(signalId)}/review`, json('POST', { review })), parseSignal),
    incidentOf: async (of, { signal } = {}) => {
      const since = new Date(Date.parse(of.firstPostAt) - INCIDENT_LOOKBACK_MS).toISOString();
      const found = items(200, await call(`/api/incidents?minPosts=1&limit=200&since=${encodeURIComponent(since)}`, abortable(signal)), asIncident);
      return found.find((incident) => incident.signalIds.includes(of.id)) ?? null;
    },
    listWatchlists: async ({ signal } = {}) => items(200, await call('/api/watchlists', abortable(signal)), asWatchlist),
    createWatchlist: async (body) => one(await call('/api/watchlists', json('POST', body)), asWatchlist),
    updateWatchlist: async (watchlistId, body) => one(await call(`/api/watchlists/${id(watchlistId)}`, json('PUT', body)), asWatchlist),
    deleteWatchlist: async (watchlistId) => {
      await call(`/api/watchlists/${id(watchlistId)}`, { method: 'DELETE' });
    },
    listNotifications: async ({ unread, signal } = {}) => items(200, await call(`/api/notifications?limit=50${unread ? '&unread=true' : ''}`, abortable(signal)), parseNotification),
    markRead: async (notificationId) => {
      await call(`/api/notifications/${id(notificationId)}/read`, { method: 'POST' });
    },
  };
}
