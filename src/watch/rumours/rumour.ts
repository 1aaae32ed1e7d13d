import type { Priority } from '#core/taxonomy.ts';
import type { ClaimState, SeriesPoint, Velocity } from './claims.ts';

/** A correction of a claim: a recorded text until the send module publishes it (then `messageId`). */
export interface Correction {
  id: string;
  textNl: string;
  textEn: string | null;
  url: string | null;
  messageId: string | null;
  recordedAt: string;
  /** Posts that repeat or link the correction. */
  reachPosts: number;
}

/** A group of posts repeating one claim (SPEC W8). */
export interface ClaimSummary {
  id: string;
  state: ClaimState;
  text: string;
  category: string | null;
  priority: Priority;
  firstAt: string;
  lastAt: string;
  postCount: number;
  velocity: Velocity;
  verdictNote: string | null;
  correction: Correction | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimDetail extends ClaimSummary {
  posts: { postId: string; createdAt: string; text: string; authorPseudonym: string }[];
  /** The rumour's and the correction's reach side by side, per 10 minutes. */
  reach: { rumour: SeriesPoint[]; correction: SeriesPoint[]; deliveries: SeriesPoint[] };
}

/**
 * Deliveries of a published correction, counted by the send module once it exists (SPEC W8: the
 * correction's reach beside the rumour's). Until a provider is given, reach is measured in posts only.
 */
export interface CorrectionReach {
  deliveries(organisationId: string, messageId: string): Promise<{ at: string; count: number }[]>;
}

export const postsOnlyReach: CorrectionReach = { deliveries: () => Promise.resolve([]) };
