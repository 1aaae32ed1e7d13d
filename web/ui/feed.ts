import type { Post, PostPage } from './api.ts';
import { hashtagLabel } from './format.ts';

/*
 * The Watch feed as pure data: merging pages and live posts, the memory cap, pausing with a
 * buffer, and client-side filtering. The page component only dispatches actions to `feedReducer`.
 */

/** Posts kept in memory; older ones fall off the bottom. Also the size of the pause buffer. */
export const FEED_CAP = 500;

export interface FeedState {
  /** Shown posts, newest first (by receivedAt, then id). */
  readonly items: readonly Post[];
  /** Posts that arrived while paused, newest first. */
  readonly buffered: readonly Post[];
  readonly paused: boolean;
  /** Cursor for the next older page; null when there is none or when the list was capped. */
  readonly nextCursor: string | null;
  /** True once older posts were dropped to respect the cap: "load more" would leave a gap. */
  readonly capped: boolean;
}

export type FeedAction =
  | { readonly type: 'firstPage'; readonly page: PostPage }
  | { readonly type: 'olderPage'; readonly page: PostPage }
  /** Posts from the live stream, or fetched to fill a gap after a reconnect. */
  | { readonly type: 'incoming'; readonly posts: readonly Post[] }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** Shows the buffered posts but stays paused. */
  | { readonly type: 'showBuffered' };

export const initialFeedState: FeedState = { items: [], buffered: [], paused: false, nextCursor: null, capped: false };

/** Newest first; receivedAt is ISO 8601 UTC, so string comparison is time order. The id breaks ties. */
export function compareNewestFirst(a: Post, b: Post): number {
  if (a.receivedAt !== b.receivedAt) {
    return a.receivedAt < b.receivedAt ? 1 : -1;
  }
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Merges posts into a newest-first list and cuts it to `cap`; returns how many were cut. A post
 * that is already there is replaced by the incoming version (the same post arrives again once it
 * is analysed or re-classified after feedback), so the list never holds an id twice.
 */
export function mergePosts(
  existing: readonly Post[],
  incoming: readonly Post[],
  cap: number = FEED_CAP,
): { items: Post[]; dropped: number } {
  const index = new Map(existing.map((post, position) => [post.id, position]));
  let replaced: Post[] | null = null;
  const fresh = new Map<string, Post>();
  for (const post of incoming) {
    const position = index.get(post.id);
    if (position === undefined) {
      fresh.set(post.id, post);
    } else if (existing[position] !== post) {
      replaced ??= [...existing];
      replaced[position] = post;
    }
  }
  const base = replaced ?? existing;
  const merged = fresh.size === 0 ? [...base] : [...base, ...fresh.values()].sort(compareNewestFirst);
  const dropped = Math.max(0, merged.length - cap);
  return { items: dropped > 0 ? merged.slice(0, cap) : merged, dropped };
}

function withMerged(state: FeedState, incoming: readonly Post[]): FeedState {
  const { items, dropped } = mergePosts(state.items, incoming);
  if (dropped === 0) {
    return { ...state, items };
  }
  return { ...state, items, capped: true, nextCursor: null };
}

export function feedReducer(state: FeedState, action: FeedAction): FeedState {
  switch (action.type) {
    case 'firstPage': {
      // The live stream may already have delivered posts; keep them and add the page around them.
      const merged = withMerged({ ...state, nextCursor: action.page.nextCursor }, action.page.items);
      return merged;
    }
    case 'olderPage': {
      const merged = withMerged(state, action.page.items);
      return merged.capped ? merged : { ...merged, nextCursor: action.page.nextCursor };
    }
    case 'incoming': {
      if (action.posts.length === 0) {
        return state;
      }
      if (state.paused) {
        // Posts already shown are updated in place (e.g. re-classified); new ones wait in the buffer.
        const shown = new Set(state.items.map((post) => post.id));
        const updates = action.posts.filter((post) => shown.has(post.id));
        const notShown = action.posts.filter((post) => !shown.has(post.id));
        const updated = updates.length > 0 ? withMerged(state, updates) : state;
        return { ...updated, buffered: mergePosts(state.buffered, notShown).items };
      }
      return withMerged(state, action.posts);
    }
    case 'pause':
      return state.paused ? state : { ...state, paused: true };
    case 'resume':
      return { ...withMerged(state, state.buffered), buffered: [], paused: false };
    case 'showBuffered':
      return { ...withMerged(state, state.buffered), buffered: [] };
  }
}

export interface FeedFilter {
  /** Free text; matched case-insensitively against text, hashtags, place and pseudonym. */
  readonly text: string;
  /** A source name, or '' for all sources. */
  readonly source: string;
}

export const emptyFilter: FeedFilter = { text: '', source: '' };

export function isFilterActive(filter: FeedFilter): boolean {
  return filter.text.trim() !== '' || filter.source !== '';
}

// Posts are immutable once received, so their lower-cased search text is computed once per post,
// not once per keystroke in the filter box.
const searchTextCache = new WeakMap<Post, string>();

function searchableText(post: Post): string {
  let text = searchTextCache.get(post);
  if (text === undefined) {
    text = [
      post.text,
      post.authorPseudonym,
      post.location?.placeName ?? '',
      ...post.hashtags.map(hashtagLabel),
      ...(post.analysis?.places.map((place) => place.name) ?? []),
    ]
      .join('\n')
      .toLocaleLowerCase();
    searchTextCache.set(post, text);
  }
  return text;
}

/** True when every word of `text` occurs in the post's text, hashtags, place or pseudonym. */
export function matchesText(post: Post, text: string): boolean {
  const words = text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const haystack = searchableText(post);
  return words.every((word) => haystack.includes(word));
}

/** Posts matching the filter; every word of the text filter must occur (order does not matter). */
export function filterPosts(posts: readonly Post[], filter: FeedFilter): readonly Post[] {
  if (filter.text.trim() === '' && filter.source === '') {
    return posts;
  }
  return posts.filter((post) => (filter.source === '' || post.source === filter.source) && matchesText(post, filter.text));
}

/** Distinct sources among the posts, sorted, for the source filter. */
export function sourcesOf(posts: readonly Post[]): string[] {
  return [...new Set(posts.map((post) => post.source))].sort();
}
