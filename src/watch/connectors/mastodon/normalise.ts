import { z } from 'zod';
import { extractHashtags } from '../../normalise.ts';
import type { IncomingPost, MediaRef } from '../../post.ts';
import { htmlToText } from './html.ts';
import type { MastodonStatus } from './parse.ts';

export const SOURCE = 'mastodon';

/** Statuses meant for the public; followers-only and direct statuses (a list can show them) are not watched. */
const WATCHED_VISIBILITY = new Set(['public', 'unlisted']);

const MAX_TEXT = 20_000;

const quote = z.union([
  z.object({ quoted_status: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }) }),
  z.object({ quoted_status_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);

/**
 * The source id of a status: its id on the instance it was read from, qualified by that
 * instance, because ids are the instance's own (the same status has another id elsewhere, and
 * two instances may hand out the same id). Reply, boost and quote relations use the same form.
 */
export function statusKey(instanceHost: string, id: string): string {
  return `${instanceHost}/${id}`;
}

/** `acct` is `user` for the instance's own accounts and `user@domain` for others; pseudonyms need one form. */
export function canonicalAcct(acct: string, accountDomain: string): string {
  const bare = acct.replace(/^@/, '');
  return bare.includes('@') ? bare : `${bare}@${accountDomain}`;
}

export interface InstanceNames {
  /** Host (and port) of the instance read from; qualifies status ids. */
  host: string;
  /** Domain of the instance's own accounts. */
  accountDomain: string;
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function language(value: string | null | undefined): string | null {
  const primary = value?.split('-')[0]?.toLowerCase();
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** The language of what a status shows (the boosted status for a boost), as a primary subtag. */
export function statusLanguage(status: MastodonStatus): string | null {
  return language((status.reblog ?? status).language);
}

function quotedId(value: unknown): string | null {
  const parsed = quote.safeParse(value);
  if (!parsed.success) return null;
  return 'quoted_status' in parsed.data ? parsed.data.quoted_status.id : parsed.data.quoted_status_id;
}

/**
 * Turns a Status into the normalised post of SPEC W2, or `null` when it is not public. A boost
 * is a post of the booster with the boosted text, media and tags, related by `repostOf`. The
 * HTML content becomes plain text; author and mentioned accounts become pseudonyms (G1).
 */
export function normaliseStatus(status: MastodonStatus, instance: InstanceNames, pseudonymise: (acct: string) => string): IncomingPost | null {
  const { host, accountDomain } = instance;
  const shown = status.reblog ?? status;
  if (!WATCHED_VISIBILITY.has(status.visibility) || !WATCHED_VISIBILITY.has(shown.visibility)) return null;
  const body = htmlToText(shown.content);
  const warning = shown.spoiler_text?.trim() ?? '';
  const text = (warning ? `${warning}\n\n${body}` : body).slice(0, MAX_TEXT);
  const tags = (shown.tags ?? []).map((t) => t.name.toLowerCase());
  const mentioned = [...new Set((shown.mentions ?? []).map((m) => canonicalAcct(m.acct, accountDomain)))];
  const media: MediaRef[] = [];
  for (const m of shown.media_attachments ?? []) {
    const url = httpUrl(m.url) ?? httpUrl(m.remote_url);
    if (url) media.push({ url, type: m.type });
  }
  const quoted = quotedId(shown.quote);
  const author = canonicalAcct(status.account.acct, accountDomain);
  return {
    source: SOURCE,
    sourceId: statusKey(host, status.id),
    url: httpUrl(shown.url) ?? httpUrl(shown.uri),
    authorPseudonym: pseudonymise(author),
    // For the identity vault only; the post itself keeps the pseudonym.
    authorHandle: author,
    text,
    language: language(shown.language),
    createdAt: new Date(status.created_at).toISOString(),
    location: null,
    hashtags: [...new Set([...tags, ...extractHashtags(text)])],
    mentions: mentioned.map(pseudonymise),
    media,
    replyTo: shown.in_reply_to_id ? statusKey(host, shown.in_reply_to_id) : null,
    repostOf: status.reblog ? statusKey(host, status.reblog.id) : null,
    quoteOf: quoted ? statusKey(host, quoted) : null,
  };
}
