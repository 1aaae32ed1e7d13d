import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local Mastodon instance for connector tests: the REST timelines (with `min_id`, `since_id`,
 * `max_id`, `limit` and Link headers), instance discovery (`/api/v2/instance`) and the WebSocket
 * streaming API (`/api/v1/streaming?stream=…`, token in the Authorization header, the
 * `Sec-WebSocket-Protocol` header or `access_token`), speaking the documented message shapes.
 */

/** A Status entity as Mastodon serialises it (shape of docs.joinmastodon.org/entities/Status). */
export type StatusJson = Record<string, unknown> & { id: string; visibility: string; account: Record<string, unknown> & { acct: string }; tags: Array<{ name: string }> };

let lastId = 116862251916658528n;

/** A fresh snowflake-like id, larger than every one before it. */
export function nextStatusId(): string {
  lastId += 65536n + BigInt(Math.floor(Math.random() * 1000));
  return lastId.toString();
}

export interface StatusInput {
  id?: string;
  /** `user` for a local account, `user@domain` for a remote one. */
  acct?: string;
  content?: string;
  createdAt?: string;
  visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  language?: string | null;
  tags?: string[];
  mentions?: string[];
  media?: Array<{ type: string; url: string }>;
  inReplyToId?: string | null;
  spoilerText?: string;
  reblog?: StatusJson | null;
  host?: string;
}

/** A realistic Status, modelled on the examples in Mastodon's documentation. */
export function buildStatus(input: StatusInput = {}): StatusJson {
  const host = input.host ?? 'mastodon.example';
  const id = input.id ?? nextStatusId();
  const acct = input.acct ?? 'annelies_kok60';
  const [username, domain = host] = acct.split('@') as [string, string?];
  const tags = input.tags ?? [];
  return {
    id,
    created_at: input.createdAt ?? new Date().toISOString(),
    in_reply_to_id: input.inReplyToId ?? null,
    in_reply_to_account_id: input.inReplyToId ? '1081104' : null,
    sensitive: false,
    spoiler_text: input.spoilerText ?? '',
    visibility: input.visibility ?? 'public',
    language: input.language === undefined ? 'nl' : input.language,
    uri: `https://${domain}/users/${username}/statuses/${id}`,
    url: input.reblog ? null : `https://${domain}/@${username}/${id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    content: input.reblog ? '' : (input.content ?? '<p>Druk bij de Dom vanavond</p>'),
    filtered: [],
    reblog: input.reblog ?? null,
    application: { name: 'Web', website: null },
    account: {
      id: '109334860508022726',
      username,
      acct,
      display_name: 'Annelies 🌊',
      locked: false,
      bot: false,
      discoverable: true,
      group: false,
      created_at: '2022-11-13T00:00:00.000Z',
      note: '<p>Utrecht</p>',
      url: `https://${domain}/@${username}`,
      avatar: `https://${host}/avatars/original/missing.png`,
      avatar_static: `https://${host}/avatars/original/missing.png`,
      header: `https://${host}/headers/original/missing.png`,
      header_static: `https://${host}/headers/original/missing.png`,
      followers_count: 37,
      following_count: 41,
      statuses_count: 1844,
      last_status_at: '2026-07-04',
      emojis: [],
      fields: [],
    },
    media_attachments: (input.media ?? []).map((m, i) => ({
      id: `${id}${i}`,
      type: m.type,
      url: m.url,
      preview_url: m.url,
      remote_url: null,
      text_url: null,
      meta: {},
      description: null,
      blurhash: null,
    })),
    mentions: (input.mentions ?? []).map((m, i) => ({ id: String(1000 + i), username: m.split('@')[0], url: `https://${m.split('@')[1] ?? host}/@${m.split('@')[0]}`, acct: m })),
    tags: tags.map((name) => ({ name: name.toLowerCase(), url: `https://${host}/tags/${name.toLowerCase()}` })),
    emojis: [],
    card: null,
    poll: null,
  };
}

interface Subscriber {
  socket: WebSocket;
  stream: string;
  tag: string | null;
  list: string | null;
}

export interface StreamRequest {
  stream: string | null;
  tag: string | null;
  list: string | null;
  /** How the token came: header, protocol or query. */
  auth: 'header' | 'protocol' | 'query' | 'none';
}

