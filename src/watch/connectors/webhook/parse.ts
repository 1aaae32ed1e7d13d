import { z } from 'zod';
import { extractHashtags, extractMentions } from '../../normalise.ts';
import type { IncomingPost } from '../../post.ts';
import { primaryLanguage } from '../rss/feed.ts';
import { asHashtag, MAX_TEXT_CHARS } from '../rss/post.ts';
import type { WebhookConfig, WebhookMapping } from './config.ts';

/** Largest body accepted (the HTTP route should set the same limit). */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;
/** Most items in one delivery. */
export const MAX_WEBHOOK_ITEMS = 1000;

const coordinate = (min: number, max: number) => z.union([z.number(), z.string().regex(/^\s*[+-]?\d+(\.\d+)?\s*$/).transform(Number)]).pipe(z.number().min(min).max(max));

/** An ISO 8601 time with offset, or Unix time in seconds (or milliseconds, from 10^11 on). */
const TIME_FORMAT = 'an ISO 8601 time with offset (2026-07-04T21:30:00+02:00) or Unix seconds';
const time = z.union([z.iso.datetime({ offset: true, error: TIME_FORMAT }), z.number().int().nonnegative().transform((n) => new Date(n < 1e11 ? n * 1000 : n).toISOString())], { error: TIME_FORMAT });

/** One delivered item, in Waakzaam's shape (after the optional mapping). Unknown fields are ignored. */
export const webhookItemSchema = z.object({
  id: z.union([z.string().trim().min(1).max(256), z.number().int().transform(String)], { error: 'a string of 1 to 256 characters, or an integer' }),
  text: z.string().trim().min(1, 'must not be empty').max(MAX_TEXT_CHARS),
  createdAt: time,
  author: z.string().trim().min(1).max(256).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language tag such as nl or nl-NL').optional(),
  geo: z.object({ lat: coordinate(-90, 90), lon: coordinate(-180, 180) }).optional(),
  tags: z.array(z.string().max(100)).max(30).optional(),
});

export type WebhookItem = z.infer<typeof webhookItemSchema>;

/** A valid item as a post, its author and mentions still handles (the context pseudonymises them). */
export type WebhookPost = Omit<IncomingPost, 'authorPseudonym' | 'authorHandle'> & { author: string };

/** The post to store: author and mentioned handles replaced by pseudonyms (G1). */
export function webhookPostToIncoming(post: WebhookPost, pseudonymise: (handle: string) => string): IncomingPost {
  const { author, ...rest } = post;
  return { ...rest, authorPseudonym: pseudonymise(author), mentions: post.mentions.map(pseudonymise) };
}

export interface WebhookItemError {
  /** Position of the item in the delivery; -1 for a problem of the body as a whole. */
  index: number;
  reason: string;
}

export interface WebhookParseResult {
  posts: WebhookPost[];
  errors: WebhookItemError[];
}

/**
 * Reads a delivery: one item or an array of at most 1000 (or the array at `mapping.itemsPath`).
 * Each invalid item is reported with its index and the first problem; the valid ones are kept.
 * Never throws.
 */
export function parseWebhookBody(rawBody: Buffer, config: Pick<WebhookConfig, 'sourceName' | 'mapping'>, now = new Date()): WebhookParseResult {
  const whole = (reason: string): WebhookParseResult => ({ posts: [], errors: [{ index: -1, reason }] });
  if (rawBody.length > MAX_WEBHOOK_BODY_BYTES) return whole(`body larger than ${MAX_WEBHOOK_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    return whole(`not JSON: ${(error as Error).message.slice(0, 120)}`);
  }
  const mapping = config.mapping;
  const container = mapping?.itemsPath ? pathValue(json, mapping.itemsPath) : json;
  if (mapping?.itemsPath && !Array.isArray(container)) return whole(`no array at ${mapping.itemsPath}`);
  const items: unknown[] = Array.isArray(container) ? container : [container];
  if (items.length === 0) return whole('no items');
  if (items.length > MAX_WEBHOOK_ITEMS) return whole(`${items.length} items; at most ${MAX_WEBHOOK_ITEMS} per delivery`);

  const posts: WebhookPost[] = [];
  const errors: WebhookItemError[] = [];
  const seen = new Set<string>();
  items.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ index, reason: 'not a JSON object' });
      return;
    }
    const parsed = webhookItemSchema.safeParse(mapping ? applyMapping(raw, mapping) : withoutNulls(raw as Record<string, unknown>));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push({ index, reason: `${issue.path.length > 0 ? issue.path.join('.') : '(item)'}: ${issue.message}` });
      return;
    }
    if (seen.has(parsed.data.id)) {
      errors.push({ index, reason: `id ${parsed.data.id} appears twice in this delivery` });
      return;
    }
    seen.add(parsed.data.id);
    posts.push(toPost(parsed.data, config.sourceName, now));
  });
  return { posts, errors };
}

function toPost(item: WebhookItem, source: string, now: Date): WebhookPost {
  // A sender's clock may run ahead; a post from the future would stay on top of every list.
  const createdAt = Date.parse(item.createdAt) > now.getTime() + 5 * 60_000 ? now.toISOString() : new Date(item.createdAt).toISOString();
  return {
    source,
    sourceId: item.id,
    url: item.url ?? null,
    author: item.author ?? source,
    text: item.text,
    language: primaryLanguage(item.lang),
    createdAt,
    location: item.geo ? { lat: item.geo.lat, lon: item.geo.lon, precision: 'exact', placeName: null } : null,
    hashtags: [...new Set([...(item.tags ?? []).map(asHashtag).filter((t) => t !== ''), ...extractHashtags(item.text)])].slice(0, 30),
    mentions: extractMentions(item.text),
    media: [],
    replyTo: null,
    repostOf: null,
    quoteOf: null,
  };
}

/** Builds an item in our shape from the sender's, following the mapping's paths. */
function applyMapping(raw: object, mapping: WebhookMapping): Record<string, unknown> {
  const pick = (field: keyof WebhookMapping) => {
    const p = mapping[field];
    return p === undefined ? pathValue(raw, field) : pathValue(raw, p);
  };
  const lat = mapping.lat ? pathValue(raw, mapping.lat) : undefined;
  const lon = mapping.lon ? pathValue(raw, mapping.lon) : undefined;
  const item: Record<string, unknown> = {
    id: pick('id'),
    text: pick('text'),
    createdAt: pick('createdAt'),
    author: pick('author'),
    url: pick('url'),
    lang: pick('lang'),
    tags: pick('tags'),
    geo: lat !== undefined || lon !== undefined ? { lat, lon } : pathValue(raw, 'geo'),
  };
  return withoutNulls(item);
}

/** Senders write null for "absent"; the schema's optional fields mean the same. */
function withoutNulls(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null && v !== undefined));
}

/** The value at a dotted path, through own properties only (no prototype walking). */
function pathValue(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
