import type { ScenarioEvent, ScenarioPost } from './types.ts';

/**
 * One JSON line per post with keys in the documented order, so files diff cleanly and the
 * same scenario always serialises to the same bytes.
 */
export function postLine(p: ScenarioPost): string {
  return JSON.stringify({
    id: p.id,
    source: p.source,
    author: p.author.name === undefined ? { handle: p.author.handle } : { handle: p.author.handle, name: p.author.name },
    text: p.text,
    createdAt: p.createdAt,
    lang: p.lang,
    url: p.url,
    geo: p.geo,
    replyTo: p.replyTo,
    repostOf: p.repostOf,
    quoteOf: p.quoteOf,
    mentions: p.mentions,
    media: p.media,
    truth: {
      eventId: p.truth.eventId,
      category: p.truth.category,
      relevant: p.truth.relevant,
      priority: p.truth.priority,
      official: p.truth.official,
    },
  });
}

/** The events file: pretty-printed, since people read it next to the stream. */
export function eventsJson(events: readonly ScenarioEvent[]): string {
  return `${JSON.stringify(events, null, 2)}\n`;
}
