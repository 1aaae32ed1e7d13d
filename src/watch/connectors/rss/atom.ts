import { allText, attribute, XML_NS, childElement, childElements, childText, isElement, type XmlElement } from '../xml.ts';
import { parseFeedDate } from './dates.ts';
import { MAX_FEED_ITEMS, mediaOf, NS, pointOf, primaryLanguage, safeUrl, uniqueTexts, type FeedItem, type FeedLink, type ParsedFeed } from './feed.ts';
import { htmlToText, tidyText } from './html-text.ts';

/** An Atom 1.0 feed (RFC 4287). */
export function parseAtomFeed(feed: XmlElement, baseUrl: string): ParsedFeed {
  const feedAuthor = authorName(feed);
  const links = linksOf(feed, baseUrl);
  return {
    format: 'atom',
    title: textConstruct(childElement(feed, 'title', NS.atom)) || null,
    link: alternate(links),
    language: primaryLanguage(attribute(feed, 'lang', XML_NS)),
    items: childElements(feed, 'entry', NS.atom)
      .slice(0, MAX_FEED_ITEMS)
      .map((entry) => parseEntry(entry, baseUrl, feedAuthor)),
  };
}

function parseEntry(entry: XmlElement, baseUrl: string, feedAuthor: string | null): FeedItem {
  const links = linksOf(entry, baseUrl);
  const content = childElement(entry, 'content', NS.atom);
  const summary = textConstruct(childElement(entry, 'summary', NS.atom)) || (content && !attribute(content, 'src') ? textConstruct(content) : '');
  const updated = parseFeedDate(childText(entry, 'updated', NS.atom));
  return {
    id: childText(entry, 'id', NS.atom) ?? null,
    link: alternate(links),
    links,
    title: textConstruct(childElement(entry, 'title', NS.atom)),
    summary,
    published: parseFeedDate(childText(entry, 'published', NS.atom)) ?? updated,
    updated,
    author: authorName(entry) ?? feedAuthor,
    categories: uniqueTexts(childElements(entry, 'category', NS.atom).map((c) => attribute(c, 'label') ?? attribute(c, 'term'))),
    media: mediaOf(entry, baseUrl),
    point: pointOf(entry),
    embedded: content && isXmlContent(attribute(content, 'type')) ? content.children.filter(isElement) : [],
  };
}

/** Atom text constructs: text, html (escaped markup) or xhtml (inline markup in a div). */
function textConstruct(element: XmlElement | undefined): string {
  if (!element) return '';
  const type = (attribute(element, 'type') ?? 'text').toLowerCase();
  if (type === 'html' || type === 'text/html') return htmlToText(allText(element));
  if (type === 'xhtml') return xhtmlText(element);
  if (isXmlContent(type)) return '';
  return tidyText(allText(element));
}

function isXmlContent(type: string | undefined): boolean {
  if (!type) return false;
  const t = type.toLowerCase();
  return t !== 'xhtml' && (t.endsWith('/xml') || t.endsWith('+xml'));
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

function xhtmlText(element: XmlElement): string {
  const parts: string[] = [];
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') parts.push(child);
      else if (child.name !== 'script' && child.name !== 'style') {
        if (BLOCK.has(child.name)) parts.push('\n');
        walk(child);
      }
    }
  };
  walk(element);
  return tidyText(parts.join(''));
}

function linksOf(element: XmlElement, baseUrl: string): FeedLink[] {
  const links: FeedLink[] = [];
  for (const link of childElements(element, 'link', NS.atom)) {
    const href = safeUrl(attribute(link, 'href'), baseUrl);
    if (href) links.push({ href, rel: (attribute(link, 'rel') ?? 'alternate').trim(), type: attribute(link, 'type')?.trim().toLowerCase() ?? null });
  }
  return links;
}

function alternate(links: FeedLink[]): string | null {
  return (links.find((l) => l.rel === 'alternate' && (l.type === null || l.type.includes('html'))) ?? links.find((l) => l.rel === 'alternate'))?.href ?? null;
}

function authorName(element: XmlElement): string | null {
  const author = childElement(element, 'author', NS.atom);
  return (author && childText(author, 'name', NS.atom)) ?? null;
}
