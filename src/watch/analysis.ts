import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { Post, PostLocation } from './post.ts';

/** One feature and how strongly it pushed the decision (positive: towards the chosen class). */
export interface ExplanationItem {
  feature: string;
  weight: number;
}

/** What the watch pipeline concluded about a post (SPEC W3, W4), with the reasons. */
export interface Analysis {
  relevant: boolean;
  relevance: number;
  category: CategoryId | null;
  priority: Priority;
  confidence: number;
  explanation: ExplanationItem[];
  language: string | null;
  places: { name: string; kind: string }[];
  /** Explicit coordinates of the post, else the best place named in it. */
  location: PostLocation | null;
  /** The earlier post this one repeats (repost, copy-paste), if any. */
  nearDuplicateOf: string | null;
  feedback: { label: string; priority: Priority | null; at: string } | null;
}

/** A post with its analysis (null until the pipeline has seen it). */
export type AnalysedPost = Post & { analysis: Analysis | null };

/**
 * The post with `analysis`, field by field: every analysed post (the pipeline's, the store's,
 * feedback's) one object of one shape, where a spread copied the fields generically.
 */
export function withAnalysis(p: Post, analysis: Analysis | null): AnalysedPost {
  return {
    id: p.id,
    organisationId: p.organisationId,
    source: p.source,
    sourceId: p.sourceId,
    url: p.url,
    authorPseudonym: p.authorPseudonym,
    text: p.text,
    language: p.language,
    createdAt: p.createdAt,
    receivedAt: p.receivedAt,
    location: p.location,
    hashtags: p.hashtags,
    mentions: p.mentions,
    media: p.media,
    replyTo: p.replyTo,
    repostOf: p.repostOf,
    quoteOf: p.quoteOf,
    analysis,
  };
}
