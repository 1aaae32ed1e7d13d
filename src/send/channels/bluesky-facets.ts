import { findUrls } from './text.ts';

/** A rich-text facet of `app.bsky.feed.post` (lexicon app.bsky.richtext.facet), links only. */
export interface LinkFacet {
  index: { byteStart: number; byteEnd: number };
  features: [{ $type: 'app.bsky.richtext.facet#link'; uri: string }];
}

/**
 * Link facets for the URLs in a text. Bluesky does not detect links itself; a facet marks one by
 * its UTF-8 byte range (start inclusive, end exclusive), while JavaScript strings index UTF-16
 * code units, so every emoji or accent before a link shifts the two apart.
 */
export function linkFacets(text: string): LinkFacet[] {
  return findUrls(text).map(({ url, start, end }) => {
    const byteStart = Buffer.byteLength(text.slice(0, start), 'utf8');
    return {
      index: { byteStart, byteEnd: byteStart + Buffer.byteLength(text.slice(start, end), 'utf8') },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: url }],
    };
  });
}
