import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '#platform/http/server.ts';
import type { Connector, Post } from '../../web/ui/api.ts';
import { spaFallbackPath } from '../../web/ui/spa-fallback.ts';
import { isCategoryId, isPriority } from '../../web/ui/taxonomy.ts';
import { connectorRoutes } from './mock-connectors.ts';
import { initialConnectors, loadScenarioPosts, type FixturePost } from './mock-fixtures.ts';

/*
 * A stand-in for the Waakzaam server for looking at the dashboard without the real one: serves
 * dist/web under the production CSP and answers the Watch API (posts with analysis, SSE stream,
 * feedback, reveal, map, map settings, municipality outlines, connectors) from fixture data.
 * Run: `npx vite build && node --import tsx test/web/mock-server.ts` (PORT=4300 by default).
 * Sign in with coordinator@example.nl (everything), analist@example.nl (no reveal) or
 * kijker@example.nl (read only); any password. test/web/visual-check.ts drives it in Chromium.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const USERS: Record<string, { name: string; roles: string[]; permissions: string[] }> = {
  'coordinator@example.nl': { name: 'Carla Coördinator', roles: ['coordinator'], permissions: ['posts:read', 'watch:manage', 'identities:reveal'] },
  'analist@example.nl': { name: 'Ahmed Analist', roles: ['analyst'], permissions: ['posts:read', 'watch:manage'] },
  'kijker@example.nl': { name: 'Kim Kijker', roles: ['viewer'], permissions: ['posts:read'] },
};

/** The CSP header exactly as the real server builds it from CONTENT_SECURITY_POLICY. */
export function cspHeader(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
};

function municipalitiesFile(): string | null {
  const candidates = [join(ROOT, 'data/gemeenten.geojson'), join(ROOT, '../shared/data/nl-gemeenten-2023.geojson')];
  return candidates.find((path) => existsSync(path)) ?? null;
}

export interface MockServerOptions {
  port?: number;
  distDir?: string;
  /** A live post every this many ms (0 = none). */
  liveEveryMs?: number;
  tileUrl?: string | null;
  initialPosts?: number;
}

