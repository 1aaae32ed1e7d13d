import type { MediaRef } from '../../post.ts';
import { attribute, childElements, childText, type XmlElement } from '../xml.ts';

/** Hard cap on items read from one document, whatever the feed holds. */
export const MAX_FEED_ITEMS = 1000;

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rss1: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  georss: 'http://www.georss.org/georss',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
} as const;

export interface FeedLink {
  href: string;
  rel: string;
  type: string | null;
}

/** One entry of a feed, whatever its format, with text already plain. */
export interface FeedItem {
  /** guid, atom:id or rdf:about; null when the feed gives none. */
  id: string | null;
  /** The item's page (absolute http(s) URL). */
  link: string | null;
  /** Every link of the entry, with its relation and media type (absolute URLs). */
  links: FeedLink[];
  title: string;
  summary: string;
  /** Publication (else update) time as ISO UTC; null when absent or unreadable. */
  published: string | null;
  /** The entry's own updated time (Atom), for index feeds that re-issue an entry. */
  updated: string | null;
  author: string | null;
  categories: string[];
  media: MediaRef[];
  /** GeoRSS / W3C geo point given by the feed. */
  point: { lat: number; lon: number } | null;
  /** XML elements embedded in the entry's content (Atom content type="…xml"). */
  embedded: XmlElement[];
}

export interface ParsedFeed {
  format: 'atom' | 'rss' | 'rdf';
  title: string | null;
  link: string | null;
  /** The feed's declared language (RSS <language>, dc:language, Atom xml:lang), lower-case primary tag. */
  language: string | null;
  items: FeedItem[];
}

export type FeedResult = { ok: true; feed: ParsedFeed } | { ok: false; reason: string };

/** An absolute http(s) URL resolved against `base`, or null (javascript:, data: and the like are dropped). */
export function safeUrl(value: string | undefined, base: string): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 2048) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** media:content / media:thumbnail (also inside media:group) and RSS enclosures. */
export function mediaOf(item: XmlElement, base: string): MediaRef[] {
  const found: MediaRef[] = [];
  const add = (url: string | null, type: string | undefined, medium?: string) => {
    if (!url || found.some((m) => m.url === url)) return;
    found.push({ url, type: (type?.trim() || (medium ? `${medium}/*` : 'application/octet-stream')).slice(0, 64) });
  };
  for (const enclosure of childElements(item, 'enclosure', '')) add(safeUrl(attribute(enclosure, 'url'), base), attribute(enclosure, 'type'));
  const groups = [item, ...childElements(item, 'group', NS.media)];
  for (const group of groups) {
    for (const content of childElements(group, 'content', NS.media)) add(safeUrl(attribute(content, 'url'), base), attribute(content, 'type'), attribute(content, 'medium'));
    for (const thumbnail of childElements(group, 'thumbnail', NS.media)) add(safeUrl(attribute(thumbnail, 'url'), base), undefined, 'image');
  }
  return found.slice(0, 20);
}

/** A point from georss:point ("lat lon") or geo:lat / geo:long. */
export function pointOf(item: XmlElement): { lat: number; lon: number } | null {
  const georss = childText(item, 'point', NS.georss);
  const [latText, lonText] = georss ? georss.split(/[\s,]+/) : [childText(item, 'lat', NS.geo), childText(item, 'long', NS.geo)];
  const lat = Number(latText);
  const lon = Number(lonText);
  if (latText === undefined || lonText === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

/** The primary subtag of a language tag ("nl-NL" → "nl"); null when it is not one. */
export function primaryLanguage(tag: string | undefined): string | null {
  const primary = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$/.exec(tag ?? '')?.[1];
  return primary ? primary.toLowerCase() : null;
}

/** dc:subject and similar free categories, trimmed, each once. */
export function uniqueTexts(values: (string | undefined)[]): string[] {
  return [...new Set(values.map((v) => v?.trim()).filter((v): v is string => !!v))].slice(0, 50);
}
