import { z } from 'zod';

/** An absolute http(s) URL, as a source address. */
export const sourceUrl = z.url({ protocol: /^https?$/ }).max(2048);

/** How often a feed is polled: at least a minute (politeness), at most a day. */
export const intervalSeconds = z.number().int().min(60).max(86_400).default(300);

export const rssConfigSchema = z.object({
  url: sourceUrl,
  intervalSeconds,
  /** Newest items taken from one document; older unseen ones are skipped (limits a first backlog). */
  maxItems: z.number().int().min(1).max(1000).optional(),
});

export type RssConfig = z.infer<typeof rssConfigSchema>;
