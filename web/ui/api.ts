/*
 * The web apps' only door to the server. Types mirror the HTTP contract; the server answers errors
 * as RFC 9457 problem+json. Authentication is a same-origin session cookie, so no token is handled
 * here. Everything in a Post comes from the outside world and is rendered as text, never as HTML.
 */

/** RFC 9457 problem details, as the server sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  permissions: string[];
}

export type OrganisationKind =
  | 'police'
  | 'municipality'
  | 'safety_region'
  | 'event_organiser'
  | 'transport'
  | 'security_company'
  | 'other';

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind | (string & {});
}

export interface Session {
  user: User;
  organisation: Organisation;
}

export interface PostLocation {
  lat: number;
  lon: number;
  precision: 'exact' | 'place';
  placeName: string | null;
}

export interface PostMedia {
  url: string;
  type: string;
}

/** A normalised public post (SPEC W2). */
export interface Post {
  id: string;
  source: string;
  sourceId: string;
  url: string | null;
  authorPseudonym: string;
  text: string;
  language: string | null;
  createdAt: string;
  receivedAt: string;
  location: PostLocation | null;
  hashtags: string[];
  mentions: string[];
  media: PostMedia[];
  replyTo: string | null;
  repostOf: string | null;
  quoteOf: string | null;
}

export interface PostPage {
  items: Post[];
  nextCursor: string | null;
}

/** `event: stats` on the post stream. */
export interface StreamStats {
  received: number;
  /** Posts per second over the last 10 seconds. */
  rate: number;
}

export const POST_STREAM_URL = '/api/posts/stream';

/** A non-2xx answer. `problem` is null when the body was not problem+json (e.g. a proxy error page). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** Seconds from a Retry-After header (429, 503), when the server sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/** The request never got an answer (server down, network gone). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export interface ApiClient {
  /** The signed-in session, or null when not signed in (401). */
  getSession(): Promise<Session | null>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  listPosts(options?: { limit?: number; before?: string | null; signal?: AbortSignal }): Promise<PostPage>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function parseLocation(value: unknown): PostLocation | null | undefined {
  if (value === null || value === undefined) {
    return null;
  }
  if (!isRecord(value) || typeof value.lat !== 'number' || typeof value.lon !== 'number') {
    return undefined;
  }
  return {
    lat: value.lat,
    lon: value.lon,
    precision: value.precision === 'exact' ? 'exact' : 'place',
    placeName: typeof value.placeName === 'string' ? value.placeName : null,
  };
}

/**
 * Checks the shape of one post from the server. The stream is long-lived and a single malformed
 * event must not take the feed down, so bad items are dropped instead of thrown.
 */
export function parsePost(value: unknown): Post | null {
  if (!isRecord(value)) {
    return null;
  }
  const { id, source, sourceId, authorPseudonym, text, createdAt, receivedAt } = value;
  if (
    typeof id !== 'string' ||
    typeof source !== 'string' ||
    typeof authorPseudonym !== 'string' ||
    typeof text !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof receivedAt !== 'string'
  ) {
    return null;
  }
  const location = parseLocation(value.location);
  if (location === undefined) {
    return null;
  }
  const media = Array.isArray(value.media)
    ? value.media.filter(
        (m): m is PostMedia => isRecord(m) && typeof m.url === 'string' && typeof m.type === 'string',
      )
    : [];
  return {
    id,
    source,
    sourceId: typeof sourceId === 'string' ? sourceId : '',
    url: typeof value.url === 'string' ? value.url : null,
    authorPseudonym,
    text,
    language: typeof value.language === 'string' ? value.language : null,
    createdAt,
    receivedAt,
    location,
    hashtags: isStringArray(value.hashtags) ? value.hashtags : [],
    mentions: isStringArray(value.mentions) ? value.mentions : [],
    media: media.map((m) => ({ url: m.url, type: m.type })),
    replyTo: isNullableString(value.replyTo) ? value.replyTo : null,
    repostOf: isNullableString(value.repostOf) ? value.repostOf : null,
    quoteOf: isNullableString(value.quoteOf) ? value.quoteOf : null,
  };
}

/** Parses `event: stats` data; null when it is not the expected shape. */
export function parseStats(value: unknown): StreamStats | null {
  if (!isRecord(value) || typeof value.received !== 'number' || typeof value.rate !== 'number') {
    return null;
  }
  return { received: value.received, rate: value.rate };
}

function parseProblem(value: unknown, status: number): Problem | null {
  if (!isRecord(value)) {
    return null;
  }
  return {
    type: typeof value.type === 'string' ? value.type : 'about:blank',
    title: typeof value.title === 'string' ? value.title : '',
    status: typeof value.status === 'number' ? value.status : status,
    ...(typeof value.detail === 'string' ? { detail: value.detail } : {}),
    ...(typeof value.instance === 'string' ? { instance: value.instance } : {}),
    ...(typeof value.code === 'string' ? { code: value.code } : {}),
  };
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | null {
  if (!header) {
    return null;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      problem = parseProblem(await response.json(), response.status);
    } catch {
      problem = null;
    }
  }
  return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('retry-after')));
}

/** Builds the client; tests pass their own `fetch`. */
export function createApiClient(options: { fetch?: FetchLike } = {}): ApiClient {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(path, {
        credentials: 'same-origin',
        ...init,
        headers: { accept: 'application/json', ...init.headers },
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw new NetworkError(error instanceof Error ? error.message : 'network error');
    }
    if (!response.ok) {
      throw await toApiError(response);
    }
    return response;
  }

  return {
    async getSession() {
      try {
        const response = await request('/api/auth/me');
        return (await response.json()) as Session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },

    async login(email, password) {
      await request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    },

    async logout() {
      // No body and no content-type: a JSON content-type with an empty body is a 400 in Fastify.
      await request('/api/auth/logout', { method: 'POST' });
    },

    async listPosts({ limit = 50, before = null, signal } = {}) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (before) {
        query.set('before', before);
      }
      const response = await request(`/api/posts?${query.toString()}`, signal ? { signal } : {});
      const body: unknown = await response.json();
      if (!isRecord(body) || !Array.isArray(body.items)) {
        throw new ApiError(response.status, null);
      }
      return {
        items: body.items.map(parsePost).filter((post): post is Post => post !== null),
        nextCursor: typeof body.nextCursor === 'string' ? body.nextCursor : null,
      };
    },
  };
}
