import { z } from 'zod';
import { sourceUrl } from '../rss/config.ts';

export const capConfigSchema = z.object({
  /** An Atom or RSS index whose entries link to (or embed) CAP documents, or a single CAP alert. */
  indexUrl: sourceUrl,
  /** Alerts are time-critical: a shorter default than for news feeds, still at least a minute. */
  intervalSeconds: z.number().int().min(60).max(86_400).default(120),
});

export type CapConfig = z.infer<typeof capConfigSchema>;
