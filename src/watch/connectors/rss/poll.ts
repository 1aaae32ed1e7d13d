import type { IncomingPost } from '../../post.ts';
import type { ConnectorContext } from '../connector.ts';
import type { FetchPolicy } from '../http-fetch.ts';
import type { RssConfig } from './config.ts';
import { laterOf, readPollCursor, rememberKeys, seenKey, type PollCursor } from './cursor.ts';
import { FEED_ACCEPT } from './fetch-document.ts';
import { parseFeed } from './parse.ts';
import { pollDocument, type HandledDocument, type PollResult } from './polling.ts';
import { feedItemId, feedItemToPost } from './post.ts';

/** The starting cursor of an RSS connector, from what `emit` last committed. */
export function initialRssCursor(ctx: ConnectorContext<RssConfig>): PollCursor {
  return readPollCursor(ctx.cursor, ctx.config.url);
}

/**
 * One poll of a feed: a post for every item not seen before (oldest first; of a larger backlog
 * only the newest `maxItems`), stored together with the new cursor in one `emit`.
 */
export function pollRss(ctx: ConnectorContext<RssConfig>, cursor: PollCursor, policy?: Partial<FetchPolicy>): Promise<PollResult> {
  const { config } = ctx;
  return pollDocument(ctx, cursor, {
    url: config.url,
    accept: FEED_ACCEPT,
    intervalSeconds: config.intervalSeconds,
    policy,
    handle: async (document, validated): Promise<HandledDocument> => {
      const parsed = parseFeed(document.text, document.url);
      if (!parsed.ok) {
        ctx.reportMalformed(`${config.url}: ${parsed.reason}`);
        return { cursor: validated, stored: 0, duplicates: 0, committed: false, error: parsed.reason, summary: '' };
      }
      const now = ctx.clock.now();
      const known = new Set(cursor.seen);
      const keys: string[] = [];
      const fresh: IncomingPost[] = [];
      for (const item of parsed.feed.items) {
        const key = seenKey(feedItemId(item, config.url));
        keys.push(key);
        if (known.has(key)) continue;
        known.add(key);
        const result = feedItemToPost(item, parsed.feed, { feedUrl: config.url, now, pseudonymise: (h) => ctx.pseudonymise(h) });
        if (result.ok) fresh.push(result.post);
        else ctx.reportMalformed(`${config.url}: ${result.reason}`);
      }
      fresh.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const posts = fresh.slice(0, config.maxItems ?? fresh.length).reverse();
      const newest = posts.reduce<string | null>((acc, p) => laterOf(acc, p.createdAt), validated.newest);
      const next: PollCursor = { ...validated, seen: rememberKeys(validated.seen, keys), newest };
      if (posts.length === 0) return { cursor: next, stored: 0, duplicates: 0, committed: false, summary: `no new items (${parsed.feed.items.length} in the feed)` };
      const { stored, duplicates } = await ctx.emit(posts, next);
      return { cursor: next, stored, duplicates, committed: true, summary: `${stored} new item${stored === 1 ? '' : 's'}` };
    },
  });
}
