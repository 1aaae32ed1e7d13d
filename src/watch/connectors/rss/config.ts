import { z } from 'zod';
import type { FieldTexts } from '../connector.ts';

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

/** The polling interval's texts, shared by the RSS and CAP forms. */
export const intervalFieldText: FieldTexts[string] = {
  nl: { label: 'Elke hoeveel seconden ophalen', hint: 'Minstens 60 seconden.' },
  en: { label: 'Fetch every (seconds)', hint: 'At least 60 seconds.' },
};

/** The dashboard form's labels and hints for {@link rssConfigSchema}. */
export const rssFieldTexts: FieldTexts = {
  url: { nl: { label: 'Adres van de feed', hint: 'Een RSS- of Atom-feed.' }, en: { label: 'Feed address', hint: 'An RSS or Atom feed.' } },
  intervalSeconds: intervalFieldText,
  maxItems: {
    nl: { label: 'Hoogstens zoveel nieuwste items per keer', hint: 'Oudere, nog niet gelezen items worden overgeslagen.' },
    en: { label: 'At most this many newest items at a time', hint: 'Older unread items are skipped.' },
  },
};
