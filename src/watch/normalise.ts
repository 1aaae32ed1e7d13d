import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import { realDay, type ReplayLine } from './connectors/replay-line.ts';
import type { IncomingPost } from './post.ts';

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{1,100})/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_@])@([A-Za-z0-9_.-]{1,64}(?:@[A-Za-z0-9.-]{1,190})?)/gu;

/** Hashtags in the text, lower-cased, without `#`, each once, in order of appearance. */
export function extractHashtags(text: string): string[] {
  // Most posts have no hashtag: one indexOf spares them the Unicode regex.
  if (!text.includes('#')) return [];
  return unique([...text.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase()));
}

/** Handles mentioned in the text, without the leading `@`. */
export function extractMentions(text: string): string[] {
  if (!text.includes('@')) return [];
  return unique([...text.matchAll(MENTION)].map((m) => m[1]!.replace(/[.-]+$/, '')));
}

function unique<T>(values: T[]): T[] {
  return values.length < 2 ? values : [...new Set(values)];
}

function withoutAt(handle: string): string {
  return handle.charCodeAt(0) === 0x40 ? handle.slice(1) : handle;
}

/** A UTC time exactly as `Date.prototype.toISOString` writes it (what recorders write). */
const CANONICAL_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** The time in canonical form; a time already in it is kept as is, without parsing a Date. */
function canonicalTime(time: string): string {
  return CANONICAL_UTC.test(time) && realDay(time) ? time : new Date(time).toISOString();
}

/**
 * Turns a recorded line into the normalised post of SPEC W2. Author and mentioned accounts are
 * replaced by pseudonyms (G1); the handle itself is not kept.
 */
export function normaliseReplayLine(line: ReplayLine, pseudonyms: Pseudonymiser): IncomingPost {
  const listed = line.mentions === undefined ? [] : line.mentions.map(withoutAt);
  const found = extractMentions(line.text);
  const mentionHandles = found.length === 0 ? unique(listed) : unique([...listed, ...found]);
  return {
    source: line.source,
    sourceId: line.id,
    url: line.url ?? null,
    authorPseudonym: pseudonyms.pseudonymise(line.source, withoutAt(line.author.handle)),
    authorHandle: line.author.handle,
    text: line.text,
    language: line.lang ?? null,
    createdAt: canonicalTime(line.createdAt),
    location: line.geo ? { lat: line.geo.lat, lon: line.geo.lon, precision: 'exact', placeName: null } : null,
    hashtags: extractHashtags(line.text),
    mentions: mentionHandles.map((handle) => pseudonyms.pseudonymise(line.source, handle)),
    media: line.media ?? [],
    replyTo: line.replyTo ?? null,
    repostOf: line.repostOf ?? null,
    quoteOf: line.quoteOf ?? null,
  };
}
