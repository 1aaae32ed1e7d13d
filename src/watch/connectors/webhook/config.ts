import { z } from 'zod';

/** Sources of Waakzaam's own connectors: a webhook may not pose as one (its ids would collide). */
const RESERVED_SOURCES = ['mastodon', 'bluesky', 'rss', 'cap'];

/** Dotted path into a delivered item, e.g. "data.message" (own properties only). */
const path = z.string().regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, 'a dotted path such as data.message').max(200);

/**
 * Where the sender keeps each of our fields, when its JSON is not in Waakzaam's shape. Fields not
 * mapped are read under their own name. `itemsPath` names the array of items in the body.
 */
export const webhookMappingSchema = z
  .object({
    itemsPath: path,
    id: path,
    text: path,
    createdAt: path,
    author: path,
    url: path,
    lang: path,
    lat: path,
    lon: path,
    tags: path,
  })
  .partial();

export const webhookConfigSchema = z.object({
  /** The HMAC key senders sign with (at least 32 characters; e.g. `openssl rand -hex 32`). */
  secret: z.string().min(32, 'at least 32 characters').max(512),
  /** The source name of the posts, e.g. meldkamer or p2000; also their pseudonym domain. */
  sourceName: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a lower-case source name such as p2000')
    .refine((name) => !RESERVED_SOURCES.includes(name), `may not be one of ${RESERVED_SOURCES.join(', ')}`),
  mapping: webhookMappingSchema.optional(),
});

export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
export type WebhookMapping = z.infer<typeof webhookMappingSchema>;
