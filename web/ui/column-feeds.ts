import type { Post, PostPage } from './api-types.ts';
import { matchesColumn, type Column } from './columns.ts';
import { feedReducer, initialFeedState, type FeedState } from './feed.ts';

/*
 * The posts of every Watch column as pure data: one FeedState per column (newest first, capped,
 * with its own cursor), a shared pause, and the routing of live posts to the columns whose
 * filter they match. The hook (web/dashboard/use-column-feeds.ts) only dispatches.
 */

export type LoadStatus = { readonly status: 'loading' } | { readonly status: 'ready' } | { readonly status: 'error'; readonly error: unknown };

export interface ColumnFeed {
  readonly feed: FeedState;
  readonly firstLoad: LoadStatus;
  readonly loadingMore: boolean;
  readonly loadMoreError: unknown;
}

export interface ColumnFeedsState {
  readonly paused: boolean;
  readonly feeds: Readonly<Record<string, ColumnFeed>>;
}

export type ColumnFeedsAction =
  /** The column list changed: new columns start loading, removed ones are forgotten. */
  | { readonly type: 'sync'; readonly columns: readonly Column[] }
  | { readonly type: 'reload'; readonly id: string }
  | { readonly type: 'firstPage'; readonly id: string; readonly page: PostPage }
  | { readonly type: 'firstError'; readonly id: string; readonly error: unknown }
  | { readonly type: 'olderLoading'; readonly id: string }
  | { readonly type: 'olderPage'; readonly id: string; readonly page: PostPage }
  | { readonly type: 'olderError'; readonly id: string; readonly error: unknown }
  /** Live posts, gap-fill pages and re-classified posts: each goes to the columns it matches. */
  | { readonly type: 'incoming'; readonly columns: readonly Column[]; readonly posts: readonly Post[] }
  /** The newest page of one column, fetched after a reconnect: the server already applied the filter. */
  | { readonly type: 'gapPage'; readonly id: string; readonly posts: readonly Post[] }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'showBuffered' };

export const initialColumnFeeds: ColumnFeedsState = { paused: false, feeds: {} };

function freshFeed(paused: boolean): ColumnFeed {
  return { feed: { ...initialFeedState, paused }, firstLoad: { status: 'loading' }, loadingMore: false, loadMoreError: null };
}

function updateFeed(state: ColumnFeedsState, id: string, change: (feed: ColumnFeed) => ColumnFeed): ColumnFeedsState {
  const current = state.feeds[id];
  return current ? { ...state, feeds: { ...state.feeds, [id]: change(current) } } : state;
}

function mapFeeds(state: ColumnFeedsState, change: (feed: ColumnFeed, id: string) => ColumnFeed): ColumnFeedsState {
  return { ...state, feeds: Object.fromEntries(Object.entries(state.feeds).map(([id, feed]) => [id, change(feed, id)])) };
}

export function columnFeedsReducer(state: ColumnFeedsState, action: ColumnFeedsAction): ColumnFeedsState {
  switch (action.type) {
    case 'sync': {
      const feeds: Record<string, ColumnFeed> = {};
      for (const column of action.columns) {
        feeds[column.id] = state.feeds[column.id] ?? freshFeed(state.paused);
      }
      return { ...state, feeds };
    }
    case 'reload':
      return updateFeed(state, action.id, () => freshFeed(state.paused));
    case 'firstPage':
      return updateFeed(state, action.id, (c) => ({ ...c, feed: feedReducer(c.feed, { type: 'firstPage', page: action.page }), firstLoad: { status: 'ready' } }));
    case 'firstError':
      return updateFeed(state, action.id, (c) => ({ ...c, firstLoad: { status: 'error', error: action.error } }));
    case 'olderLoading':
      return updateFeed(state, action.id, (c) => ({ ...c, loadingMore: true, loadMoreError: null }));
    case 'olderPage':
      return updateFeed(state, action.id, (c) => ({ ...c, feed: feedReducer(c.feed, { type: 'olderPage', page: action.page }), loadingMore: false }));
    case 'olderError':
      return updateFeed(state, action.id, (c) => ({ ...c, loadingMore: false, loadMoreError: action.error }));
    case 'incoming': {
      if (action.posts.length === 0) {
        return state;
      }
      const filters = new Map(action.columns.map((column) => [column.id, column.filter]));
      return mapFeeds(state, (c, id) => {
        const filter = filters.get(id);
        if (!filter) {
          return c;
        }
        // A post the column already holds is updated even when it no longer matches: the view
        // filters again, so a post re-labelled away from this column disappears from it.
        const held = new Set([...c.feed.items, ...c.feed.buffered].map((post) => post.id));
        const posts = action.posts.filter((post) => held.has(post.id) || matchesColumn(post, filter));
        return posts.length === 0 ? c : { ...c, feed: feedReducer(c.feed, { type: 'incoming', posts }) };
      });
    }
    case 'gapPage':
      return action.posts.length === 0 ? state : updateFeed(state, action.id, (c) => ({ ...c, feed: feedReducer(c.feed, { type: 'incoming', posts: action.posts }) }));
    case 'pause':
    case 'resume':
    case 'showBuffered': {
      const paused = action.type === 'showBuffered' ? state.paused : action.type === 'pause';
      return { ...mapFeeds(state, (c) => ({ ...c, feed: feedReducer(c.feed, { type: action.type }) })), paused };
    }
  }
}

/**
 * The posts a column shows. Columns filtered by the classification apply their filter again, so a
 * post re-labelled after feedback leaves the column at once. Search and source columns trust the
 * server's page (its text search may match more than the browser's word test does).
 */
export function columnPosts(feed: ColumnFeed | undefined, column: Column): readonly Post[] {
  if (!feed) {
    return [];
  }
  const kind = column.filter.kind;
  return kind === 'relevant' || kind === 'highPriority' || kind === 'category'
    ? feed.feed.items.filter((post) => matchesColumn(post, column.filter))
    : feed.feed.items;
}

/** Buffered posts over all columns, counted once each. */
export function bufferedCount(state: ColumnFeedsState): number {
  return new Set(Object.values(state.feeds).flatMap((c) => c.feed.buffered.map((post) => post.id))).size;
}
