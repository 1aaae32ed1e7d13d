import type { Post, PostAnalysis } from '../../web/ui/api.ts';

let sequence = 0;

/** A post with sensible defaults; `receivedAt` increases with every call unless given. */
export function buildPost(overrides: Partial<Post> = {}): Post {
  sequence += 1;
  const receivedAt = new Date(Date.UTC(2026, 10, 29, 20, 0, 0) + sequence * 1000).toISOString();
  return {
    id: `post-${sequence}`,
    source: 'mastodon',
    sourceId: `src-${sequence}`,
    url: `https://social.example/@x/${sequence}`,
    authorPseudonym: 'a1b2c3d4e5f6a7b8c9d0',
    text: `Bericht ${sequence}`,
    language: 'nl',
    createdAt: receivedAt,
    receivedAt,
    location: null,
    hashtags: [],
    mentions: [],
    media: [],
    replyTo: null,
    repostOf: null,
    quoteOf: null,
    analysis: null,
    ...overrides,
  };
}

/** An analysis with sensible defaults (relevant fire, medium priority). */
export function buildAnalysis(overrides: Partial<PostAnalysis> = {}): PostAnalysis {
  return {
    relevant: true,
    relevance: 0.9,
    category: 'fire',
    priority: 'medium',
    confidence: 0.8,
    explanation: [{ feature: 'stem:brand', weight: 2.1 }],
    language: 'nl',
    places: [],
    nearDuplicateOf: null,
    feedback: null,
    ...overrides,
  };
}
