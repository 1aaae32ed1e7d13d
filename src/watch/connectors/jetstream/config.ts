import { z } from 'zod';
import type { FieldTexts } from '../connector.ts';

export const POST_COLLECTION = 'app.bsky.feed.post';
export const REPOST_COLLECTION = 'app.bsky.feed.repost';

/** Plain http and ws are accepted only for the machine itself (tests, a local relay). */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** An ISO 639 language code such as `nl`; matched against the primary subtag of the post's languages. */
export const languageCode = z
  .string()
  .regex(/^[A-Za-z]{2,3}$/, 'an ISO 639 language code such as nl or en')
  .transform((s) => s.toLowerCase());

export const jetstreamConfigSchema = z.object({
  /** The subscribe endpoint, e.g. wss://jetstream2.us-east.bsky.network/subscribe (a bare host gets /subscribe). */
  endpoint: z
    .url({ protocol: /^wss?$/ })
    .max(2048)
    .refine((u) => {
      const url = new URL(u);
      return url.protocol === 'wss:' || isLocalHost(url.hostname);
    }, 'a wss:// URL (ws:// only for localhost)'),
  /**
   * Posts are kept when their text or tags contain one of these words or phrases (case-insensitive,
   * whole words). Empty: every post is kept, which on the full network is a lot.
   */
  keywords: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
  /** Keep only posts in these languages; posts that declare no language are kept. */
  languages: z.array(languageCode).max(20).optional(),
  /** Reposts carry no text, so they are kept only when no keywords are configured. */
  wantedCollections: z
    .array(z.enum([POST_COLLECTION, REPOST_COLLECTION]))
    .min(1)
    .max(2)
    .default([POST_COLLECTION]),
});

export type JetstreamConfig = z.infer<typeof jetstreamConfigSchema>;

/** The subscribe URL with the wanted collections and, when resuming, the cursor (µs since the epoch). */
export function subscribeUrl(config: Pick<JetstreamConfig, 'endpoint' | 'wantedCollections'>, cursorUs: number | undefined): string {
  const url = new URL(config.endpoint);
  if (url.pathname === '' || url.pathname === '/') url.pathname = '/subscribe';
  url.searchParams.delete('wantedCollections');
  url.searchParams.delete('cursor');
  for (const collection of new Set(config.wantedCollections)) url.searchParams.append('wantedCollections', collection);
  if (cursorUs !== undefined) url.searchParams.set('cursor', String(Math.max(0, Math.floor(cursorUs))));
  return url.toString();
}

/** The dashboard form's labels and hints for {@link jetstreamConfigSchema}. */
export const jetstreamFieldTexts: FieldTexts = {
  endpoint: {
    nl: { label: 'Jetstream-adres', hint: 'Bijvoorbeeld wss://jetstream2.us-east.bsky.network/subscribe.' },
    en: { label: 'Jetstream address', hint: 'For example wss://jetstream2.us-east.bsky.network/subscribe.' },
  },
  keywords: {
    nl: { label: 'Trefwoorden', hint: 'Eén woord of woordgroep per regel. Leeg: alle berichten (dat zijn er veel).' },
    en: { label: 'Keywords', hint: 'One word or phrase per line. Empty: every post (that is a lot).' },
  },
  languages: {
    nl: { label: 'Talen', hint: 'Alleen berichten in deze talen (bijvoorbeeld nl, en). Leeg: alle talen.' },
    en: { label: 'Languages', hint: 'Only posts in these languages (for example nl, en). Empty: all languages.' },
  },
  wantedCollections: {
    nl: { label: 'Soorten', hint: 'Berichten en/of reposts. Reposts hebben geen tekst en komen alleen mee zonder trefwoorden.' },
    en: { label: 'Collections', hint: 'Posts and/or reposts. Reposts have no text and are only kept without keywords.' },
  },
};
