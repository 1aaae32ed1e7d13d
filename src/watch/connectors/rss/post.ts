import { createHash } from 'node:crypto';
import { extractHashtags } from '../../normalise.ts';
import type { IncomingPost } from '../../post.ts';
import type { FeedItem, ParsedFeed } from './feed.ts';

/** Longest text kept for a post (as for replayed posts). */
export const MAX_TEXT_CHARS = 20_000;
/** Source ids longer than this are replaced by their hash (index keys have a size limit). */
const MAX_SOURCE_ID = 512;
/** A feed may not date items more than this into the future; later dates become "now". */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface FeedPostContext {
  /** The URL the feed was fetched from: scopes ids that are not globally unique. */
  feedUrl: string;
  now: Date;
  pseudonymise(handle: string): string;
}

export type ItemResult = { ok: true; post: IncomingPost } | { ok: false; reason: string };

/**
 * The source id of a feed item: its guid / atom:id, else its link, else a hash of its text. An id
 * without a URI scheme (a bare "12345", as many CMSs write) is only unique within its feed, so it
 * is prefixed with the feed URL; two feeds of one organisation can then not collide.
 */
export function feedItemId(item: FeedItem, feedUrl: string): string {
  const raw = item.id?.trim() || item.link || `sha256:${sha256(`${item.title}\n${item.summary}`)}`;
  const scoped = /^[A-Za-z][A-Za-z0-9+.-]*:\S/.test(raw) ? raw : `${feedUrl}#${raw}`;
  return scoped.length > MAX_SOURCE_ID ? `sha256:${sha256(scoped)}` : scoped;
}

/**
 * A normalised post for one feed item (source 'rss'). The author is the feed itself (its title,
 * else its host), pseudonymised like any handle: one rule for every source, even though a news
 * site is not a person. Categories become hashtags.
 */
export function feedItemToPost(item: FeedItem, feed: ParsedFeed, context: FeedPostContext): ItemResult {
  const title = item.title.trim();
  const summary = item.summary.trim();
  if (title === '' && summary === '') return { ok: false, reason: `item ${item.id ?? item.link ?? '(no id)'} has neither a title nor a description` };
  const body = summary === '' || summary.startsWith(title) ? summary || title : title === '' ? summary : `${title}\n\n${summary}`;
  const text = body.slice(0, MAX_TEXT_CHARS);
  const feedName = feed.title?.trim() || new URL(context.feedUrl).host;
  return {
    ok: true,
    post: {
      source: 'rss',
      sourceId: feedItemId(item, context.feedUrl),
      url: item.link,
      authorPseudonym: context.pseudonymise(feedName),
      text,
      language: feed.language,
      createdAt: createdAt(item.published, context.now),
      location: item.point ? { lat: item.point.lat, lon: item.point.lon, precision: 'exact', placeName: null } : null,
      hashtags: [...new Set([...item.categories.map(asHashtag).filter((t) => t !== ''), ...extractHashtags(text)])].slice(0, 30),
      mentions: [],
      media: item.media,
      replyTo: null,
      repostOf: null,
      quoteOf: null,
    },
  };
}

/** A category as a hashtag: lower case, letters, digits and underscores only ("Politie Utrecht" → "politieutrecht"). */
export function asHashtag(category: string): string {
  return category.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, '').slice(0, 100);
}

function createdAt(published: string | null, now: Date): string {
  if (published === null) return now.toISOString();
  return Date.parse(published) > now.getTime() + FUTURE_SLACK_MS ? now.toISOString() : published;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
