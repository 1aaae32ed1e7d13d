import { z } from 'zod';
import { CATEGORY_IDS, PRIORITIES, type CategoryId, type Priority } from '#core/taxonomy.ts';
import { areaSchema, type Area } from './areas.ts';

const isoTime = z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString());

/** An event to watch: a geofence for a time window (e.g. a festival evening). */
export const watchedEventSchema = z
  .object({ name: z.string().trim().min(1).max(200), area: areaSchema, from: isoTime, to: isoTime })
  .refine((e) => e.from < e.to, { message: '"from" must be before "to"', path: ['to'] });

/** When a rule notifies: a post of at least a priority, or a signal (of at least a score). */
export const conditionSchema = z.discriminatedUnion('on', [
  z.object({ on: z.literal('post'), minPriority: z.enum(PRIORITIES).default('high') }),
  z.object({ on: z.literal('signal'), minScore: z.number().min(0).max(50).default(0) }),
]);

export const channelsSchema = z.object({
  /** Live in the dashboard (always stored as a notification; this adds nothing else). */
  dashboard: z.boolean().default(true),
  email: z.array(z.email().max(254)).max(20).default([]),
  webhook: z.object({ url: z.url({ protocol: /^https?$/ }).max(2048), secret: z.string().min(16).max(200) }).nullable().default(null),
});

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  condition: conditionSchema,
  channels: channelsSchema,
  /** At most one email per rule in this many minutes; the rest arrive together in a digest. */
  throttleMinutes: z.number().int().min(0).max(1440).default(15),
  enabled: z.boolean().default(true),
});

/**
 * A watchlist as staff define it (SPEC W6). Purpose and legal basis are required (G1): monitoring
 * people's posts needs a stated reason. Within a dimension any entry matches; across dimensions
 * all given ones must match; an empty dimension does not restrict.
 */
export const watchlistInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    purpose: z.string().trim().min(10, 'state the purpose in at least 10 characters').max(2000),
    legalBasis: z.string().trim().min(3, 'name the legal basis, e.g. Politiewet art. 3, Wpg art. 8').max(500),
    keywords: z.array(z.string().trim().min(2).max(100)).max(200).default([]),
    areas: z.array(areaSchema).max(50).default([]),
    /** Accounts by handle; only their pseudonyms are kept (G1). */
    accounts: z.array(z.object({ source: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/), handle: z.string().trim().min(1).max(256) })).max(500).default([]),
    events: z.array(watchedEventSchema).max(20).default([]),
    categories: z.array(z.enum(CATEGORY_IDS)).max(CATEGORY_IDS.length).default([]),
    /** Multiplies the burst detector's sensitivity for posts in this watchlist's area, time and categories. */
    sensitivity: z.number().min(0.25).max(4).default(1),
    enabled: z.boolean().default(true),
    rules: z.array(ruleInputSchema).max(20).default([]),
  })
  .refine((w) => w.keywords.length + w.areas.length + w.accounts.length + w.events.length + w.categories.length > 0, {
    message: 'a watchlist needs at least one keyword, area, account, event or category',
  });

export type WatchlistInput = z.input<typeof watchlistInputSchema>;
export type WatchedEvent = z.infer<typeof watchedEventSchema>;
export type RuleCondition = z.infer<typeof conditionSchema>;
export type RuleChannels = z.infer<typeof channelsSchema>;

/** A keyword with its stems in both languages, so "branden" also finds "brand". */
export interface Keyword {
  text: string;
  stems: { nl: string[]; en: string[] };
}

/** What a watchlist watches, as stored. */
export interface WatchlistScope {
  keywords: Keyword[];
  areas: Area[];
  accounts: { source: string; pseudonym: string }[];
  events: WatchedEvent[];
  categories: CategoryId[];
}

export interface AlertRule {
  id: string;
  watchlistId: string;
  name: string;
  condition: RuleCondition;
  channels: RuleChannels;
  throttleMinutes: number;
  enabled: boolean;
}

export interface Watchlist {
  id: string;
  organisationId: string;
  name: string;
  purpose: string;
  legalBasis: string;
  scope: WatchlistScope;
  sensitivity: number;
  enabled: boolean;
  rules: AlertRule[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const PRIORITY_RANK: Record<Priority, number> = { low: 0, medium: 1, high: 2, critical: 3 };
