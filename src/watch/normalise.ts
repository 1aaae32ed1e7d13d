import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import type { ReplayLine } from './connectors/replay-line.ts';
import type { IncomingPost } from './post.ts';

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{1,100})/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_@])@([A-Za-z0-9_.-]{1,64}(?:@[A-Za-z0-9.-]{1,190})?)/gu;

/** Hashtags in the text, lower-cased, without `#`, each once, in order of appearance. */
export function extractHashtags(text: string): string[] {
  return unique([...text.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase()));
}

/** Handles mentioned in the text, without the leading `@`. */
export function extractMentions(text: string): string[] {
  return unique([...text.matchAll(MENTION)].map((m) => m[1]!.replace(/[.-]+$/, '')));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Turns a recorded line into the normalised post of SPEC W2. Author and mentioned accounts are
 * replaced by pseudonyms (G1); the handle itself is not kept.
 */
export function normaliseReplayLine(line: ReplayLine, pseudonyms: Pseudonymiser): IncomingPost {
  const mentionHandles = unique([...(line.mentions ?? []).map((m) => m.replace(/^@/, '')), ...extractMentions(line.text)]);
  return {
    source: line.source,
    sourceId: line.id,
    url: line.url ?? null,
    authorPseudonym: pseudonyms.pseudonymise(line.source, line.author.handle.replace(/^@/, '')),
    authorHandle: line.author.handle,
    text: line.text,
    language: line.lang ?? null,
    createdAt: new Date(line.createdAt).toISOString(),
    location: line.geo ? { lat: line.geo.lat, lon: line.geo.lon, precision: 'exact', placeName: null } : null,
    hashtags: extractHashtags(line.text),
    mentions: mentionHandles.map((handle) => pseudonyms.pseudonymise(line.source, handle)),
    media: line.media ?? [],
    replyTo: line.replyTo ?? null,
    repostOf: line.repostOf ?? null,
    quoteOf: line.quoteOf ?? null,
  };
}
