import type { IncomingPost } from '../../post.ts';
import type { ConnectorContext } from '../connector.ts';
import type { FetchPolicy } from '../http-fetch.ts';
import { readPollCursor, rememberKeys, seenKey, type PollCursor } from '../rss/cursor.ts';
import { CAP_ACCEPT, fetchDocument, HttpStatusError } from '../rss/fetch-document.ts';
import { parseFeedElement, type FeedItem } from '../rss/parse.ts';
import { pollDocument, type HandledDocument, type PollResult } from '../rss/polling.ts';
import { parseXml, type XmlElement } from '../xml.ts';
import type { CapConfig } from './config.ts';
import { parseCapDocument, parseCapElement, type CapResult } from './parse.ts';
import { alertToPost } from './post.ts';

/** CAP documents fetched in one poll at most; the rest wait for the next poll. */
export const MAX_DOCUMENTS_PER_POLL = 50;

const CAP_TYPES = ['application/cap+xml', 'application/common-alerting-protocol+xml'];

/** Where the alert of an index entry is: embedded in the entry, or behind a link. */
type AlertSource = { key: string; label: string } & ({ embedded: XmlElement; url: string } | { link: string } | { problem: string });

export function initialCapCursor(ctx: ConnectorContext<CapConfig>): PollCursor {
  return readPollCursor(ctx.cursor, ctx.config.indexUrl);
}

/**
 * One poll of a CAP source: the index (Atom or RSS, conditional GET) or a single alert; then
 * each new entry's alert, embedded or fetched (at most MAX_DOCUMENTS_PER_POLL). Invalid alerts
 * are reported with the precise reason and not fetched again; an alert whose server fails now is
 * tried again at the next poll. Posts and cursor are stored together.
 */
export function pollCap(ctx: ConnectorContext<CapConfig>, cursor: PollCursor, policy?: Partial<FetchPolicy>): Promise<PollResult> {
  const { config } = ctx;
  return pollDocument(ctx, cursor, {
    url: config.indexUrl,
    accept: CAP_ACCEPT,
    intervalSeconds: config.intervalSeconds,
    policy,
    handle: async (document, validated): Promise<HandledDocument> => {
      const rejected = (reason: string): HandledDocument => {
        ctx.reportMalformed(`${config.indexUrl}: ${reason}`);
        return { cursor: validated, stored: 0, duplicates: 0, committed: false, error: reason, summary: '' };
      };
      const xml = parseXml(document.text);
      if (!xml.ok) return rejected(xml.reason);
      const sources = alertSources(xml.root, document.url);
      if (!sources.ok) return rejected(sources.reason);

      const known = new Set(validated.seen);
      const done: string[] = [];
      const posts: IncomingPost[] = [];
      let skipped = 0;
      let fetched = 0;
      let complete = true;
      let interrupted: string | undefined;
      let waitMs: number | undefined;
      for (const source of sources.entries) {
        if (known.has(source.key)) {
          done.push(source.key);
          continue;
        }
        if ('link' in source && fetched >= MAX_DOCUMENTS_PER_POLL) {
          complete = false;
          break;
        }
        let parsed: CapResult;
        let documentUrl: string;
        if ('problem' in source) {
          parsed = { ok: false, reason: source.problem };
          documentUrl = config.indexUrl;
        } else if ('embedded' in source) {
          parsed = parseCapElement(source.embedded);
          documentUrl = source.url;
        } else {
          fetched += 1;
          documentUrl = source.link;
          const outcome = await fetchAlert(ctx, source.link, policy);
          if (outcome.kind === 'later') {
            interrupted = outcome.reason;
            waitMs = outcome.waitMs;
            complete = false;
            break;
          }
          parsed = outcome.kind === 'text' ? parseCapDocument(outcome.text) : { ok: false, reason: outcome.reason };
        }
        done.push(source.key);
        known.add(source.key);
        if (!parsed.ok) {
          ctx.reportMalformed(`${source.label}: ${parsed.reason}`);
          continue;
        }
        for (const warning of parsed.alert.warnings) ctx.log.info({ alert: source.label, warning }, 'CAP alert accepted with a warning');
        const post = alertToPost(parsed.alert, { documentUrl, now: ctx.clock.now(), pseudonymise: (h) => ctx.pseudonymise(h) });
        if (post.ok) posts.push(post.post);
        else {
          skipped += 1;
          ctx.log.debug({ alert: source.label, reason: post.skipped }, 'CAP alert skipped');
        }
      }
      // With entries left over, the index must be read in full next time, not answered with a 304.
      const next: PollCursor = { ...validated, ...(complete ? {} : { etag: null, lastModified: null }), seen: rememberKeys(validated.seen, done) };
      posts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const summary = `${posts.length} new alert${posts.length === 1 ? '' : 's'}${skipped ? `, ${skipped} skipped (system, draft, ack or error)` : ''}${interrupted ? `; ${interrupted}` : ''}`;
      if (posts.length === 0) return { cursor: next, stored: 0, duplicates: 0, committed: false, summary, ...(waitMs === undefined ? {} : { waitMs }) };
      const { stored, duplicates } = await ctx.emit(posts, next);
      return { cursor: next, stored, duplicates, committed: true, summary, ...(waitMs === undefined ? {} : { waitMs }) };
    },
  });
}

