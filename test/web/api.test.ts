import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, NetworkError, parsePost, parseRetryAfter, parseStats, postsQueryString } from '../../web/ui/api.ts';
import { buildAnalysis, buildPost } from './builders.ts';

type Call = { url: string; init: RequestInit | undefined };

function fakeFetch(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const problem = (status: number, detail: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('api client', () => {
  it('returns the session, or null when not signed in', async () => {
    const session = {
      user: { id: 'u1', email: 'a@b.nl', name: 'A', roles: ['analyst'], permissions: ['watch:read'] },
      organisation: { id: 'o1', name: 'Politie Utrecht', kind: 'police' },
    };
    expect(await createApiClient({ fetch: fakeFetch(() => json(200, session)).fetch }).getSession()).toEqual(session);
    expect(await createApiClient({ fetch: fakeFetch(() => problem(401, 'Not signed in')).fetch }).getSession()).toBeNull();
  });

  it('posts the login as JSON and surfaces the problem detail', async () => {
    const { fetch, calls } = fakeFetch(() => problem(401, 'Onjuist e-mailadres of wachtwoord.'));
    const error = await createApiClient({ fetch }).login('a@b.nl', 'secret').catch((e: unknown) => e);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({ email: 'a@b.nl', password: 'secret' });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.detail).toBe('Onjuist e-mailadres of wachtwoord.');
  });

  it('reads Retry-After on 429', async () => {
    const { fetch } = fakeFetch(() => problem(429, 'Too many', { 'retry-after': '30' }));
    const error = (await createApiClient({ fetch }).login('a@b.nl', 'x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('logs out without a body or JSON content-type (Fastify rejects an empty JSON body)', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    await createApiClient({ fetch }).logout();
    expect(calls[0]?.init?.body).toBeUndefined();
    expect(JSON.stringify(calls[0]?.init?.headers)).not.toContain('content-type');
  });

  it('pages through posts with limit and before, dropping malformed items', async () => {
    const post = buildPost();
    const { fetch, calls } = fakeFetch(() => json(200, { items: [post, { id: 1 }], nextCursor: 'next' }));
    const page = await createApiClient({ fetch }).listPosts({ limit: 50, before: 'abc' });
    expect(calls[0]?.url).toBe('/api/posts?limit=50&before=abc');
    expect(page).toEqual({ items: [post], nextCursor: 'next' });
  });

  it('reports an unreachable server as a NetworkError', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createApiClient({ fetch }).getSession()).rejects.toBeInstanceOf(NetworkError);
  });

  it('keeps a non-JSON error page as an ApiError without problem', async () => {
    const { fetch } = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = (await createApiClient({ fetch }).listPosts().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.problem).toBeNull();
  });
});

describe('parsers', () => {
  it('accepts a full post and fills optional fields', () => {
    const post = buildPost({ location: { lat: 52.09, lon: 5.12, precision: 'exact', placeName: null } });
    expect(parsePost(post)).toEqual(post);
    const { hashtags: _h, mentions: _m, media: _media, ...minimal } = post;
    expect(parsePost(minimal)).toMatchObject({ hashtags: [], mentions: [], media: [] });
  });

  it('rejects posts without the required fields or with a bad location', () => {
    expect(parsePost(null)).toBeNull();
    expect(parsePost({ ...buildPost(), text: 42 })).toBeNull();
    expect(parsePost({ ...buildPost(), location: { lat: 'x' } })).toBeNull();
  });

  it('parses stats', () => {
    expect(parseStats({ received: 10, rate: 2.5 })).toEqual({ received: 10, rate: 2.5 });
    expect(parseStats({ received: '10' })).toBeNull();
  });

  it('parses Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('watch API', () => {
  it('sends column filters as query parameters, several priorities comma-separated', () => {
    expect(postsQueryString({ limit: 50, relevant: true, priority: ['high', 'critical'] })).toBe('limit=50&priority=high%2Ccritical&relevant=true');
    expect(postsQueryString({ category: 'none', q: '  stroom ', source: 'p2000', located: true, before: 'c1' })).toBe(
      'limit=50&before=c1&q=stroom&source=p2000&category=none&located=true',
    );
    expect(postsQueryString({ q: '   ', priority: [] })).toBe('limit=50');
  });

  it('reads the analysis of a post, and keeps the post when the analysis is malformed', () => {
    const analysis = buildAnalysis({ places: [{ name: 'Neude', kind: 'square' }], feedback: { label: 'fire', priority: 'high', at: '2026-11-29T20:00:00.000Z' } });
    expect(parsePost(buildPost({ analysis }))?.analysis).toEqual(analysis);
    const odd = parsePost({ ...buildPost(), analysis: { relevant: 'yes' } });
    expect(odd).not.toBeNull();
    expect(odd?.analysis).toBeNull();
    const partial = parsePost({ ...buildPost(), analysis: { relevant: true, priority: 'high', category: 'unknown', explanation: [{ feature: 'x', weight: 'heavy' }, { feature: 'y', weight: 1 }] } });
    expect(partial?.analysis).toMatchObject({ category: null, explanation: [{ feature: 'y', weight: 1 }], places: [], feedback: null });
  });

  it('posts feedback and answers the re-classified post', async () => {
    const updated = buildPost({ analysis: buildAnalysis({ category: 'weather' }) });
    const { fetch, calls } = fakeFetch(() => json(200, updated));
    expect(await createApiClient({ fetch }).sendFeedback('p/1', { label: 'weather', priority: 'high' })).toEqual(updated);
    expect(calls[0]?.url).toBe('/api/posts/p%2F1/feedback');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({ label: 'weather', priority: 'high' });
  });

  it('reveals an identity with its purpose, and reports 404 when none is kept', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { handle: '@anna@mastodon.example', source: 'mastodon', revealedAt: '2026-11-29T20:00:00.000Z' }));
    expect((await createApiClient({ fetch }).revealIdentity('p1', 'Onderzoek naar dreiging')).handle).toBe('@anna@mastodon.example');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({ purpose: 'Onderzoek naar dreiging' });
    const gone = await createApiClient({ fetch: fakeFetch(() => problem(404, 'No identity kept')).fetch })
      .revealIdentity('p1', 'Onderzoek naar dreiging')
      .catch((e: unknown) => e);
    expect((gone as ApiError).status).toBe(404);
  });

  it('manages connectors and passes validation errors on', async () => {
    const connector = { id: 'c1', kind: 'rss', name: 'Nieuws', enabled: true, config: {}, health: { state: 'live', message: null, since: 'x', lastPostAt: null, postsTotal: 3, malformedTotal: 0 }, webhookUrl: null };
    const { fetch, calls } = fakeFetch((url, init) => (init?.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, url.endsWith('/api/connectors') && !init?.method ? { items: [connector, { bad: true }] } : connector)));
    const client = createApiClient({ fetch });
    expect(await client.listConnectors()).toHaveLength(1);
    await client.updateConnector('c1', { enabled: false });
    await client.deleteConnector('c1');
    expect(calls.map((c) => [c.init?.method ?? 'GET', c.url])).toEqual([
      ['GET', '/api/connectors'],
      ['PATCH', '/api/connectors/c1'],
      ['DELETE', '/api/connectors/c1'],
    ]);
    const invalid = new Response(JSON.stringify({ type: 'about:blank', title: 'Bad', status: 400, detail: 'Invalid', errors: [{ path: ['config', 'feedUrl'], message: 'Invalid url' }] }), {
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
    });
    const error = (await createApiClient({ fetch: fakeFetch(() => invalid).fetch }).createConnector({ kind: 'rss', name: 'x', config: {}, enabled: true }).catch((e: unknown) => e)) as ApiError;
    expect(error.problem?.errors).toEqual([{ path: 'config.feedUrl', message: 'Invalid url' }]);
  });

  it('reads the map posts and the map settings', async () => {
    const { fetch, calls } = fakeFetch((url) =>
      url.startsWith('/api/settings')
        ? json(200, { tileUrl: '', attribution: null })
        : json(200, { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [5.1, 52.1] }, properties: { id: 'p1' } }] }),
    );
    const client = createApiClient({ fetch });
    expect((await client.getMapPosts({ category: 'fire', since: '2026-07-04T20:00:00.000Z' })).map((p) => p.id)).toEqual(['p1']);
    expect(calls[0]?.url).toBe('/api/watch/map?limit=1000&category=fire&since=2026-07-04T20%3A00%3A00.000Z');
    expect(await client.getMapSettings()).toEqual({ tileUrl: null, attribution: null });
  });
});
