import type { ConnectorContext, ConnectorState } from '../connector.ts';
import type { FetchPolicy } from '../http-fetch.ts';
import { sameCursor, type PollCursor } from './cursor.ts';
import { fetchDocument } from './fetch-document.ts';

export interface PollResult {
  cursor: PollCursor;
  stored: number;
  duplicates: number;
  /** How long to wait before the next poll. */
  waitMs: number;
  health: { state: ConnectorState; message: string };
}

/** What the kind-specific handler made of a fetched document. */
export interface HandledDocument {
  cursor: PollCursor;
  stored: number;
  duplicates: number;
  /** The handler stored posts and cursor through `emit`; otherwise the cursor is saved here if it changed. */
  committed: boolean;
  /** Set when the document was unusable (reported already); the connector shows it as its state. */
  error?: string;
  /** A shorter wait than the interval is never asked for; a longer one (a Retry-After) may be. */
  waitMs?: number;
  summary: string;
}

export interface DocumentPoll {
  url: string;
  accept: string;
  intervalSeconds: number;
  policy?: Partial<FetchPolicy> | undefined;
  /** Turns a fetched document into posts; gets the cursor with the document's validators set. */
  handle(document: { text: string; url: string }, validated: PollCursor): Promise<HandledDocument>;
}

/**
 * One poll of a document shared by the RSS and CAP connectors: a conditional GET; 304 stores
 * nothing; 429/503 wait for Retry-After (never less than the interval); an oversized or
 * undecodable answer is reported and skipped, not fatal. Network failures and other HTTP errors
 * are thrown, for the runner's backoff.
 */
export async function pollDocument<C>(ctx: ConnectorContext<C>, cursor: PollCursor, poll: DocumentPoll): Promise<PollResult> {
  const intervalMs = poll.intervalSeconds * 1000;
  const nextIn = (ms: number) => `next poll in ${Math.round(ms / 1000)} s`;
  const outcome = await fetchDocument({ url: poll.url, accept: poll.accept, etag: cursor.etag, lastModified: cursor.lastModified, signal: ctx.signal, now: ctx.clock.now(), policy: poll.policy });
  const unchanged = (state: ConnectorState, message: string, waitMs = intervalMs): PollResult => ({ cursor, stored: 0, duplicates: 0, waitMs, health: { state, message } });

  switch (outcome.kind) {
    case 'not-modified':
      return unchanged('live', `not modified; ${nextIn(intervalMs)}`);
    case 'retry-later': {
      const waitMs = Math.max(intervalMs, outcome.waitMs ?? 0);
      return unchanged('backoff', `HTTP ${outcome.status}${outcome.waitMs === null ? '' : ' with Retry-After'}; ${nextIn(waitMs)}`, waitMs);
    }
    case 'rejected':
      ctx.reportMalformed(outcome.reason);
      return unchanged('error', `${outcome.reason.slice(0, 300)}; ${nextIn(intervalMs)}`);
    case 'document': {
      // The validators are kept even when the document turns out unusable: the same bytes would be
      // refused again, so there is no point in fetching and reporting them on every poll.
      const validated: PollCursor = { ...cursor, etag: outcome.etag, lastModified: outcome.lastModified };
      const handled = await poll.handle({ text: outcome.text, url: outcome.url }, validated);
      if (!handled.committed && !sameCursor(cursor, handled.cursor)) await ctx.saveCursor(handled.cursor);
      const waitMs = Math.max(intervalMs, handled.waitMs ?? 0);
      const state: ConnectorState = handled.error ? 'error' : 'live';
      return { cursor: handled.cursor, stored: handled.stored, duplicates: handled.duplicates, waitMs, health: { state, message: `${(handled.error ?? handled.summary).slice(0, 300)}; ${nextIn(waitMs)}` } };
    }
  }
}