export interface MockServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the mock server on 127.0.0.1. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const distDir = options.distDir ?? join(ROOT, 'dist/web');
  const initial = options.initialPosts ?? 600;
  const store: FixturePost[] = loadScenarioPosts(initial, Date.now());
  const pending = loadScenarioPosts(2000, Date.now(), initial);
  const connectors: Connector[] = initialConnectors(Date.now());
  const sessions = new Map<string, string>();
  const streams = new Set<ServerResponse>();
  let received = store.length;
  const arrivals: number[] = [];

  const sorted = () => [...store].sort((a, b) => (a.post.receivedAt < b.post.receivedAt ? 1 : a.post.receivedAt > b.post.receivedAt ? -1 : a.post.id < b.post.id ? 1 : -1));

  function send(res: ServerResponse, status: number, body?: unknown, type = 'application/json'): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  function problem(res: ServerResponse, status: number, detail: string, extra: Record<string, unknown> = {}): void {
    send(res, status, { type: 'about:blank', title: detail, status, detail, ...extra }, 'application/problem+json');
  }

  function userOf(req: IncomingMessage) {
    const token = /(?:^|;\s*)mock_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const email = token ? sessions.get(token) : undefined;
    const user = email ? USERS[email] : undefined;
    return email && user ? { email, ...user } : null;
  }

  async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  function broadcast(event: string, data: unknown): void {
    for (const stream of streams) {
      stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    }
  }

  const live = options.liveEveryMs ?? 900;
  const liveTimer =
    live > 0
      ? setInterval(() => {
          const next = pending.shift();
          if (!next) {
            return;
          }
          next.post = { ...next.post, receivedAt: new Date().toISOString() };
          store.push(next);
          received += 1;
          arrivals.push(Date.now());
          broadcast('post', next.post);
        }, live)
      : null;
  const statsTimer = setInterval(() => {
    const since = Date.now() - 10_000;
    while (arrivals.length > 0 && (arrivals[0] ?? 0) < since) {
      arrivals.shift();
    }
    broadcast('stats', { received, rate: arrivals.length / 10 });
    for (const stream of streams) {
      stream.write(': ping\n\n');
    }
  }, 2000);

  function listPosts(url: URL): { items: Post[]; nextCursor: string | null } {
    const q = url.searchParams;
    const limit = Math.min(200, Number(q.get('limit') ?? 50) || 50);
    const words = (q.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const priorities = q.get('priority')?.split(',').filter(Boolean) ?? [];
    const before = q.get('before') ? Buffer.from(q.get('before') ?? '', 'base64url').toString('utf8') : null;
    const matching = sorted()
      .map((f) => f.post)
      .filter((p) => {
        const a = p.analysis;
        if (before && `${p.receivedAt}|${p.id}` >= before) return false;
        if (words.length > 0 && !words.every((w) => p.text.toLowerCase().includes(w))) return false;
        if (q.get('source') && p.source !== q.get('source')) return false;
        const category = q.get('category');
        if (category && (category === 'none' ? a?.category !== null : a?.category !== category)) return false;
        if (priorities.length > 0 && !(a && a.relevant && priorities.includes(a.priority))) return false;
        if (q.get('relevant') && String(a?.relevant ?? false) !== q.get('relevant')) return false;
        if (q.get('located') === 'true' && !p.location) return false;
        return true;
      });
    const items = matching.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: matching.length > limit && last ? Buffer.from(`${last.receivedAt}|${last.id}`).toString('base64url') : null };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/api/auth/login' && method === 'POST') {
      const { email } = await body(req);
      if (typeof email !== 'string' || !USERS[email]) {
        return problem(res, 401, 'Onjuist e-mailadres of wachtwoord.');
      }
      const token = randomUUID();
      sessions.set(token, email);
      res.setHeader('set-cookie', `mock_session=${token}; Path=/; HttpOnly; SameSite=Lax`);
      return send(res, 204);
    }
    const user = userOf(req);
    if (!user) {
      return problem(res, 401, 'Not signed in.');
    }
    const need = (permission: string) => {
      if (!user.permissions.includes(permission)) {
        problem(res, 403, `This needs the permission ${permission}.`);
        return false;
      }
      return true;
    };
    if (path === '/api/auth/logout') {
      return send(res, 204);
    }
    if (path === '/api/auth/me') {
      return send(res, 200, { user: { id: 'u1', email: user.email, name: user.name, roles: user.roles, permissions: user.permissions }, organisation: { id: 'o1', name: 'Veiligheidsregio Utrecht', kind: 'safety_region' } });
    }
    if (path === '/api/posts/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (path === '/api/posts' && method === 'GET') {
      return send(res, 200, listPosts(url));
    }
    const postMatch = /^\/api\/posts\/([^/]+)(\/feedback|\/reveal)?$/.exec(path);
    if (postMatch) {
      const fixture = store.find((f) => f.post.id === decodeURIComponent(postMatch[1] ?? ''));
      if (!fixture) {
        return problem(res, 404, 'No such post.');
      }
      if (!postMatch[2]) {
        return send(res, 200, fixture.post);
      }
      if (postMatch[2] === '/feedback') {
        if (!need('watch:manage')) return;
        const { label, priority } = await body(req);
        if (typeof label !== 'string' || (label !== 'none' && !isCategoryId(label)) || (priority !== undefined && !isPriority(priority))) {
          return problem(res, 400, 'Invalid feedback.', { errors: [{ path: 'label', message: 'Unknown label' }] });
        }
        const analysis = fixture.post.analysis;
        if (analysis) {
          const relevant = label !== 'none';
          fixture.post = {
            ...fixture.post,
            analysis: {
              ...analysis,
              relevant,
              category: relevant && isCategoryId(label) ? label : null,
              priority: isPriority(priority) ? priority : relevant ? analysis.priority : 'low',
              confidence: 0.99,
              relevance: relevant ? Math.max(analysis.relevance, 0.9) : Math.min(analysis.relevance, 0.1),
              explanation: [{ feature: `feedback:${label}`, weight: 3 }, ...analysis.explanation],
              feedback: { label, priority: isPriority(priority) ? priority : null, at: new Date().toISOString() },
            },
          };
        }
        return send(res, 200, fixture.post);
      }
      if (!need('identities:reveal')) return;
      const { purpose } = await body(req);
      if (typeof purpose !== 'string' || purpose.trim().length < 10 || purpose.length > 500) {
        return problem(res, 400, 'A purpose of 10 to 500 characters is required.', { errors: [{ path: 'purpose', message: 'Too short' }] });
      }
      if (!fixture.identityKept) {
        return problem(res, 404, 'No identity is kept for this post.');
      }
      return send(res, 200, { handle: fixture.handle, source: fixture.post.source, revealedAt: new Date().toISOString() });
    }
    if (path === '/api/watch/map') {
      const since = url.searchParams.get('since');
      const category = url.searchParams.get('category');
      const features = sorted()
        .map((f) => f.post)
        .filter((p) => p.location && (!since || p.receivedAt >= since) && (!category || (p.analysis?.category ?? 'none') === category))
        .slice(0, Number(url.searchParams.get('limit') ?? 1000))
        .map((p) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p.location?.lon, p.location?.lat] },
          properties: { id: p.id, text: p.text.slice(0, 140), category: p.analysis?.category ?? null, priority: p.analysis?.priority ?? 'low', createdAt: p.createdAt, precision: p.location?.precision, placeName: p.location?.placeName },
        }));
      return send(res, 200, { type: 'FeatureCollection', features });
    }
    if (path === '/api/settings/map') {
      return send(res, 200, { tileUrl: options.tileUrl ?? null, attribution: options.tileUrl ? 'Kaartgegevens © Kadaster' : null });
    }
    if (path.startsWith('/api/connectors')) {
      if (!need('watch:manage')) return;
      return connectorRoutes(req, res, { path, method, connectors, send, problem, body });
    }
    return problem(res, 404, 'Not found.');
  }

  function file(req: IncomingMessage, res: ServerResponse, url: URL): void {
    let path = url.pathname;
    if (path === '/data/gemeenten.geojson') {
      const source = municipalitiesFile();
      if (!source) {
        return problem(res, 404, 'No municipality outlines.');
      }
      res.writeHead(200, { 'content-type': TYPES['.geojson'] ?? '', 'cache-control': 'max-age=3600' });
      res.end(readFileSync(source));
      return;
    }
    const fallback = (req.headers.accept ?? '').includes('text/html') ? spaFallbackPath(`${url.pathname}${url.search}`) : null;
    path = fallback ?? path;
    const full = normalize(join(distDir, path));
    if (!full.startsWith(distDir) || !existsSync(full) || !extname(full)) {
      return problem(res, 404, 'Not found.');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream', 'content-security-policy': cspHeader(), 'cache-control': 'no-cache' });
    res.end(readFileSync(full));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handle = url.pathname.startsWith('/api/') ? api(req, res, url) : Promise.resolve(file(req, res, url));
    handle.catch((error: unknown) => {
      if (!res.headersSent) {
        problem(res, 500, error instanceof Error ? error.message : 'error');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      if (liveTimer) clearInterval(liveTimer);
      clearInterval(statsTimer);
      for (const stream of streams) {
        stream.end();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startMockServer({ port: Number(process.env.PORT ?? 4300), tileUrl: process.env.MOCK_TILE_URL ?? null });
  console.log(`Mock Waakzaam at ${server.url} (coordinator@example.nl, analist@example.nl, kijker@example.nl; any password)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
