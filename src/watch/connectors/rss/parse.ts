import { childElements, parseXml, type XmlElement } from '../xml.ts';
import { parseAtomFeed } from './atom.ts';
import { NS, type FeedResult } from './feed.ts';
import { parseRdfFeed, parseRss2Feed } from './rss2.ts';

export type { FeedItem, FeedLink, FeedResult, ParsedFeed } from './feed.ts';

/** Parses an RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 document; never throws. */
export function parseFeed(text: string, baseUrl: string): FeedResult {
  const xml = parseXml(text);
  if (!xml.ok) return xml;
  return parseFeedElement(xml.root, baseUrl);
}

/** Parses an already parsed document whose root should be a feed. */
export function parseFeedElement(root: XmlElement, baseUrl: string): FeedResult {
  if (root.name === 'feed' && root.ns === NS.atom) return { ok: true, feed: parseAtomFeed(root, baseUrl) };
  if (root.name === 'rss' && root.ns === '') {
    const channel = childElements(root, 'channel', '')[0];
    if (!channel) return { ok: false, reason: 'not a feed: <rss> has no <channel>' };
    return { ok: true, feed: parseRss2Feed(channel, baseUrl) };
  }
  if (root.name === 'RDF' && root.ns === NS.rdf) return { ok: true, feed: parseRdfFeed(root, baseUrl) };
  const shown = root.ns ? `{${root.ns}}${root.name}` : root.name;
  return { ok: false, reason: `not a feed: the root element is <${shown}>, not Atom <feed>, RSS <rss> or RSS 1.0 <rdf:RDF>` };
}

