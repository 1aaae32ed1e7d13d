import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Bluesky PDS for the send channel's tests: `com.atproto.server.createSession`,
 * `refreshSession`, `getSession`, `com.atproto.repo.createRecord` and `getRecord`, with XRPC's
 * error shape (`{error, message}`) and its `ExpiredToken` answer that makes clients refresh. It
 * checks an `app.bsky.feed.post` record as the lexicon does (text ≤ 300 graphemes and 3000 bytes,
 * createdAt, langs, TID record key, facets' UTF-8 byte ranges inside the text) and, stricter than a
 * real PDS, refuses a link facet whose bytes are not exactly its URI.
 */
export interface StoredPost {
  uri: string;
  rkey: string;
  record: Record<string, unknown>;
  /** The text each facet's byte range covers (decoded), in facet order. */
  facetTexts: string[];
}

export interface FakeBlueskyPds {
  url: string;
  identifier: string;
  password: string;
  did: string;
  posts: StoredPost[];
  /** createSession and refreshSession calls so far. */
  sessionsCreated: number;
  refreshes: number;
  /** Raw answers for the next createRecord calls (status, body, headers), before normal handling. */
  recordAnswers: Array<{ status: number; body: string; headers?: Record<string, string> }>;
  /** Makes every access token issued so far expired (the next call gets ExpiredToken). */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export async function startFakeBlueskyPds(options: { identifier?: string; password?: string } = {}): Promise<FakeBlueskyPds> {
  const identifier = options.identifier ?? 'gemeente-utrecht.bsky.social';
  const password = options.password ?? 'abcd-efgh-ijkl-mnop';
  const did = 'did:plc:z72i7hdynmk6r22z27h6tvur';
  const access = new Map<string, boolean>(); // token → still valid
  const refresh = new Set<string>();
  const records = new Map<string, StoredPost>();
  const state = { sessionsCreated: 0, refreshes: 0 };
  const posts: StoredPost[] = [];
  const recordAnswers: FakeBlueskyPds['recordAnswers'] = [];

  function issue(): Record<string, unknown> {
    const accessJwt = `acc.${randomBytes(12).toString('hex')}`;
    const refreshJwt = `ref.${randomBytes(12).toString('hex')}`;
    access.set(accessJwt, true);
    refresh.add(refreshJwt);
    return { accessJwt, refreshJwt, handle: identifier, did, active: true, email: 'comms@utrecht.example', emailConfirmed: true, emailAuthFactor: false };
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: Error) => xrpcError(res, 500, 'InternalServerError', error.message));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    switch (url.pathname) {
      case '/xrpc/com.atproto.server.createSession': {
        const body = parse(raw);
        if (typeof body?.identifier !== 'string' || typeof body.password !== 'string') return xrpcError(res, 400, 'InvalidRequest', 'Input must have the property "identifier"');
        if (body.identifier !== identifier && body.identifier !== did) return xrpcError(res, 401, 'AuthenticationRequired', 'Invalid identifier or password');
        if (body.password !== password) return xrpcError(res, 401, 'AuthenticationRequired', 'Invalid identifier or password');
        state.sessionsCreated++;
        return json(res, 200, issue());
      }
      case '/xrpc/com.atproto.server.refreshSession': {
        if (!refresh.has(bearer)) return xrpcError(res, 400, 'ExpiredToken', 'Token has expired');
        refresh.delete(bearer);
        state.refreshes++;
        return json(res, 200, issue());
      }
      case '/xrpc/com.atproto.server.getSession': {
        if (access.get(bearer) !== true) return xrpcError(res, 400, 'ExpiredToken', 'Token has expired');
        const { accessJwt: _a, refreshJwt: _r, ...session } = issue();
        return json(res, 200, session);
      }
      case '/xrpc/com.atproto.repo.getRecord': {
        const found = records.get(`${url.searchParams.get('collection')}/${url.searchParams.get('rkey')}`);
        if (!found || (url.searchParams.get('repo') !== did && url.searchParams.get('repo') !== identifier)) return xrpcError(res, 400, 'RecordNotFound', 'Could not locate record');
        return json(res, 200, { uri: found.uri, cid: cidOf(found.record), value: found.record });
      }
      case '/xrpc/com.atproto.repo.createRecord':
        return createRecord(req, res, raw, bearer);
      default:
        return xrpcError(res, 501, 'MethodNotImplemented', 'Method Not Implemented');
    }
  }

  function createRecord(req: IncomingMessage, res: ServerResponse, raw: string, bearer: string): void {
    if (req.method !== 'POST') return xrpcError(res, 400, 'InvalidRequest', 'Incorrect HTTP method');
    if (!access.has(bearer)) return xrpcError(res, 401, 'AuthenticationRequired', 'Authentication Required');
    if (access.get(bearer) === false) return xrpcError(res, 400, 'ExpiredToken', 'Token has expired');
    const answer = recordAnswers.shift();
    if (answer) {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body);
      return;
    }
    const body = parse(raw);
    if (!body) return xrpcError(res, 400, 'InvalidRequest', 'Request body must be JSON');
    if (body.repo !== did && body.repo !== identifier) return xrpcError(res, 400, 'InvalidRequest', 'Input/repo must be the DID or handle of the authenticated account');
    if (body.collection !== 'app.bsky.feed.post') return xrpcError(res, 400, 'InvalidRequest', 'This fake only stores app.bsky.feed.post');
    const rkey = body.rkey ?? tidNow();
    if (typeof rkey !== 'string' || !TID.test(rkey)) return xrpcError(res, 400, 'InvalidRequest', 'Invalid record key: must be a TID for app.bsky.feed.post');
    const record = body.record as Record<string, unknown> | undefined;
    const problem = record === undefined ? 'Input must have the property "record"' : checkPost(record);
    if (problem !== null) return xrpcError(res, 400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${problem}`);
    const key = `app.bsky.feed.post/${rkey}`;
    if (records.has(key)) return xrpcError(res, 400, 'InvalidRequest', 'Record already exists');
    const textBytes = Buffer.from(record!.text as string, 'utf8');
    const facets = (record!.facets ?? []) as Array<{ index: { byteStart: number; byteEnd: number } }>;
    const stored: StoredPost = { uri: `at://${did}/${key}`, rkey, record: record!, facetTexts: facets.map((f) => textBytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8')) };
    records.set(key, stored);
    posts.push(stored);
    json(res, 200, { uri: stored.uri, cid: cidOf(record!), commit: { cid: cidOf({ rkey }), rev: tidNow() }, validationStatus: 'valid' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    identifier,
    password,
    did,
    posts,
    get sessionsCreated() {
      return state.sessionsCreated;
    },
    get refreshes() {
      return state.refreshes;
    },
    recordAnswers,
    expireAccessTokens() {
      for (const token of access.keys()) access.set(token, false);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The lexicon's rules for a post, plus the facet check described above; null when valid. */
function checkPost(record: Record<string, unknown>): string | null {
  if (record.$type !== 'app.bsky.feed.post') return '$type must be app.bsky.feed.post';
  if (typeof record.text !== 'string') return 'text must be a string';
  if ([...segmenter.segment(record.text)].length > 300) return 'text must not be longer than 300 graphemes';
  const bytes = Buffer.from(record.text, 'utf8');
  if (bytes.length > 3000) return 'text must not be longer than 3000 bytes';
  if (typeof record.createdAt !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(record.createdAt)) return 'createdAt must be a valid datetime';
  if (record.langs !== undefined && (!Array.isArray(record.langs) || record.langs.length > 3 || record.langs.some((l) => typeof l !== 'string'))) return 'langs must be at most 3 language tags';
  if (record.tags !== undefined && (!Array.isArray(record.tags) || record.tags.length > 8)) return 'tags must be at most 8';
  if (record.facets === undefined) return null;
  if (!Array.isArray(record.facets)) return 'facets must be an array';
  for (const facet of record.facets as unknown[]) {
    const f = facet as { index?: { byteStart?: unknown; byteEnd?: unknown }; features?: unknown };
    const start = f.index?.byteStart;
    const end = f.index?.byteEnd;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number)) return 'facet index must have integer byteStart < byteEnd';
    if ((end as number) > bytes.length) return 'facet byteEnd beyond the text';
    if (!Array.isArray(f.features) || f.features.length === 0) return 'facet must have features';
    for (const feature of f.features as Array<{ $type?: unknown; uri?: unknown }>) {
      if (feature.$type !== 'app.bsky.richtext.facet#link') continue;
      if (typeof feature.uri !== 'string' || !/^https?:\/\/\S+$/.test(feature.uri)) return 'link facet must have a uri';
      const covered = bytes.subarray(start as number, end as number).toString('utf8');
      if (covered !== feature.uri) return `link facet covers "${covered}", not its uri`;
    }
  }
  return null;
}

/** A syntactically real CIDv1 (dag-cbor, sha2-256, base32) of a JSON value. */
function cidOf(value: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(value)).digest();
  const bytes = Buffer.concat([Buffer.from([0x01, 0x71, 0x12, 0x20]), digest]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let acc = 0;
  let out = 'b';
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(acc << (5 - bits)) & 31];
  return out;
}

function tidNow(): string {
  const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
  let value = (BigInt(Date.now()) * 1000n) << 10n;
  let tid = '';
  for (let i = 0; i < 13; i++) {
    tid = alphabet[Number(value & 31n)] + tid;
    value >>= 5n;
  }
  return tid;
}

function parse(raw: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function xrpcError(res: ServerResponse, status: number, error: string, message: string): void {
  json(res, status, { error, message });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
