import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How the fake server answers one path. */
export interface FeedResponse {
  status?: number;
  body?: string | Buffer;
  contentType?: string;
  /** Validators: a request that sends them back (If-None-Match / If-Modified-Since) gets a 304. */
  etag?: string;
  lastModified?: string;
  headers?: Record<string, string>;
  /** Answer after this long: a slow server. */
  delayMs?: number;
  gzip?: boolean;
  /** Stream this many filler bytes in chunks, without Content-Length: an oversized body. */
  streamBytes?: number;
}

export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) that serves feeds and CAP documents the way real
 * servers do: validators and 304s, Retry-After, gzip, slow and oversized answers. It records
 * every request, so tests can assert on conditional headers and on what was (not) fetched.
 */
export class FakeFeedServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, FeedResponse | ((req: IncomingMessage) => FeedResponse)>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FakeFeedServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new FakeFeedServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => instance.answer(req, res));
    return instance;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  set(path: string, response: FeedResponse | ((req: IncomingMessage) => FeedResponse)): void {
    this.routes.set(path, response);
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    const route = this.routes.get(path);
    const spec: FeedResponse = route === undefined ? { status: 404, body: 'not found', contentType: 'text/plain' } : typeof route === 'function' ? route(req) : route;
    const notModified =
      (spec.etag !== undefined && req.headers['if-none-match'] === spec.etag) ||
      (spec.etag === undefined && spec.lastModified !== undefined && req.headers['if-modified-since'] === spec.lastModified);
    const status = notModified ? 304 : (spec.status ?? 200);
    this.requests.push({ path, headers: { ...req.headers }, status });
    const send = () => {
      const headers: Record<string, string> = { ...spec.headers };
      if (spec.etag) headers.etag = spec.etag;
      if (spec.lastModified) headers['last-modified'] = spec.lastModified;
      if (notModified) {
        res.writeHead(304, headers).end();
        return;
      }
      if (spec.contentType) headers['content-type'] = spec.contentType;
      if (spec.streamBytes !== undefined) {
        res.writeHead(status, headers);
        this.stream(res, spec.streamBytes);
        return;
      }
      let body = typeof spec.body === 'string' ? Buffer.from(spec.body, 'utf8') : (spec.body ?? Buffer.alloc(0));
      if (spec.gzip) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(status, headers).end(body);
    };
    if (spec.delayMs) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        send();
      }, spec.delayMs);
      this.timers.add(timer);
    } else send();
  }

  private stream(res: ServerResponse, bytes: number): void {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let left = bytes;
    const pump = () => {
      while (left > 0) {
        const part = chunk.subarray(0, Math.min(chunk.length, left));
        left -= part.length;
        if (!res.write(part)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => (left = 0));
    pump();
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FeedItemSpec {
  id: string;
  title: string;
  /** HTML (escaped into the document as text). */
  description?: string;
  link?: string;
  date?: Date;
  categories?: string[];
  enclosure?: { url: string; type: string };
}

/** An RSS 2.0 document. */
export function buildRssFeed(feed: { title: string; link?: string; language?: string; items: FeedItemSpec[] }): string {
  const items = feed.items.map((i) =>
    [
      '<item>',
      `<title>${escapeXml(i.title)}</title>`,
      i.link ? `<link>${escapeXml(i.link)}</link>` : '',
      `<guid isPermaLink="false">${escapeXml(i.id)}</guid>`,
      i.description === undefined ? '' : `<description>${escapeXml(i.description)}</description>`,
      i.date ? `<pubDate>${i.date.toUTCString()}</pubDate>` : '',
      ...(i.categories ?? []).map((c) => `<category>${escapeXml(c)}</category>`),
      i.enclosure ? `<enclosure url="${escapeXml(i.enclosure.url)}" type="${escapeXml(i.enclosure.type)}" length="1"/>` : '',
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(feed.title)}</title><link>${escapeXml(feed.link ?? 'https://example.nl/')}</link>${feed.language ? `<language>${feed.language}</language>` : ''}${items.join('\n')}</channel></rss>`;
}

/** An Atom 1.0 document (summaries as type="html"). */
export function buildAtomFeed(feed: { title: string; items: FeedItemSpec[]; lang?: string }): string {
  const entries = feed.items.map((i) =>
    [
      '<entry>',
      `<id>${escapeXml(i.id)}</id>`,
      `<title type="text">${escapeXml(i.title)}</title>`,
      `<updated>${(i.date ?? new Date(0)).toISOString()}</updated>`,
      i.link ? `<link rel="alternate" type="text/html" href="${escapeXml(i.link)}"/>` : '',
      i.description === undefined ? '' : `<summary type="html">${escapeXml(i.description)}</summary>`,
      ...(i.categories ?? []).map((c) => `<category term="${escapeXml(c)}"/>`),
      '</entry>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"${feed.lang ? ` xml:lang="${feed.lang}"` : ''}><id>urn:test:feed</id><title>${escapeXml(feed.title)}</title><updated>2026-07-04T19:00:00Z</updated>${entries.join('\n')}</feed>`;
}

/** An RSS 1.0 (RDF) document. */
export function buildRdfFeed(feed: { title: string; items: FeedItemSpec[] }): string {
  const items = feed.items.map(
    (i) =>
      `<item rdf:about="${escapeXml(i.id)}"><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link ?? i.id)}</link>${i.description === undefined ? '' : `<description>${escapeXml(i.description)}</description>`}${i.date ? `<dc:date>${i.date.toISOString()}</dc:date>` : ''}</item>`,
  );
  return `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://example.nl/"><title>${escapeXml(feed.title)}</title><link>https://example.nl/</link></channel>${items.join('')}</rdf:RDF>`;
}

export interface CapSpec {
  identifier: string;
  sender?: string;
  /** CAP form, e.g. 2026-07-04T21:30:00+02:00. */
  sent?: string;
  status?: string;
  msgType?: string;
  references?: string;
  headline?: string;
  description?: string;
  language?: string;
  areaDesc?: string;
  polygon?: string;
  circle?: string;
}

/** A CAP 1.2 alert with one info block and one area. */
export function buildCapAlert(spec: CapSpec): string {
  const area = `<area><areaDesc>${escapeXml(spec.areaDesc ?? 'Utrecht')}</areaDesc>${spec.polygon ? `<polygon>${spec.polygon}</polygon>` : ''}${spec.circle ? `<circle>${spec.circle}</circle>` : ''}</area>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${escapeXml(spec.identifier)}</identifier><sender>${escapeXml(spec.sender ?? 'vru@example.nl')}</sender><sent>${spec.sent ?? '2026-07-04T21:30:00+02:00'}</sent><status>${spec.status ?? 'Actual'}</status><msgType>${spec.msgType ?? 'Alert'}</msgType><scope>Public</scope>${spec.references ? `<references>${spec.references}</references>` : ''}<info><language>${spec.language ?? 'nl-NL'}</language><category>Fire</category><event>Brand</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty><headline>${escapeXml(spec.headline ?? 'Grote brand')}</headline><description>${escapeXml(spec.description ?? 'Houd ramen en deuren gesloten.')}</description>${area}</info></alert>`;
}

/** An Atom index whose entries link to CAP documents (type application/cap+xml). */
export function buildCapIndex(entries: { id: string; updated: string; href: string; title?: string }[]): string {
  const body = entries
    .map((e) => `<entry><id>${escapeXml(e.id)}</id><title>${escapeXml(e.title ?? e.id)}</title><updated>${e.updated}</updated><link rel="alternate" type="application/cap+xml" href="${escapeXml(e.href)}"/></entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:test:cap-index</id><title>Waarschuwingen</title><updated>2026-07-04T19:30:00Z</updated>${body}</feed>`;
}
