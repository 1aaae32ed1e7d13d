import { z } from 'zod';
import { extractHashtags } from '../../normalise.ts';
import type { IncomingPost, MediaRef } from '../../post.ts';
import type { CommitRef, PostRecord, RepostRecord } from './parse.ts';

export const SOURCE = 'bluesky';

/** A record's lasting address, which the store uses as the source id (so replies and quotes link up). */
export function atUriOf(ref: CommitRef): string {
  return `at://${ref.did}/${ref.collection}/${ref.rkey}`;
}

/** The post's page on the Bluesky web app. */
export function webUrlOf(ref: CommitRef): string {
  return `https://bsky.app/profile/${ref.did}/post/${encodeURIComponent(ref.rkey)}`;
}

const blob = z.object({ ref: z.object({ $link: z.string().regex(/^[A-Za-z0-9]{1,256}$/) }), mimeType: z.string().max(128).optional() });
const strongRef = z.object({ uri: z.string().startsWith('at://').max(8192) });
const images = z.object({ $type: z.literal('app.bsky.embed.images'), images: z.array(z.object({ image: blob })).max(20) });
const video = z.object({ $type: z.literal('app.bsky.embed.video'), video: blob });
const record = z.object({ $type: z.literal('app.bsky.embed.record'), record: strongRef });
const recordWithMedia = z.object({ $type: z.literal('app.bsky.embed.recordWithMedia'), record: z.object({ record: strongRef }), media: z.unknown() });
const mention = z.object({ $type: z.literal('app.bsky.richtext.facet#mention'), did: z.string().startsWith('did:').max(2048) });
const tag = z.object({ $type: z.literal('app.bsky.richtext.facet#tag'), tag: z.string().min(1).max(640) });

/** The `$type` of a lexicon object, checked before parsing: a failed parse costs far more than a look. */
function typeOf(value: unknown): string | undefined {
  const type = (value as { $type?: unknown } | null | undefined)?.$type;
  return typeof type === 'string' ? type : undefined;
}

/** Media of an embed: images and video, also beside a quoted record. Unknown embed kinds carry none. */
function mediaOf(embed: unknown, did: string): MediaRef[] {
  switch (typeOf(embed)) {
    case 'app.bsky.embed.images': {
      const parsed = images.safeParse(embed);
      return parsed.success ? parsed.data.images.map((i) => ({ url: `https://cdn.bsky.app/img/feed_fullsize/plain/${did}/${i.image.ref.$link}@jpeg`, type: 'image' })) : [];
    }
    case 'app.bsky.embed.video': {
      const parsed = video.safeParse(embed);
      return parsed.success ? [{ url: `https://video.bsky.app/watch/${did}/${parsed.data.video.ref.$link}/playlist.m3u8`, type: 'video' }] : [];
    }
    case 'app.bsky.embed.recordWithMedia': {
      const parsed = recordWithMedia.safeParse(embed);
      return parsed.success ? mediaOf(parsed.data.media, did) : [];
    }
    default:
      return [];
  }
}

/** The quoted post, when the embed quotes a post (record embeds can also show lists or feeds). */
function quoteOf(embed: unknown): string | null {
  let uri: string | null = null;
  const type = typeOf(embed);
  if (type === 'app.bsky.embed.record') {
    const parsed = record.safeParse(embed);
    uri = parsed.success ? parsed.data.record.uri : null;
  } else if (type === 'app.bsky.embed.recordWithMedia') {
    const parsed = recordWithMedia.safeParse(embed);
    uri = parsed.success ? parsed.data.record.record.uri : null;
  }
  return uri !== null && uri.includes('/app.bsky.feed.post/') ? uri : null;
}

/** Facet features of one type; malformed facets are passed over rather than failing the post. */
function features<T>(facets: unknown[] | undefined, type: string, schema: z.ZodType<T>): T[] {
  const found: T[] = [];
  for (const f of facets ?? []) {
    const list = (f as { features?: unknown } | null | undefined)?.features;
    if (!Array.isArray(list)) continue;
    for (const feature of list.slice(0, 64)) {
      if (typeOf(feature) !== type) continue;
      const match = schema.safeParse(feature);
      if (match.success) found.push(match.data);
    }
  }
  return found;
}

/** The primary language subtag of the first declared language (`en-US` → `en`). */
function primaryLanguage(langs: string[] | undefined): string | null {
  const first = langs?.[0]?.split('-')[0]?.toLowerCase();
  return first !== undefined && /^[a-z]{2,3}$/.test(first) ? first : null;
}

/**
 * Clients may write any `createdAt`; a claim far in the future of the moment the network saw the
 * record is not believed, and that moment is used instead.
 */
function createdAtOf(claimed: string, timeUs: number): string {
  const seen = Math.floor(timeUs / 1000);
  const at = Date.parse(claimed);
  return new Date(at > seen + 10 * 60_000 ? seen : at).toISOString();
}

/** The tags a post carries beside its text: tag facets and the record's own `tags`, lower-cased, without `#`. */
export function tagsOf(post: PostRecord): string[] {
  const tags = [...features(post.facets, 'app.bsky.richtext.facet#tag', tag).map((t) => t.tag), ...(post.tags ?? [])];
  return tags.map((t) => t.replace(/^#/, '').toLowerCase()).filter((t) => t.length > 0);
}

/**
 * Turns a Bluesky post into the normalised post of SPEC W2. The author and mentioned accounts
 * are known only by DID (the handle is not in the event) and are pseudonymised (G1).
 */
export function normalisePost(ref: CommitRef, post: PostRecord, pseudonymise: (did: string) => string): IncomingPost {
  const tags = tagsOf(post);
  const mentioned = [...new Set(features(post.facets, 'app.bsky.richtext.facet#mention', mention).map((m) => m.did))];
  return {
    source: SOURCE,
    sourceId: atUriOf(ref),
    url: webUrlOf(ref),
    authorPseudonym: pseudonymise(ref.did),
    // The DID is the only identity in the event; it goes to the identity vault, never to the post.
    authorHandle: ref.did,
    text: post.text,
    language: primaryLanguage(post.langs),
    createdAt: createdAtOf(post.createdAt, ref.timeUs),
    location: null,
    hashtags: [...new Set([...tags, ...extractHashtags(post.text)])],
    mentions: mentioned.map(pseudonymise),
    media: mediaOf(post.embed, ref.did),
    replyTo: post.reply?.parent.uri ?? null,
    repostOf: null,
    quoteOf: quoteOf(post.embed),
  };
}

/** A repost: no text of its own, a relation to the reposted post. */
export function normaliseRepost(ref: CommitRef, repost: RepostRecord, pseudonymise: (did: string) => string): IncomingPost {
  return {
    source: SOURCE,
    sourceId: atUriOf(ref),
    url: null,
    authorPseudonym: pseudonymise(ref.did),
    authorHandle: ref.did,
    text: '',
    language: null,
    createdAt: createdAtOf(repost.createdAt, ref.timeUs),
    location: null,
    hashtags: [],
    mentions: [],
    media: [],
    replyTo: null,
    repostOf: repost.subject.uri,
    quoteOf: null,
  };
}

/** The languages a post declares, as primary subtags. */
export function declaredLanguages(post: PostRecord): string[] {
  return (post.langs ?? []).map((l) => l.split('-')[0]!.toLowerCase());
}
