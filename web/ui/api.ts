import type { FeatureCollection } from 'geojson';
import {
  isRecord,
  parseConnector,
  parseConnectorKind,
  parseItems,
  parseMapSettings,
  parsePost,
  parseProblem,
  parseRevealed,
} from './api-parse.ts';
import type {
  Connector,
  ConnectorInput,
  ConnectorKindInfo,
  ConnectorPatch,
  MapSettings,
  Post,
  PostPage,
  PostQuery,
  Problem,
  RevealedIdentity,
  Session,
} from './api-types.ts';
import { parseMapCollection, type LocatedPost } from './map-data.ts';
import type { Priority } from './taxonomy.ts';

/*
 * The web apps' only door to the server. Types mirror the HTTP contract (api-types.ts); the
 * server answers errors as RFC 9457 problem+json. Authentication is a same-origin session cookie,
 * so no token is handled here.
 */

export type * from './api-types.ts';
export { SECRET_MASK } from './api-types.ts';
export { parsePost, parseStats } from './api-parse.ts';
export type { CategoryId, Priority } from './taxonomy.ts';

export const POST_STREAM_URL = '/api/posts/stream';
/** Municipality outlines for the offline base map, served by the server itself (no network needed). */
export const MUNICIPALITIES_URL = '/data/gemeenten.geojson';

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

export interface ListPostsOptions extends PostQuery {
  limit?: number;
  before?: string | null;
  signal?: AbortSignal;
}

export interface ApiClient {
  /** The signed-in session, or null when not signed in (401). */
  getSession(): Promise<Session | null>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  listPosts(options?: ListPostsOptions): Promise<PostPage>;
  getPost(id: string, options?: { signal?: AbortSignal }): Promise<Post>;
  /** Confirms or corrects a classification; answers the post, re-classified. */
  sendFeedback(id: string, feedback: { label: string; priority?: Priority }): Promise<Post>;
  revealIdentity(id: string, purpose: string): Promise<RevealedIdentity>;
  getMapPosts(options?: { category?: string; since?: string | null; limit?: number; signal?: AbortSignal }): Promise<LocatedPost[]>;
  getMapSettings(): Promise<MapSettings>;
  getMunicipalities(): Promise<FeatureCollection>;
  listConnectorKinds(): Promise<ConnectorKindInfo[]>;
  listConnectors(options?: { signal?: AbortSignal }): Promise<Connector[]>;
  createConnector(input: ConnectorInput): Promise<Connector>;
  updateConnector(id: string, patch: ConnectorPatch): Promise<Connector>;
  deleteConnector(id: string): Promise<void>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

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

/** The query string of `GET /api/posts`; absent and empty filters are left out. */
export function postsQueryString(options: ListPostsOptions): string {
  const query = new URLSearchParams({ limit: String(options.limit ?? 50) });
  if (options.before) {
    query.set('before', options.before);
  }
  if (options.q?.trim()) {
    query.set('q', options.q.trim());
  }
  if (options.source) {
    query.set('source', options.source);
  }
  if (options.category) {
    query.set('category', options.category);
  }
  if (options.priority !== undefined) {
    const priorities: readonly Priority[] = typeof options.priority === 'string' ? [options.priority] : options.priority;
    if (priorities.length > 0) {
      query.set('priority', priorities.join(','));
    }
  }
  if (options.relevant !== undefined) {
    query.set('relevant', String(options.relevant));
  }
  if (options.located) {
    query.set('located', 'true');
  }
  return query.toString();
}

const JSON_BODY = { 'content-type': 'application/json' };

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

  async function json<T>(path: string, parse: (body: unknown) => T | null, init: RequestInit = {}): Promise<T> {
    const response = await request(path, init);
    const parsed = parse(await response.json());
    if (parsed === null) {
      throw new ApiError(response.status, null);
    }
    return parsed;
  }

  const send = (method: string, body: unknown): RequestInit => ({ method, headers: JSON_BODY, body: JSON.stringify(body) });
  const withSignal = (signal: AbortSignal | undefined): RequestInit => (signal ? { signal } : {});
  const postPath = (id: string) => `/api/posts/${encodeURIComponent(id)}`;
  const connectorPath = (id: string) => `/api/connectors/${encodeURIComponent(id)}`;

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
      await request('/api/auth/login', send('POST', { email, password }));
    },

    async logout() {
      // No body and no content-type: a JSON content-type with an empty body is a 400 in Fastify.
      await request('/api/auth/logout', { method: 'POST' });
    },

    listPosts(listOptions = {}) {
      return json(
        `/api/posts?${postsQueryString(listOptions)}`,
        (body) => {
          const items = parseItems(body, parsePost);
          return items && { items, nextCursor: isRecord(body) && typeof body.nextCursor === 'string' ? body.nextCursor : null };
        },
        withSignal(listOptions.signal),
      );
    },

    getPost(id, { signal } = {}) {
      return json(postPath(id), parsePost, withSignal(signal));
    },

    sendFeedback(id, feedback) {
      return json(`${postPath(id)}/feedback`, parsePost, send('POST', feedback));
    },

    revealIdentity(id, purpose) {
      return json(`${postPath(id)}/reveal`, parseRevealed, send('POST', { purpose }));
    },

    getMapPosts({ category, since, limit = 1000, signal } = {}) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (category) {
        query.set('category', category);
      }
      if (since) {
        query.set('since', since);
      }
      return json(`/api/watch/map?${query.toString()}`, parseMapCollection, withSignal(signal));
    },

    getMapSettings() {
      return json('/api/settings/map', parseMapSettings);
    },

    getMunicipalities() {
      return json(MUNICIPALITIES_URL, (body) =>
        isRecord(body) && body.type === 'FeatureCollection' && Array.isArray(body.features) ? (body as unknown as FeatureCollection) : null,
      );
    },

    listConnectorKinds() {
      return json('/api/connectors/kinds', (body) => parseItems(body, parseConnectorKind));
    },

    listConnectors({ signal } = {}) {
      return json('/api/connectors', (body) => parseItems(body, parseConnector), withSignal(signal));
    },

    createConnector(input) {
      return json('/api/connectors', parseConnector, send('POST', input));
    },

    updateConnector(id, patch) {
      return json(connectorPath(id), parseConnector, send('PATCH', patch));
    },

    async deleteConnector(id) {
      await request(connectorPath(id), { method: 'DELETE' });
    },
  };
}
