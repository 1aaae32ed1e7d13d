import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import { realDay, type ReplayLine } from './connectors/replay-line.ts';
import { charClass, DIGIT, LETTER } from './enrich/char-class.ts';
import type { IncomingPost } from './post.ts';

const MENTION = /(?:^|[^\p{L}\p{N}_@])@([A-Za-z0-9_.-]{1,64}(?:@[A-Za-z0-9.-]{1,190})?)/gu;
const NUMBER = /^\p{N}$/u;
const MAX_HASHTAG = 100;

/**
 * Hashtags in the text, lower-cased, without `#`, each once, in order of appearance: the matches
 * of `/(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{1,100})/gu`, found by hand (a quarter of posts have
 * a `#`, and the Unicode regex cost about 1 µs on each). A property test holds the two equal.
 */
export function extractHashtags(text: string): string[] {
  let at = text.indexOf('#');
  if (at < 0) return [];
  const tags: string[] = [];
  // Where the regex would search next: a match consumes the character before its '#'.
  let from = 0;
  for (; at >= 0; at = text.indexOf('#', at + 1)) {
    if (at > 0) {
      const before = at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2)) ? at - 2 : at - 1;
      if (before < from) continue;
      const cp = text.codePointAt(before)!;
      if (cp === 0x26 || isTagCharacter(cp)) continue;
    }
    let end = at + 1;
    for (let n = 0; n < MAX_HASHTAG && end < text.length; n++) {
      const cp = text.codePointAt(end)!;
      if (!isTagCharacter(cp)) break;
      end += cp > 0xffff ? 2 : 1;
    }
    if (end === at + 1) continue;
    const tag = text.slice(at + 1, end).toLowerCase();
    if (!tags.includes(tag)) tags.push(tag);
    from = end;
    at = end - 1;
  }
  return tags;
}

/** `[\p{L}\p{N}_]` for one code point. */
function isTagCharacter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f;
  const cls = charClass(cp);
  return cls === LETTER || cls === DIGIT || NUMBER.test(String.fromCodePoint(cp));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
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
    authorPseudonym: pseudonyms.pseudonymiseHandle(line.source, line.author.handle),
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
