import { attribute, childElement, childElements, childText, type XmlElement } from '../xml.ts';
import { parseFeedDate } from './dates.ts';
import { MAX_FEED_ITEMS, mediaOf, NS, pointOf, primaryLanguage, safeUrl, uniqueTexts, type FeedItem, type FeedLink, type ParsedFeed } from './feed.ts';
import { htmlToText } from './html-text.ts';

// RSS 0.90 used its own namespace for the same RDF layout as RSS 1.0.
const RDF_ITEM_NS = [NS.rss1, 'http://my.netscape.com/rdf/simple/0.9/'];

/** RSS 2.0 (and 0.91/0.92, which share its layout): items inside <channel>, no namespace. */
export function parseRss2Feed(channel: XmlElement, baseUrl: string): ParsedFeed {
  const link = safeUrl(childText(channel, 'link', ''), baseUrl);
  return {
    format: 'rss',
    title: plain(childText(channel, 'title', '')) || null,
    link,
    language: primaryLanguage(childText(channel, 'language', '') ?? childText(channel, 'language', NS.dc)),
    items: childElements(channel, 'item', '')
      .slice(0, MAX_FEED_ITEMS)
      .map((item) => parseItem(item, baseUrl, '')),
  };
}

/** RSS 1.0 (RDF Site Summary): channel and items are siblings under <rdf:RDF>. */
export function parseRdfFeed(rdf: XmlElement, baseUrl: string): ParsedFeed {
  const channel = childElements(rdf, 'channel', RDF_ITEM_NS)[0];
  const ns = channel?.ns ?? NS.rss1;
  return {
    format: 'rdf',
    title: (channel && plain(childText(channel, 'title', ns))) || null,
    link: channel ? safeUrl(childText(channel, 'link', ns), baseUrl) : null,
    language: channel ? primaryLanguage(childText(channel, 'language', NS.dc)) : null,
    items: childElements(rdf, 'item', RDF_ITEM_NS)
      .slice(0, MAX_FEED_ITEMS)
      .map((item) => parseItem(item, baseUrl, item.ns)),
  };
}

function parseItem(item: XmlElement, baseUrl: string, ns: string): FeedItem {
  const guidElement = childElement(item, 'guid', ns);
  const guid = guidElement ? childText(item, 'guid', ns) : undefined;
  const link = safeUrl(childText(item, 'link', ns), baseUrl) ?? (isPermaLink(guidElement) ? safeUrl(guid, baseUrl) : null);
  const description = childText(item, 'description', ns);
  const encoded = childText(item, 'encoded', NS.content);
  const links: FeedLink[] = link ? [{ href: link, rel: 'alternate', type: null }] : [];
  for (const enclosure of childElements(item, 'enclosure', '')) {
    const href = safeUrl(attribute(enclosure, 'url'), baseUrl);
    if (href) links.push({ href, rel: 'enclosure', type: attribute(enclosure, 'type')?.trim().toLowerCase() ?? null });
  }
  const date = parseFeedDate(childText(item, 'pubDate', ns)) ?? parseFeedDate(childText(item, 'date', NS.dc));
  return {
    id: guid ?? attribute(item, 'about', NS.rdf) ?? null,
    link,
    links,
    title: plain(childText(item, 'title', ns)),
    // Descriptions are HTML in practice (the spec allows entity-encoded markup).
    summary: htmlToText(description ?? encoded ?? ''),
    published: date,
    updated: null,
    author: authorOf(childText(item, 'author', ns)) ?? childText(item, 'creator', NS.dc) ?? null,
    categories: uniqueTexts([...childElements(item, 'category', ns).map((c) => childTextOf(c)), ...childElements(item, 'subject', NS.dc).map((c) => childTextOf(c))]),
    media: mediaOf(item, baseUrl),
    point: pointOf(item),
    embedded: [],
  };
}

function isPermaLink(guid: XmlElement | undefined): boolean {
  return guid !== undefined && (attribute(guid, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
}

/** RSS <author> is "email (Name)"; keep the name when there is one. */
function authorOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const named = /\(([^)]{1,200})\)\s*$/.exec(value)?.[1];
  return (named ?? value).trim() || undefined;
}

function childTextOf(element: XmlElement): string | undefined {
  return element.children.filter((c): c is string => typeof c === 'string').join('').trim() || undefined;
}

function plain(text: string | undefined): string {
  // Titles are plain text by the spec, yet often carry entity-encoded markup.
  return text ? htmlToText(text) : '';
}
