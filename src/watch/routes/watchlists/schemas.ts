import { z } from 'zod';
import { CATEGORY_IDS, PRIORITIES } from '#core/taxonomy.ts';
import { areaSchema } from '../../watchlists/areas.ts';
import type { Watchlist } from '../../watchlists/watchlist.ts';

/** Shown instead of a webhook secret; sending it back keeps the secret. */
export const SECRET_PLACEHOLDER = '********';

const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  condition: z.union([z.object({ on: z.literal('post'), minPriority: z.enum(PRIORITIES) }), z.object({ on: z.literal('signal'), minScore: z.number() })]),
  channels: z.object({ dashboard: z.boolean(), email: z.array(z.string()), webhook: z.object({ url: z.string(), secret: z.string().describe('Always ********') }).nullable() }),
  throttleMinutes: z.number(),
  enabled: z.boolean(),
});

export const watchlistSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  keywords: z.array(z.string()),
  areas: z.array(z.unknown()).describe('Areas as given (polygon, circle, municipality)'),
  accounts: z.array(z.object({ source: z.string(), pseudonym: z.string() })).describe('Only pseudonyms are kept (SPEC G1)'),
  events: z.array(z.object({ name: z.string(), area: z.unknown(), from: z.string(), to: z.string() })),
  categories: z.array(z.enum(CATEGORY_IDS)),
  sensitivity: z.number(),
  enabled: z.boolean(),
  rules: z.array(ruleSchema),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The request body; validated in full by the service (watchlist.ts), kept loose here so errors name the field once. */
export const watchlistBodySchema = z.object({
  name: z.string().max(200),
  purpose: z.string().max(2000),
  legalBasis: z.string().max(500),
  keywords: z.array(z.string().max(100)).max(200).optional(),
  areas: z.array(areaSchema).max(50).optional(),
  accounts: z.array(z.object({ source: z.string().max(32), handle: z.string().max(256) })).max(500).optional(),
  events: z.array(z.object({ name: z.string().max(200), area: areaSchema, from: z.string().max(40), to: z.string().max(40) })).max(20).optional(),
  categories: z.array(z.enum(CATEGORY_IDS)).optional(),
  sensitivity: z.number().optional(),
  enabled: z.boolean().optional(),
  rules: z.array(z.unknown()).max(20).optional(),
});

export function presentWatchlist(w: Watchlist): z.infer<typeof watchlistSchema> {
  return {
    id: w.id,
    name: w.name,
    purpose: w.purpose,
    legalBasis: w.legalBasis,
    keywords: w.scope.keywords.map((k) => k.text),
    areas: w.scope.areas,
    accounts: w.scope.accounts,
    events: w.scope.events,
    categories: w.scope.categories,
    sensitivity: w.sensitivity,
    enabled: w.enabled,
    rules: w.rules.map((r) => ({ ...r, channels: { ...r.channels, webhook: r.channels.webhook && { url: r.channels.webhook.url, secret: SECRET_PLACEHOLDER } } })),
    createdBy: w.createdBy,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}
