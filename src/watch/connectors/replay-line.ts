import { z } from 'zod';

/** Longest line the replay connector accepts; longer lines are reported as malformed. */
export const MAX_LINE_BYTES = 64 * 1024;

const isoTime = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

/**
 * One line of a recorded stream (JSONL), as written by recorders and by the demo scenario
 * generator. Unknown fields (such as the scenario's ground-truth `truth`) are ignored.
 */
export const replayLineSchema = z.object({
  id: z.string().min(1).max(256),
  source: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a lower-case source name such as mastodon'),
  author: z.object({ handle: z.string().min(1).max(256), name: z.string().max(256).optional() }),
  text: z.string().max(20_000),
  createdAt: isoTime,
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/).optional(),
  url: httpUrl.optional(),
  geo: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  replyTo: z.string().min(1).max(256).optional(),
  repostOf: z.string().min(1).max(256).optional(),
  quoteOf: z.string().min(1).max(256).optional(),
  mentions: z.array(z.string().min(1).max(256)).max(100).optional(),
  media: z.array(z.object({ url: httpUrl, type: z.string().min(1).max(64) })).max(20).optional(),
});

export type ReplayLine = z.infer<typeof replayLineSchema>;

export type LineResult = { ok: true; line: ReplayLine } | { ok: false; reason: string };

/**
 * Parses one line; never throws. The reason names the first problem precisely. Well-formed lines
 * take a hand-written fast path (the replay hot path); anything it does not accept goes through
 * the zod schema, which decides and explains. The fast path accepts a subset of what the schema
 * accepts, with the same result (a property test holds them to that).
 */
export function parseReplayLine(text: string): LineResult {
  if (text.length * 3 > MAX_LINE_BYTES && Buffer.byteLength(text, 'utf8') > MAX_LINE_BYTES) return { ok: false, reason: `line longer than ${MAX_LINE_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message.slice(0, 120)}` };
  }
  const fast = fastReplayLine(json);
  if (fast) return { ok: true, line: fast };
  const parsed = replayLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? issue.path.join('.') : '(line)';
    return { ok: false, reason: `${path}: ${issue.message}` };
  }
  return { ok: true, line: parsed.data };
}

const SOURCE = /^[a-z][a-z0-9_-]{0,31}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
const ISO_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;
/**
 * A URL of the plain shape nearly every post link has, which the WHATWG parser accepts unchanged:
 * http(s)://, a host of lower-case letters, digits, dots and single hyphens (no "xn--" punycode,
 * which the parser may reject) whose last label starts with a letter (so it is not read as an
 * IPv4 number), and a path, query and fragment of URL-safe characters. Anything else goes to
 * URL.canParse, which costs more.
 */
export const PLAIN_HTTP_URL = /^https?:\/\/(?:(?:-?[a-z0-9])+-?\.)*[a-z](?:-?[a-z0-9])*-?(?:[/?#][\w\-.~/?#@!$&'()*+,;=:%]*)?$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const optionalStr = (v: unknown, min: number, max: number) => v === undefined || str(v, min, max);
const isHttpUrl = (v: unknown): v is string => typeof v === 'string' && v.length <= 2048 && (PLAIN_HTTP_URL.test(v) || (/^https?:\/\/[a-z0-9]/i.test(v) && URL.canParse(v)));
const coordinate = (v: unknown, limit: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -limit && v <= limit;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Rejects days that do not exist (31 February), as the schema does. `iso` must have passed
 * ISO_UTC (or have its date digits in the same places), so the digits sit at fixed places: read them arithmetically instead of parsing a Date
 * (this runs once per replayed line).
 */
export function realDay(iso: string): boolean {
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + s.charCodeAt(i) - 0x30;
  return n;
}

/** The common case, checked by hand; undefined means "let the schema decide". */
function fastReplayLine(json: unknown): ReplayLine | undefined {
  if (!isRecord(json)) return undefined;
  const { id, source, author, text, createdAt, lang, url, geo, replyTo, repostOf, quoteOf, mentions, media } = json;
  if (!str(id, 1, 256) || typeof source !== 'string' || !SOURCE.test(source) || !isRecord(author) || !str(text, 0, 20_000)) return undefined;
  if (!str(author.handle, 1, 256) || !optionalStr(author.name, 0, 256)) return undefined;
  if (typeof createdAt !== 'string' || !ISO_UTC.test(createdAt) || !realDay(createdAt)) return undefined;
  if (lang !== undefined && (typeof lang !== 'string' || !LANG.test(lang))) return undefined;
  if (url !== undefined && !isHttpUrl(url)) return undefined;
  if (geo !== undefined && (!isRecord(geo) || !coordinate(geo.lat, 90) || !coordinate(geo.lon, 180))) return undefined;
  if (!optionalStr(replyTo, 1, 256) || !optionalStr(repostOf, 1, 256) || !optionalStr(quoteOf, 1, 256)) return undefined;
  if (mentions !== undefined && (!Array.isArray(mentions) || mentions.length > 100 || !mentions.every((m) => str(m, 1, 256)))) return undefined;
  if (media !== undefined && (!Array.isArray(media) || media.length > 20 || !media.every((m) => isRecord(m) && isHttpUrl(m.url) && str(m.type, 1, 64)))) return undefined;
  const line: ReplayLine = { id, source, author: author.name === undefined ? { handle: author.handle } : { handle: author.handle, name: author.name }, text, createdAt };
  if (lang !== undefined) line.lang = lang;
  if (url !== undefined) line.url = url;
  if (geo !== undefined) line.geo = { lat: geo.lat as number, lon: geo.lon as number };
  if (replyTo !== undefined) line.replyTo = replyTo;
  if (repostOf !== undefined) line.repostOf = repostOf;
  if (quoteOf !== undefined) line.quoteOf = quoteOf;
  if (mentions !== undefined) line.mentions = mentions;
  if (media !== undefined) line.media = (media as Record<string, unknown>[]).map((m) => ({ url: m.url as string, type: m.type as string }));
  return line;
}

/** For tests: the fast path alone. */
export const fastReplayLineForTests = fastReplayLine;
