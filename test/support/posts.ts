import type { IncomingPost } from '#watch/post.ts';

let n = 0;

/** A normalised post with sensible defaults (builder, not a shared fixture). */
export function buildIncomingPost(overrides: Partial<IncomingPost> = {}): IncomingPost {
  n += 1;
  return {
    source: 'mastodon',
    sourceId: `test-${n}-${Math.random().toString(36).slice(2)}`,
    url: null,
    authorPseudonym: 'a'.repeat(32),
    text: `Druk bij de uitgang ${n}`,
    language: 'nl',
    createdAt: new Date(Date.UTC(2026, 6, 4, 19, 0, n % 60)).toISOString(),
    location: null,
    hashtags: [],
    mentions: [],
    media: [],
    replyTo: null,
    repostOf: null,
    quoteOf: null,
    ...overrides,
  };
}

/** One line of a recorded stream, as the replay connector reads it. */
export function buildReplayLine(overrides: Record<string, unknown> = {}): string {
  n += 1;
  return JSON.stringify({
    id: `line-${n}`,
    source: 'mastodon',
    author: { handle: `@user${n % 7}@mastodon.nl` },
    text: `Het is kapot druk bij Vredenburg #zomerfeest ${n}`,
    createdAt: new Date(Date.UTC(2026, 6, 4, 19, 0, 0) + n * 1000).toISOString(),
    ...overrides,
  });
}
