import { z } from 'zod';
import { isLocalHost } from '../jetstream/config.ts';
import { timelineRequest, type MastodonConfig } from './config.ts';

/** A REST page of 40 statuses is some 200 kB; anything far larger is not a timeline. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** The most a timeline request may return (Mastodon's own maximum). */
export const PAGE_LIMIT = 40;

const instanceSchema = z.object({
  domain: z.string().min(1).max(253).optional(),
  configuration: z.object({ urls: z.object({ streaming: z.string().max(2048).optional() }).optional() }).optional(),
});

export interface InstanceInfo {
  /** The domain of the instance's own accounts (their `acct` has no `@domain`). */
  accountDomain: string;
  /** Base URL (ws: or wss:) of the streaming server, which may be another host than the API. */
  streamingBase: string;
}

/**
 * The REST side of a Mastodon instance, as far as the connector needs it: where the streaming
 * server is, and pages of a timeline for the catch-up. The token travels in the Authorization
 * header only (never in a URL that could end up in a log), and redirects are refused so that it
 * never travels to another host.
 */
export class MastodonApi {
  private readonly origin: URL;

  constructor(
    private readonly options: { config: Pick<MastodonConfig, 'instanceUrl' | 'accessToken'>; signal: AbortSignal; timeoutMs: number },
  ) {
    this.origin = new URL(options.config.instanceUrl);
  }

  /** Instance discovery (`GET /api/v2/instance`), falling back to the instance's own host. */
  async instance(): Promise<InstanceInfo> {
    const fallback: InstanceInfo = { accountDomain: this.origin.hostname, streamingBase: toWebSocketBase(this.origin.origin) };
    const response = await this.get('/api/v2/instance', new URLSearchParams());
    if (response.status === 404) {
      await response.body?.cancel();
      return fallback; // before Mastodon 4.0
    }
    const body = await this.json(response, '/api/v2/instance');
    const parsed = instanceSchema.safeParse(body);
    if (!parsed.success) return fallback;
    const streaming = parsed.data.configuration?.urls?.streaming;
    return {
      accountDomain: parsed.data.domain ?? fallback.accountDomain,
      streamingBase: streaming && safeStreamingBase(streaming) ? streaming.replace(/\/+$/, '') : fallback.streamingBase,
    };
  }

  /** Up to `PAGE_LIMIT` statuses of the timeline right after `minId` (Mastodon returns them newest first). */
  async timelineAfter(config: MastodonConfig, minId: string): Promise<unknown[]> {
    const { path, query } = timelineRequest(config);
    query.set('min_id', minId);
    query.set('limit', String(PAGE_LIMIT));
    const response = await this.get(path, query);
    const body = await this.json(response, path);
    if (!Array.isArray(body)) throw new Error(`GET ${path}: expected an array of statuses`);
    return body as unknown[];
  }

  private async get(path: string, query: URLSearchParams): Promise<Response> {
    const url = new URL(path, this.origin);
    url.search = query.toString();
    try {
      return await fetch(url, {
        headers: { Authorization: `Bearer ${this.options.config.accessToken}`, Accept: 'application/json', 'User-Agent': 'Waakzaam' },
        redirect: 'error',
        signal: AbortSignal.any([this.options.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
    } catch (error) {
      throw new Error(`GET ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  private async json(response: Response, path: string): Promise<unknown> {
    const text = await readLimited(response, MAX_BODY_BYTES);
    if (!response.ok) {
      const detail = /"error"\s*:\s*"([^"]{1,200})"/.exec(text)?.[1];
      throw new Error(`GET ${path}: HTTP ${response.status}${detail ? ` (${detail})` : ''}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`GET ${path}: the response is not JSON`);
    }
  }
}

/** The token goes to the streaming server too: only over TLS, unless it is this machine. */
function safeStreamingBase(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'wss:' || (url.protocol === 'ws:' && isLocalHost(url.hostname));
  } catch {
    return false;
  }
}

/** `https://host` → `wss://host`, `http://localhost:3000` → `ws://localhost:3000`. */
export function toWebSocketBase(httpOrigin: string): string {
  return httpOrigin.replace(/^http/, 'ws');
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`response larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