export interface FakeMastodon {
  /** The instance URL to configure (http://127.0.0.1:port). */
  url: string;
  token: string;
  /** Accounts (acct) on each list, by list id. */
  lists: Map<string, Set<string>>;
  /** What clients asked of the streaming endpoint, in order. */
  streamRequests: StreamRequest[];
  /** Timeline requests (path and query), in order. */
  timelineRequests: Array<{ path: string; query: Record<string, string> }>;
  /** Adds a status to the timelines and sends it to the streams it belongs to (unless `stream: false`). */
  publish(status: StatusJson, options?: { stream?: boolean }): void;
  /** Removes a status and sends `delete` to the streams. */
  remove(id: string): void;
  /** Sends one raw frame to every open stream. */
  sendRaw(text: string): void;
  /** Drops every stream connection without a close frame. */
  dropConnections(): void;
  /** Stops answering pings and sending frames, like a connection that died silently. */
  freeze(): void;
  openStreams(): number;
  /** Statuses created through `POST /api/v1/statuses`, in order (a repeated Idempotency-Key adds none). */
  posted: PostedStatus[];
  /** Media uploaded through `POST /api/v2/media`, by id. */
  media: Map<string, UploadedMedia>;
  /** Raw answers for the next `POST /api/v1/statuses` requests, used before normal handling (429, 500, garbage). */
  statusAnswers: Array<{ status: number; body: string; headers?: Record<string, string> }>;
  /** The instance's character limit (default 500). */
  maxCharacters: number;
  close(): Promise<void>;
}

/** A status created through the API, with what the client sent. */
export interface PostedStatus {
  status: StatusJson;
  text: string;
  idempotencyKey: string | null;
  mediaIds: string[];
  visibility: string;
  language: string | null;
}

export interface UploadedMedia {
  id: string;
  type: string;
  mimeType: string;
  size: number;
  description: string | null;
}

