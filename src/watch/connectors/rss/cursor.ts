import { createHash } from 'node:crypto';

/** How many recently seen item keys a polling connector remembers. */
export const MAX_SEEN = 1000;

/**
 * The resume position of a polling connector: the validators of the last document (for the
 * conditional request) and the keys of recent items, so that a restart does not ingest them again.
 * The store's (source, source id) uniqueness absorbs anything that slips past the bounded list.
 */
export interface PollCursor {
  /** The URL the validators belong to; when the configuration changes the URL, they are dropped. */
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Short hashes of recent item keys, newest first. */
  seen: string[];
  /** Newest item date seen (ISO), for the health message. */
  newest: string | null;
}

/** The stored cursor when it is one of ours, else a fresh one; validators only for the same URL. */
export function readPollCursor(stored: unknown, url: string): PollCursor {
  const fresh: PollCursor = { url, etag: null, lastModified: null, seen: [], newest: null };
  if (typeof stored !== 'object' || stored === null) return fresh;
  const c = stored as Partial<Record<keyof PollCursor, unknown>>;
  const seen = Array.isArray(c.seen) ? c.seen.filter((k): k is string => typeof k === 'string').slice(0, MAX_SEEN) : [];
  const newest = typeof c.newest === 'string' ? c.newest : null;
  if (c.url !== url) return { ...fresh, seen, newest };
  return { url, etag: typeof c.etag === 'string' ? c.etag : null, lastModified: typeof c.lastModified === 'string' ? c.lastModified : null, seen, newest };
}

/** The short key an item is remembered by (64 bits of SHA-256: ample for a list of 1000). */
export function seenKey(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}

/** `keys` first (in order), then the earlier ones, each once, at most MAX_SEEN. */
export function rememberKeys(seen: readonly string[], keys: readonly string[]): string[] {
  return [...new Set([...keys, ...seen])].slice(0, MAX_SEEN);
}

export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function sameCursor(a: PollCursor, b: PollCursor): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
