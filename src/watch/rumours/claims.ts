import { jaccard, shingleHashes } from '../enrich/near-duplicates.ts';
import { tokenize } from '../enrich/tokenize.ts';

/**
 * Pure parts of rumour tracking (SPEC W8): what makes two posts the same claim, how fast a claim
 * spreads, and which state changes are allowed.
 */

export const CLAIM_STATES = ['observed', 'marked_rumour', 'verifying', 'confirmed', 'denied', 'unverifiable', 'corrected'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const VERDICTS = ['confirmed', 'denied', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Jaccard similarity of word shingles from which a post repeats a claim (the near-duplicate measure). */
export const CLAIM_SIMILARITY = 0.5;
/** Window of the spread velocity. */
export const VELOCITY_WINDOW_MS = 10 * 60_000;

/** States from which each action may be taken. */
export const CLAIM_ACTIONS = {
  mark: ['observed'],
  verify: ['observed', 'marked_rumour'],
  correct: ['marked_rumour', 'verifying', 'confirmed', 'denied', 'unverifiable', 'corrected'],
} as const satisfies Record<string, readonly ClaimState[]>;

export function canTake(action: keyof typeof CLAIM_ACTIONS, state: ClaimState): boolean {
  return (CLAIM_ACTIONS[action] as readonly ClaimState[]).includes(state);
}

/** Sorted distinct shingle hashes of a text (word unigrams and bigrams), or null for too short a text. */
export function claimShingles(text: string): Uint32Array | null {
  return shingleHashes(tokenize(text));
}

/** Similarity of two shingle sets; 0 when either text is too short to compare. */
export function claimSimilarity(a: Uint32Array | null, b: Uint32Array | null): number {
  return a && b ? jaccard(a, b) : 0;
}

const TRACKING = /^(utm_|fbclid$|gclid$|mc_)/;

/**
 * Links in a text, normalised so that the same page shared by different people is one key:
 * lower-case host, no `www.`, no fragment, no tracking parameters, no trailing slash.
 */
export function linksIn(text: string): string[] {
  const links = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.kind !== 'url') continue;
    const normalised = normaliseLink(token.text);
    if (normalised) links.add(normalised);
  }
  return [...links];
}

export function normaliseLink(raw: string): string | null {
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  if (!URL.canParse(withScheme)) return null;
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const params = [...url.searchParams.entries()].filter(([key]) => !TRACKING.test(key.toLowerCase()));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`.slice(0, 500);
}

export interface Velocity {
  /** Posts in the last window up to the reference time. */
  perWindow: number;
  /** Change against the window before (positive: speeding up). */
  acceleration: number;
  uniqueAuthors: number;
}

/**
 * Spread velocity at `atMs`: posts in the window ending then, its change against the window
 * before, and distinct authors overall. Times after `atMs` are ignored.
 */
export function velocity(members: readonly { at: number; author: string }[], atMs: number, windowMs = VELOCITY_WINDOW_MS): Velocity {
  let current = 0;
  let previous = 0;
  const authors = new Set<string>();
  for (const m of members) {
    if (m.at > atMs) continue;
    authors.add(m.author);
    if (m.at > atMs - windowMs) current++;
    else if (m.at > atMs - 2 * windowMs) previous++;
  }
  return { perWindow: current, acceleration: current - previous, uniqueAuthors: authors.size };
}

export interface SeriesPoint {
  at: string;
  count: number;
  cumulative: number;
}

/** Counts per window (aligned to the clock) from `fromMs` to `toMs`, zero-filled, with running totals. */
export function bucketSeries(times: readonly number[], fromMs: number, toMs: number, windowMs = VELOCITY_WINDOW_MS): SeriesPoint[] {
  if (times.length === 0 && toMs < fromMs) return [];
  const first = Math.floor(fromMs / windowMs);
  const last = Math.max(first, Math.floor(toMs / windowMs));
  const counts = new Array<number>(Math.min(last - first + 1, 1000)).fill(0);
  for (const t of times) {
    const i = Math.floor(t / windowMs) - first;
    if (i >= 0 && i < counts.length) counts[i]! += 1;
  }
  let cumulative = 0;
  return counts.map((count, i) => {
    cumulative += count;
    return { at: new Date((first + i) * windowMs).toISOString(), count, cumulative };
  });
}

/** What claim grouping needs of a post. */
export interface ClaimPost {
  postId: string;
  relevant: boolean;
  shingles: Uint32Array | null;
  links: readonly string[];
  /** Earlier posts this one repeats: the repost, quote or near-duplicate target (post ids). */
  repeats: readonly string[];
}

/** Where a post goes: into a known claim, into a new claim rooted at an earlier post, or nowhere. */
export type ClaimDecision = { join: string } | { open: { root: string } } | null;

export interface ClaimLookups {
  claimOfPost(postId: string): string | undefined;
  claimOfLink(link: string): string | undefined;
  /** Claims a post may repeat in other words, with their shingles. */
  textClaims: readonly { id: string; shingles: Uint32Array | null }[];
}

/**
 * Groups a post with the claim it repeats: a repost, quote or near-duplicate of a member joins
 * the member's claim; a post sharing a link joins the link's claim; otherwise a post whose words
 * match a claim's text well enough joins it. A safety-relevant post that repeats an earlier post
 * outside any claim starts a new claim with that post as its root: repetition is what makes a
 * claim, so a single post never does.
 */
export function decideClaim(post: ClaimPost, lookups: ClaimLookups): ClaimDecision {
  for (const id of post.repeats) {
    const claim = lookups.claimOfPost(id);
    if (claim) return { join: claim };
  }
  for (const link of post.links) {
    const claim = lookups.claimOfLink(link);
    if (claim) return { join: claim };
  }
  let best: string | null = null;
  let bestSimilarity = CLAIM_SIMILARITY;
  for (const claim of lookups.textClaims) {
    const similarity = claimSimilarity(post.shingles, claim.shingles);
    if (similarity >= bestSimilarity) {
      best = claim.id;
      bestSimilarity = similarity;
    }
  }
  if (best) return { join: best };
  if (post.relevant && post.repeats.length > 0) return { open: { root: post.repeats[0]! } };
  return null;
}