export async function startFakeMastodon(options: { token?: string; separateStreamingHost?: boolean; domain?: string } = {}): Promise<FakeMastodon> {
  const token = options.token ?? 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0';
  const statuses: StatusJson[] = [];
  const subscribers = new Set<Subscriber>();
  const lists = new Map<string, Set<string>>();
  const streamRequests: StreamRequest[] = [];
  const timelineRequests: FakeMastodon['timelineRequests'] = [];
  let frozen = false;
  const posted: PostedStatus[] = [];
  const media = new Map<string, UploadedMedia>();
  const statusAnswers: FakeMastodon['statusAnswers'] = [];
  const limits = { maxCharacters: 500 };
  /** Mastodon keeps an Idempotency-Key for an hour per account (Redis key with a 3600 s expiry). */
  const idempotency = new Map<string, { status: StatusJson; at: number }>();

  const api = createServer((req, res) => handleRest(req, res));
  const streaming = options.separateStreamingHost ? createServer((_req, res) => json(res, 404, { error: 'Not found' })) : api;
  const wss = new WebSocketServer({ noServer: true, autoPong: false });
  streaming.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = authOf(req, url);
    streamRequests.push({ stream: url.searchParams.get('stream'), tag: url.searchParams.get('tag'), list: url.searchParams.get('list'), auth: auth.how });
    if (url.pathname !== '/api/v1/streaming' || !auth.valid) {
      socket.end(`HTTP/1.1 ${auth.valid ? '404 Not Found' : '401 Unauthorized'}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"error":"${auth.valid ? 'Not found' : 'Error: Invalid access token'}"}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('ping', (data) => {
        if (!frozen) ws.pong(data);
      });
      ws.on('error', () => undefined);
      const stream = url.searchParams.get('stream') ?? '';
      if (!['public', 'public:local', 'hashtag', 'list'].includes(stream)) {
        ws.send(JSON.stringify({ error: 'Unknown stream type', status: 400 }));
        return;
      }
      const subscriber: Subscriber = { socket: ws, stream, tag: url.searchParams.get('tag'), list: url.searchParams.get('list') };
      subscribers.add(subscriber);
      ws.on('close', () => subscribers.delete(subscriber));
    });
  });

  function authOf(req: IncomingMessage, url: URL): { valid: boolean; how: StreamRequest['auth'] } {
    const header = req.headers.authorization;
    if (header) return { valid: header === `Bearer ${token}`, how: 'header' };
    const protocol = req.headers['sec-websocket-protocol'];
    if (protocol) return { valid: protocol === token, how: 'protocol' };
    const query = url.searchParams.get('access_token');
    if (query) return { valid: query === token, how: 'query' };
    return { valid: false, how: 'none' };
  }

  const isLocal = (s: StatusJson) => !s.account.acct.includes('@');
  const hasTag = (s: StatusJson, tag: string) => s.tags.some((t) => t.name === tag.toLowerCase());

  function inTimeline(s: StatusJson, kind: string, arg: string | null): boolean {
    if (kind === 'list') return arg !== null && (lists.get(arg)?.has(s.account.acct) ?? false) && s.visibility !== 'direct';
    if (s.visibility !== 'public') return false;
    if (kind === 'public:local') return isLocal(s);
    if (kind === 'hashtag') return arg !== null && hasTag(s, arg);
    return kind === 'public';
  }

  function handleRest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST') {
      void handlePost(req, res, url).catch((error: Error) => json(res, 500, { error: error.message }));
      return;
    }
    if (url.pathname === '/api/v2/instance') {
      json(res, 200, {
        domain: options.domain ?? '127.0.0.1',
        title: 'Fake Mastodon',
        version: '4.3.0',
        source_url: 'https://github.com/mastodon/mastodon',
        configuration: { urls: { streaming: streamingOrigin } },
      });
      return;
    }
    const match = /^\/api\/v1\/timelines\/(public|tag\/([^/]+)|list\/([^/]+))$/.exec(url.pathname);
    if (!match) return json(res, 404, { error: 'Not found' });
    timelineRequests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    if (req.headers.authorization !== `Bearer ${token}`) return json(res, 401, { error: 'The access token is invalid' });
    const kind = match[2] ? 'hashtag' : match[3] ? 'list' : url.searchParams.get('local') === 'true' ? 'public:local' : 'public';
    const arg = match[2] ? decodeURIComponent(match[2]) : match[3] ? decodeURIComponent(match[3]) : null;
    if (kind === 'list' && !lists.has(arg!)) return json(res, 404, { error: 'Record not found' });
    const page = paginate(statuses.filter((s) => inTimeline(s, kind, arg)), url.searchParams);
    if (page.length > 0) {
      const base = `${apiOrigin}${url.pathname}`;
      res.setHeader('Link', `<${base}?max_id=${page[page.length - 1]!.id}>; rel="next", <${base}?min_id=${page[0]!.id}>; rel="prev"`);
    }
    json(res, 200, page);
  }

  async function handlePost(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (url.pathname !== '/api/v1/statuses' && url.pathname !== '/api/v2/media') return json(res, 404, { error: 'Not found' });
    if (req.headers.authorization !== `Bearer ${token}`) return json(res, 401, { error: 'The access token is invalid' });
    const contentType = req.headers['content-type'] ?? '';
    if (url.pathname === '/api/v2/media') {
      if (!contentType.startsWith('multipart/form-data')) return json(res, 422, { error: 'Validation failed: File is missing' });
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob) || file.size === 0) return json(res, 422, { error: 'Validation failed: File is missing' });
      if (!/^(image|video|audio)\//.test(file.type)) return json(res, 422, { error: `Validation failed: File content type "${file.type}" is not supported` });
      const id = nextStatusId();
      const description = form.get('description');
      const item: UploadedMedia = { id, type: file.type.split('/')[0]!, mimeType: file.type, size: file.size, description: typeof description === 'string' ? description : null };
      media.set(id, item);
      return json(res, 200, { id, type: item.type, url: `${apiOrigin}/system/media/${id}`, preview_url: `${apiOrigin}/system/media/${id}/small`, remote_url: null, text_url: null, meta: {}, description: item.description, blurhash: null });
    }
    const answer = statusAnswers.shift();
    if (answer) {
      res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(answer.body);
      return;
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const earlier = key === null ? undefined : idempotency.get(key);
    if (earlier && Date.now() - earlier.at < 3_600_000) return json(res, 200, earlier.status);
    let params: Record<string, unknown>;
    if (contentType.startsWith('application/json')) params = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    else {
      const form = new URLSearchParams(raw.toString('utf8'));
      params = { status: form.get('status') ?? undefined, visibility: form.get('visibility') ?? undefined, language: form.get('language') ?? undefined, media_ids: form.getAll('media_ids[]') };
    }
    const text = typeof params.status === 'string' ? params.status : '';
    const mediaIds = Array.isArray(params.media_ids) ? params.media_ids.map(String) : [];
    if (text.trim() === '' && mediaIds.length === 0) return json(res, 422, { error: "Validation failed: Text can't be blank" });
    if (mastodonCharacterCount(text) > limits.maxCharacters) return json(res, 422, { error: `Validation failed: Text character limit of ${limits.maxCharacters} exceeded` });
    if (mediaIds.length > 4) return json(res, 422, { error: 'Validation failed: Media attachments too many (max 4)' });
    if (mediaIds.some((id) => !media.has(id))) return json(res, 422, { error: 'Validation failed: Media attachments not found' });
    const visibility = typeof params.visibility === 'string' ? params.visibility : 'public';
    if (!['public', 'unlisted', 'private', 'direct'].includes(visibility)) return json(res, 422, { error: 'Validation failed: Visibility is not included in the list' });
    const language = typeof params.language === 'string' ? params.language : null;
    const status = buildStatus({
      acct: 'gemeente',
      content: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br />')}</p>`,
      visibility: visibility as StatusInput['visibility'],
      language,
      media: mediaIds.map((id) => ({ type: media.get(id)!.type, url: `${apiOrigin}/system/media/${id}` })),
      host: options.domain ?? '127.0.0.1',
    });
    if (key !== null) idempotency.set(key, { status, at: Date.now() });
    posted.push({ status, text, idempotencyKey: key, mediaIds, visibility, language });
    json(res, 200, status);
  }

  function deliver(status: StatusJson, event: 'update' | 'delete', payload: string): void {
    if (frozen) return;
    for (const s of subscribers) {
      if (!inTimeline(status, s.stream, s.stream === 'list' ? s.list : s.tag)) continue;
      const stream = s.stream === 'hashtag' ? ['hashtag', s.tag] : s.stream === 'list' ? ['list', s.list] : [s.stream];
      s.socket.send(JSON.stringify({ stream, event, payload }));
    }
  }

  await listen(api);
  if (streaming !== api) await listen(streaming);
  const apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  const streamingOrigin = `ws://127.0.0.1:${(streaming.address() as AddressInfo).port}`;

  return {
    url: apiOrigin,
    token,
    lists,
    streamRequests,
    timelineRequests,
    publish(status, publishOptions = {}) {
      statuses.push(status);
      if (publishOptions.stream !== false) deliver(status, 'update', JSON.stringify(status));
    },
    remove(id) {
      const index = statuses.findIndex((s) => s.id === id);
      if (index === -1) return;
      const [status] = statuses.splice(index, 1);
      deliver(status!, 'delete', id);
    },
    sendRaw(text) {
      for (const s of subscribers) s.socket.send(text);
    },
    dropConnections() {
      for (const s of subscribers) s.socket.terminate();
      subscribers.clear();
    },
    freeze() {
      frozen = true;
    },
    openStreams: () => subscribers.size,
    posted,
    media,
    statusAnswers,
    get maxCharacters() {
      return limits.maxCharacters;
    },
    set maxCharacters(value: number) {
      limits.maxCharacters = value;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await Promise.all([...new Set([api, streaming])].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/**
 * Mastodon's StatusLengthValidator: grapheme clusters, with every http(s) URL counting as 23
 * characters and a remote mention counting only its local part.
 */
export function mastodonCharacterCount(text: string): number {
  const countable = text.replace(/https?:\/\/[^\s<>"]+/g, 'x'.repeat(23)).replace(/(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+[A-Za-z0-9]/g, '$1');
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(countable)].length;
}

/** Mastodon's id pagination: `min_id` pages forward from a cursor, `since_id`/`max_id` bound the newest page. */
function paginate(all: StatusJson[], query: URLSearchParams): StatusJson[] {
  const limit = Math.min(40, Math.max(1, Number(query.get('limit') ?? '20') || 20));
  const compare = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const minId = query.get('min_id');
  const sinceId = query.get('since_id');
  const maxId = query.get('max_id');
  let items = [...all].sort((a, b) => compare(a.id, b.id));
  if (maxId) items = items.filter((s) => compare(s.id, maxId) < 0);
  if (minId) return items.filter((s) => compare(s.id, minId) > 0).slice(0, limit).reverse();
  if (sinceId) items = items.filter((s) => compare(s.id, sinceId) > 0);
  return items.slice(-limit).reverse();
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}
