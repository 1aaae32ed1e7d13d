import { z } from 'zod';
import type { FieldTexts } from '../connector.ts';

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

/** The dashboard form's labels and hints for {@link webhookConfigSchema}. */
export const webhookFieldTexts: FieldTexts = {
  secret: {
    nl: { label: 'Geheime sleutel (HMAC)', hint: 'Minstens 32 tekens, bijvoorbeeld van openssl rand -hex 32. De afzender ondertekent er elk verzoek mee.' },
    en: { label: 'Secret key (HMAC)', hint: 'At least 32 characters, e.g. from openssl rand -hex 32. The sender signs every request with it.' },
  },
  sourceName: {
    nl: { label: 'Naam van de bron', hint: 'Kleine letters, bijvoorbeeld p2000 of meldkamer.' },
    en: { label: 'Source name', hint: 'Lower case, for example p2000 or meldkamer.' },
  },
  mapping: {
    nl: { label: 'Veldkoppeling (JSON)', hint: 'Waar de afzender onze velden zet, als punt-paden, bijvoorbeeld {"text": "data.message"}. Leeg: Waakzaam-vorm.' },
    en: { label: 'Field mapping (JSON)', hint: 'Where the sender keeps our fields, as dotted paths, e.g. {"text": "data.message"}. Empty: Waakzaam shape.' },
  },
};
