import { z } from 'zod';
import type { FieldTexts } from '../connector.ts';
import { isLocalHost, languageCode } from '../jetstream/config.ts';

export const TIMELINES = ['public', 'public:local', 'hashtag', 'list'] as const;

export const mastodonConfigSchema = z
  .object({
    /** The instance's web address, e.g. https://mastodon.social. */
    instanceUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine((u) => {
        const url = new URL(u);
        return url.protocol === 'https:' || isLocalHost(url.hostname);
      }, 'an https:// URL (http:// only for localhost)'),
    /** A user access token with `read` scope (streaming needs a user token since Mastodon 4.2). */
    accessToken: z.string().min(1).max(1024).regex(/^[\x21-\x7e]+$/, 'a token without spaces'),
    timeline: z.enum(TIMELINES),
    /** The hashtag, without `#`, for the `hashtag` timeline. */
    tag: z
      .string()
      .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'a hashtag of letters, digits and _')
      .transform((t) => t.replace(/^#/, ''))
      .optional(),
    /** The list id, for the `list` timeline (the token's user must own the list). */
    listId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a list id').optional(),
    /** Keep only statuses in these languages; statuses without a language are kept. */
    language: z.array(languageCode).max(20).optional(),
  })
  .superRefine((c, issues) => {
    if (c.timeline === 'hashtag' && !c.tag) issues.addIssue({ code: 'custom', path: ['tag'], message: 'the hashtag timeline needs a tag' });
    if (c.timeline === 'list' && !c.listId) issues.addIssue({ code: 'custom', path: ['listId'], message: 'the list timeline needs a list id' });
  });

export type MastodonConfig = z.infer<typeof mastodonConfigSchema>;

type TimelineConfig = Pick<MastodonConfig, 'timeline' | 'tag' | 'listId'>;

/** Names the followed timeline; a stored cursor is only valid for the same instance and timeline. */
export function timelineKey(config: TimelineConfig): string {
  if (config.timeline === 'hashtag') return `hashtag:${config.tag!.toLowerCase()}`;
  if (config.timeline === 'list') return `list:${config.listId!}`;
  return config.timeline;
}

/** The query of the streaming endpoint (`stream`, and `tag` or `list`). */
export function streamQuery(config: TimelineConfig): URLSearchParams {
  const query = new URLSearchParams({ stream: config.timeline });
  if (config.timeline === 'hashtag') query.set('tag', config.tag!);
  if (config.timeline === 'list') query.set('list', config.listId!);
  return query;
}

/** The REST path and query that list the same timeline, for the catch-up after a restart. */
export function timelineRequest(config: TimelineConfig): { path: string; query: URLSearchParams } {
  switch (config.timeline) {
    case 'public':
      return { path: '/api/v1/timelines/public', query: new URLSearchParams() };
    case 'public:local':
      return { path: '/api/v1/timelines/public', query: new URLSearchParams({ local: 'true' }) };
    case 'hashtag':
      return { path: `/api/v1/timelines/tag/${encodeURIComponent(config.tag!)}`, query: new URLSearchParams() };
    case 'list':
      return { path: `/api/v1/timelines/list/${encodeURIComponent(config.listId!)}`, query: new URLSearchParams() };
  }
}

/** The dashboard form's labels and hints for {@link mastodonConfigSchema}. */
export const mastodonFieldTexts: FieldTexts = {
  instanceUrl: {
    nl: { label: 'Adres van de server', hint: 'Bijvoorbeeld https://mastodon.social.' },
    en: { label: 'Instance address', hint: 'For example https://mastodon.social.' },
  },
  accessToken: {
    nl: { label: 'Toegangstoken', hint: 'Een gebruikerstoken met leesrechten (read).' },
    en: { label: 'Access token', hint: 'A user token with the read scope.' },
  },
  timeline: {
    nl: { label: 'Tijdlijn', hint: 'public: alle servers; public:local: alleen deze server; hashtag of list: zie hieronder.' },
    en: { label: 'Timeline', hint: 'public: all servers; public:local: this server only; hashtag or list: see below.' },
  },
  tag: { nl: { label: 'Hashtag', hint: 'Zonder #, voor de tijdlijn hashtag.' }, en: { label: 'Hashtag', hint: 'Without #, for the hashtag timeline.' } },
  listId: {
    nl: { label: 'Lijst-id', hint: 'Voor de tijdlijn list; de lijst moet van de gebruiker van het token zijn.' },
    en: { label: 'List id', hint: "For the list timeline; the list must belong to the token's user." },
  },
  language: {
    nl: { label: 'Talen', hint: 'Alleen berichten in deze talen (bijvoorbeeld nl, en). Leeg: alle talen.' },
    en: { label: 'Languages', hint: 'Only posts in these languages (for example nl, en). Empty: all languages.' },
  },
};
