import { Feed } from 'feed';
import type { OutgoingMessage } from '../channels/channel.ts';
import { markedHeadline } from '../channels/text.ts';
import { stripInvalidXmlChars } from '../cap/xml.ts';

export interface PublicFeedOptions {
  /** Public page of the organisation's messages. */
  homeUrl: string;
  /** Public URLs of the three feeds (self links). */
  feedUrls: { rss: string; atom: string; json: string };
  title: string;
  description: string;
  /** The organisation's name. */
  author: string;
  language: 'nl' | 'en';
  /** Time of the newest change (defaults to the newest message's send time). */
  updated?: Date;
}

export interface PublicFeeds {
  rss: string;
  atom: string;
  json: string;
}

/** Media types to serve the feeds with. */
export const FEED_CONTENT_TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' } as const;

/**
 * RSS 2.0, Atom 1.0 (both through the `feed` package) and JSON Feed 1.1 (written here: the
 * package writes version 1.0) of an organisation's public messages, newest first.
 */
export function buildPublicFeeds(messages: readonly OutgoingMessage[], options: PublicFeedOptions): PublicFeeds {
  const sorted = [...messages].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
  const updated = options.updated ?? (sorted[0] ? new Date(sorted[0].sentAt) : new Date(0));
  const feed = new Feed({
    id: options.feedUrls.atom,
    title: cdataSafe(options.title),
    description: cdataSafe(options.description),
    link: options.homeUrl,
    language: options.language,
    updated,
    generator: 'Waakzaam',
    feedLinks: { rss: options.feedUrls.rss, atom: options.feedUrls.atom, json: options.feedUrls.json },
    author: { name: cdataSafe(options.author) },
    copyright: cdataSafe(options.author),
  });
  for (const message of sorted) {
    feed.addItem({
      id: message.url,
      guid: message.url,
      link: message.url,
      title: cdataSafe(markedHeadline(message)),
      description: cdataSafe(summaryOf(message)),
      content: cdataSafe(fullText(message)),
      date: new Date(message.sentAt),
      published: new Date(message.sentAt),
      author: [{ name: cdataSafe(message.senderName) }],
      category: message.topics.map((topic) => ({ name: topicLabel(topic) })).filter((c) => c.name !== ''),
    });
  }
  return { rss: feed.rss2(), atom: feed.atom1(), json: jsonFeed(sorted, options) };
}

function summaryOf(message: OutgoingMessage): string {
  return message.area ? `${message.area.description}: ${message.body}` : message.body;
}

function fullText(message: OutgoingMessage): string {
  return [message.body, message.instruction ?? ''].filter((p) => p.trim() !== '').join('\n\n');
}

/**
 * The `feed` package writes texts as CDATA sections, which end at the first `]]>`: such a run is
 * split over two sections, and characters XML cannot hold are dropped.
 */
function cdataSafe(text: string): string {
  return stripInvalidXmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>');
}

/**
 * Topics go into attributes in Atom (where the package escapes quotes and ampersands but not `<`)
 * and into CDATA in RSS; they are short slugs, so the characters that trouble either are dropped.
 */
function topicLabel(topic: string): string {
  return stripInvalidXmlChars(topic).replace(/[<>&\]]/g, '').trim();
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
function jsonFeed(messages: readonly OutgoingMessage[], options: PublicFeedOptions): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: options.title,
      home_page_url: options.homeUrl,
      feed_url: options.feedUrls.json,
      description: options.description,
      language: options.language,
      authors: [{ name: options.author }],
      items: messages.map((message) => ({
        id: message.url,
        url: message.url,
        title: markedHeadline(message),
        content_text: fullText(message),
        summary: summaryOf(message),
        date_published: new Date(message.sentAt).toISOString(),
        language: message.language,
        tags: message.topics,
        authors: [{ name: message.senderName }],
        _waakzaam: { type: message.msgType, status: message.status, category: message.category, severity: message.severity, urgency: message.urgency, expires: message.expiresAt ?? null },
      })),
    },
    null,
    2,
  );
}