/**
 * The alerts a fetched document points at: itself when it is an alert, else its feed entries,
 * newest first (so that a backlog larger than one poll's share delays the oldest, not the newest).
 */
function alertSources(root: XmlElement, url: string): { ok: true; entries: AlertSource[] } | { ok: false; reason: string } {
  if (root.name === 'alert') {
    const parsed = parseCapElement(root);
    // An invalid standalone alert is reported once per changed document, like a malformed feed.
    if (!parsed.ok) return parsed;
    const { sender, identifier, sent } = parsed.alert;
    return { ok: true, entries: [{ key: seenKey(`${sender}/${identifier}/${sent}`), label: `${url} (${identifier})`, embedded: root, url }] };
  }
  const feed = parseFeedElement(root, url);
  if (!feed.ok) return { ok: false, reason: `${feed.reason}; expected a CAP alert or an Atom/RSS index of CAP alerts` };
  const entries: AlertSource[] = [];
  const dated = (item: FeedItem) => Date.parse(item.updated ?? item.published ?? '') || 0;
  for (const item of [...feed.feed.items].sort((a, b) => dated(b) - dated(a))) {
    const key = seenKey(`${item.id ?? item.link ?? item.title}|${item.updated ?? item.published ?? ''}`);
    const label = item.id ?? item.link ?? item.title;
    const embedded = item.embedded.find((e) => e.name === 'alert');
    if (embedded) {
      entries.push({ key, label, embedded, url: item.link ?? url });
      continue;
    }
    const link = capLink(item);
    entries.push(link ? { key, label, link } : { key, label, problem: 'the entry neither embeds a CAP alert nor links to one' });
  }
  return { ok: true, entries };
}

function capLink(item: FeedItem): string | null {
  return item.links.find((l) => l.type !== null && CAP_TYPES.includes(l.type))?.href ?? item.links.find((l) => l.rel === 'alternate')?.href ?? item.link;
}

type AlertFetch = { kind: 'text'; text: string } | { kind: 'invalid'; reason: string } | { kind: 'later'; reason: string; waitMs?: number };

async function fetchAlert(ctx: ConnectorContext<CapConfig>, url: string, policy: Partial<FetchPolicy> | undefined): Promise<AlertFetch> {
  try {
    const outcome = await fetchDocument({ url, accept: CAP_ACCEPT, signal: ctx.signal, now: ctx.clock.now(), policy });
    switch (outcome.kind) {
      case 'document':
        return { kind: 'text', text: outcome.text };
      case 'rejected':
        return { kind: 'invalid', reason: outcome.reason };
      case 'retry-later':
        return { kind: 'later', reason: `${url} answered HTTP ${outcome.status}`, ...(outcome.waitMs === null ? {} : { waitMs: outcome.waitMs }) };
      case 'not-modified':
        return { kind: 'invalid', reason: `${url} answered 304 to an unconditional request` };
    }
  } catch (error) {
    // A client error will not heal by asking again; a server or network failure may.
    if (error instanceof HttpStatusError && error.status >= 400 && error.status < 500) return { kind: 'invalid', reason: error.message };
    if (ctx.signal.aborted) throw error;
    ctx.log.warn({ err: error, url }, 'CAP document could not be fetched; trying again at the next poll');
    return { kind: 'later', reason: `${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
