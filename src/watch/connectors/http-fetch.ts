import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** How politely and how defensively a source is fetched. */
export interface FetchPolicy {
  /** For the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** Largest body accepted, after decompression; larger bodies are abandoned while streaming. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /**
   * Refuse loopback, private, link-local and other non-public addresses (checked on the resolved
   * address, so DNS tricks do not get around it). Off by default: a control room may poll a CAP
   * server on its own network.
   */
  denyPrivateAddresses: boolean;
}

// The project page named in the User-Agent, so feed owners can see who polls them.
export const USER_AGENT = 'Waakzaam/0.1 (+https://github.com/waakzaam/waakzaam)';

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  timeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: USER_AGENT,
  denyPrivateAddresses: false,
};

export interface FetchRequest {
  url: string;
  accept?: string;
  /** Validators of the copy we have: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
  policy?: Partial<FetchPolicy>;
}

export interface FetchResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

export type FetchErrorCode = 'INVALID_URL' | 'UNSUPPORTED_SCHEME' | 'BLOCKED_ADDRESS' | 'TIMEOUT' | 'ABORTED' | 'TOO_LARGE' | 'TOO_MANY_REDIRECTS' | 'BAD_ENCODING' | 'NETWORK';

/** Why a fetch produced no response; `code` is stable, `message` says what happened. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A polite, bounded HTTP(S) GET: our User-Agent, conditional headers, gzip/deflate/brotli, at most
 * `maxRedirects` redirects (http and https only), one deadline for the whole exchange and a body
 * limit enforced while streaming. Any status is returned (the caller decides what 304, 429 or 500
 * mean); a `FetchError` is thrown when there is no usable response.
 */
export async function politeGet(request: FetchRequest): Promise<FetchResponse> {
  const policy = { ...DEFAULT_FETCH_POLICY, ...request.policy };
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let url = checkUrl(request.url, request.url);
  const headers: Record<string, string> = {
    'user-agent': policy.userAgent,
    accept: request.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  for (let redirects = 0; ; redirects++) {
    if (policy.denyPrivateAddresses) checkLiteralAddress(url);
    const response = await exchange(url, headers, signal, policy).catch((error: unknown) => {
      throw asFetchError(error, url.href, timeout, request.signal, policy.timeoutMs);
    });
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return { ...response, url: url.href };
    if (redirects >= policy.maxRedirects) throw new FetchError('TOO_MANY_REDIRECTS', `more than ${policy.maxRedirects} redirects`, url.href);
    url = checkUrl(location, url.href);
  }
}

function checkUrl(value: string, base: string): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new FetchError('INVALID_URL', `not a URL: ${value.slice(0, 200)}`, base);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('UNSUPPORTED_SCHEME', `only http and https are fetched, not ${url.protocol}`, url.href);
  return url;
}

function exchange(url: URL, headers: Record<string, string>, signal: AbortSignal, policy: FetchPolicy): Promise<Omit<FetchResponse, 'url'>> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, { method: 'GET', headers, signal, ...(policy.denyPrivateAddresses ? { lookup: publicOnlyLookup } : {}) }, (response) => {
      const status = response.statusCode ?? 0;
      const flat = flattenHeaders(response.headers);
      if (REDIRECTS.has(status) || status === 304 || status === 204) {
        response.resume();
        resolve({ status, headers: flat, body: Buffer.alloc(0) });
        return;
      }
      readBody(response, flat, policy.maxBytes, url.href).then((body) => resolve({ status, headers: flat, body }), (error: Error) => {
        request.destroy();
        reject(error);
      });
    });
    request.on('error', reject);
    request.end();
  });
}

function readBody(response: IncomingMessage, headers: Record<string, string>, maxBytes: number, url: string): Promise<Buffer> {
  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const declared = Number(headers['content-length']);
  if (encoding === 'identity' && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(new FetchError('TOO_LARGE', `body of ${declared} bytes exceeds the limit of ${maxBytes} bytes`, url));
  }
  let stream: Readable = response;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = response.pipe(createGunzip());
  else if (encoding === 'deflate') stream = response.pipe(createInflate());
  else if (encoding === 'br') stream = response.pipe(createBrotliDecompress());
  else if (encoding !== 'identity') {
    response.destroy();
    return Promise.reject(new FetchError('BAD_ENCODING', `unsupported content encoding ${encoding}`, url));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      response.destroy();
      if (stream !== response) stream.destroy();
      reject(error);
    };
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) fail(new FetchError('TOO_LARGE', `body exceeds the limit of ${maxBytes} bytes`, url));
      else chunks.push(chunk);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', (error) => fail(stream === response ? error : new FetchError('BAD_ENCODING', `could not decompress the ${encoding} body: ${error.message}`, url)));
    response.on('error', fail);
    response.on('close', () => {
      if (!response.complete) fail(new Error('connection closed before the body was complete'));
    });
  });
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function asFetchError(error: unknown, url: string, timeout: AbortSignal, outer: AbortSignal | undefined, timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  if (timeout.aborted) return new FetchError('TIMEOUT', `no complete answer within ${timeoutMs} ms`, url);
  if (outer?.aborted) return new FetchError('ABORTED', 'the request was cancelled', url);
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'BLOCKED_ADDRESS') return new FetchError('BLOCKED_ADDRESS', err.message, url);
  return new FetchError('NETWORK', `${err.code ? `${err.code}: ` : ''}${err.message}`.slice(0, 300), url);
}

/**
 * Seconds or an HTTP date (RFC 9110 §10.2.3) → milliseconds from `now`; null when absent or
 * unreadable. A date in the past gives 0.
 */
export function retryAfterMs(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (!/[A-Za-z]{3}/.test(trimmed) || Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/** The charset parameter of a Content-Type, if any. */
export function charsetOf(contentType: string | undefined): string | null {
  return /;\s*charset\s*=\s*"?([A-Za-z0-9._-]+)"?/i.exec(contentType ?? '')?.[1] ?? null;
}

// Address ranges that are not the public internet (RFC 6890 and friends).
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** Whether an address is outside the public internet (IPv4-mapped IPv6 addresses included). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NON_PUBLIC.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function checkLiteralAddress(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && isNonPublicAddress(host)) throw new FetchError('BLOCKED_ADDRESS', `${host} is not a public address`, url.href);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function publicOnlyLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((a) => isNonPublicAddress(a.address));
    if (blocked) {
      const refusal: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${blocked.address}, which is not a public address`);
      refusal.code = 'BLOCKED_ADDRESS';
      return callback(refusal, []);
    }
    if ((options as LookupAllOptions).all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}
