import { charsetOf, FetchError, politeGet, retryAfterMs, type FetchPolicy } from '../http-fetch.ts';
import { decodeXmlBytes } from '../xml.ts';

export const FEED_ACCEPT = 'application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';
export const CAP_ACCEPT = 'application/cap+xml, application/common-alerting-protocol+xml, application/atom+xml;q=0.9, application/rss+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

/** Longest wait a Retry-After may impose before we ask again anyway. */
const MAX_RETRY_AFTER_MS = 6 * 3600_000;

export interface DocumentRequest {
  url: string;
  accept: string;
  etag?: string | null;
  lastModified?: string | null;
  signal: AbortSignal;
  now: Date;
  policy?: Partial<FetchPolicy>;
}

/** What one conditional GET of a polled document came to. */
export type DocumentOutcome =
  /** 304: our copy is current. */
  | { kind: 'not-modified' }
  | { kind: 'document'; text: string; url: string; etag: string | null; lastModified: string | null }
  /** 429 or 503: ask again after `waitMs` (from Retry-After when the server gave one). */
  | { kind: 'retry-later'; status: number; waitMs: number | null }
  /** An answer that will not become usable by asking again soon (too large, undecodable). */
  | { kind: 'rejected'; reason: string };

/**
 * Fetches a polled document with its validators and sorts the answer into the outcomes a polling
 * connector acts on. Network failures, timeouts and other error statuses are thrown (the runner
 * backs off and restarts the connector); a 404 is worth retrying later too, a feed may come back.
 */
export async function fetchDocument(request: DocumentRequest): Promise<DocumentOutcome> {
  let response;
  try {
    response = await politeGet({ url: request.url, accept: request.accept, etag: request.etag ?? null, lastModified: request.lastModified ?? null, signal: request.signal, policy: request.policy });
  } catch (error) {
    if (error instanceof FetchError && (error.code === 'TOO_LARGE' || error.code === 'BAD_ENCODING')) return { kind: 'rejected', reason: `${request.url}: ${error.message}` };
    throw error;
  }
  const { status, headers } = response;
  if (status === 304) return { kind: 'not-modified' };
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(headers['retry-after'], request.now);
    return { kind: 'retry-later', status, waitMs: wait === null ? null : Math.min(wait, MAX_RETRY_AFTER_MS) };
  }
  if (status < 200 || status > 299 || status === 204) throw new HttpStatusError(status, request.url);
  return {
    kind: 'document',
    text: decodeXmlBytes(response.body, charsetOf(headers['content-type'])),
    url: response.url,
    etag: headers.etag ?? null,
    lastModified: headers['last-modified'] ?? null,
  };
}

/** An answer with a status that gives no document (404, 500, …). */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`HTTP ${status} from ${url}`);
    this.name = 'HttpStatusError';
  }
}

/** Waits `ms`, or less when the signal aborts; never rejects. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
