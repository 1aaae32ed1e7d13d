import { describe, expect, it } from 'vitest';
import { feedReducer, filterPosts, initialFeedState, mergePosts, sourcesOf, type FeedState } from '../../web/ui/feed.ts';
import { buildAnalysis, buildPost } from './builders.ts';

const ids = (state: { items: readonly { id: string }[] }) => state.items.map((post) => post.id);

describe('mergePosts', () => {
  it('keeps newest first, drops duplicates and cuts to the cap', () => {
    const a = buildPost();
    const b = buildPost();
    const c = buildPost();
    const d = buildPost();
    const result = mergePosts([c, a], [d, b, c], 3);
    expect(result.items.map((post) => post.id)).toEqual([d.id, c.id, b.id]);
    expect(result.dropped).toBe(1);
  });

  it('orders posts with the same receivedAt by id, so the order is stable', () => {
    const at = '2026-11-29T20:00:00.000Z';
    const result = mergePosts([], [buildPost({ id: 'a', receivedAt: at }), buildPost({ id: 'b', receivedAt: at })]);
    expect(result.items.map((post) => post.id)).toEqual(['b', 'a']);
  });
});

describe('mergePosts with updated posts', () => {
  it('replaces a post it already holds with the incoming version, in place', () => {
    const a = buildPost();
    const b = buildPost();
    const relabelled = { ...a, analysis: buildAnalysis({ category: 'weather' }) };
    const { items, dropped } = mergePosts([b, a], [relabelled]);
    expect(items).toEqual([b, relabelled]);
    expect(dropped).toBe(0);
  });
});

describe('feedReducer', () => {
  it('puts live posts on top and keeps the cursor of the first page', () => {
    const older = buildPost();
    let state = feedReducer(initialFeedState, { type: 'firstPage', page: { items: [older], nextCursor: 'c1' } });
    const live = buildPost();
    state = feedReducer(state, { type: 'incoming', posts: [live] });
    expect(ids(state)).toEqual([live.id, older.id]);
    expect(state.nextCursor).toBe('c1');
  });

  it('keeps posts the stream delivered before the first page arrived', () => {
    const early = buildPost();
    let state = feedReducer(initialFeedState, { type: 'incoming', posts: [early] });
    state = feedReducer(state, { type: 'firstPage', page: { items: [early, buildPost({ receivedAt: '2020-01-01T00:00:00.000Z' })], nextCursor: null } });
    expect(state.items).toHaveLength(2);
    expect(state.items[0]?.id).toBe(early.id);
  });

  it('appends older pages and moves the cursor', () => {
    const newest = buildPost();
    let state = feedReducer(initialFeedState, { type: 'firstPage', page: { items: [newest], nextCursor: 'c1' } });
    const old = buildPost({ receivedAt: '2020-01-01T00:00:00.000Z' });
    state = feedReducer(state, { type: 'olderPage', page: { items: [old], nextCursor: 'c2' } });
    expect(ids(state)).toEqual([newest.id, old.id]);
    expect(state.nextCursor).toBe('c2');
  });

  it('buffers while paused and shows the buffer on request, staying paused', () => {
    let state: FeedState = feedReducer(initialFeedState, { type: 'pause' });
    const live = buildPost();
    state = feedReducer(state, { type: 'incoming', posts: [live] });
    expect(state.items).toHaveLength(0);
    expect(state.buffered.map((post) => post.id)).toEqual([live.id]);
    state = feedReducer(state, { type: 'showBuffered' });
    expect(ids(state)).toEqual([live.id]);
    expect(state.buffered).toHaveLength(0);
    expect(state.paused).toBe(true);
  });

  it('resuming shows the buffer and unpauses', () => {
    let state = feedReducer(initialFeedState, { type: 'pause' });
    state = feedReducer(state, { type: 'incoming', posts: [buildPost(), buildPost()] });
    state = feedReducer(state, { type: 'resume' });
    expect(state.items).toHaveLength(2);
    expect(state.paused).toBe(false);
  });

  it('updates a shown post in place while paused instead of buffering it', () => {
    const shown = buildPost();
    let state = feedReducer(initialFeedState, { type: 'incoming', posts: [shown] });
    state = feedReducer(state, { type: 'pause' });
    state = feedReducer(state, { type: 'incoming', posts: [{ ...shown, analysis: buildAnalysis() }] });
    expect(state.buffered).toHaveLength(0);
    expect(state.items[0]?.analysis?.category).toBe('fire');
  });

  it('does not buffer a post that is already shown', () => {
    const shown = buildPost();
    let state = feedReducer(initialFeedState, { type: 'incoming', posts: [shown] });
    state = feedReducer(state, { type: 'pause' });
    state = feedReducer(state, { type: 'incoming', posts: [shown] });
    expect(state.buffered).toHaveLength(0);
  });

  it('caps the list at 500 and then stops offering older pages (they would leave a gap)', () => {
    let state = feedReducer(initialFeedState, {
      type: 'firstPage',
      page: { items: Array.from({ length: 50 }, () => buildPost()), nextCursor: 'c1' },
    });
    state = feedReducer(state, { type: 'incoming', posts: Array.from({ length: 460 }, () => buildPost()) });
    expect(state.items).toHaveLength(500);
    expect(state.capped).toBe(true);
    expect(state.nextCursor).toBeNull();
  });

  it('bounds the pause buffer too', () => {
    let state = feedReducer(initialFeedState, { type: 'pause' });
    state = feedReducer(state, { type: 'incoming', posts: Array.from({ length: 600 }, () => buildPost()) });
    expect(state.buffered).toHaveLength(500);
  });
});

describe('filterPosts', () => {
  const posts = [
    buildPost({ text: 'Brand bij het station', source: 'mastodon', hashtags: ['brand'] }),
    buildPost({ text: 'Stroomstoring in de wijk', source: 'bluesky', location: { lat: 52, lon: 5, precision: 'place', placeName: 'Utrecht' } }),
    buildPost({ text: 'Vuurwerk', source: 'rss', hashtags: ['#oudjaar'] }),
  ];

  it('matches every word, case-insensitively, in text, place and hashtags', () => {
    expect(filterPosts(posts, { text: 'BRAND station', source: '' })).toEqual([posts[0]]);
    expect(filterPosts(posts, { text: 'utrecht', source: '' })).toEqual([posts[1]]);
    expect(filterPosts(posts, { text: '#oudjaar', source: '' })).toEqual([posts[2]]);
  });

  it('filters by source and combines with text', () => {
    expect(filterPosts(posts, { text: '', source: 'bluesky' })).toEqual([posts[1]]);
    expect(filterPosts(posts, { text: 'brand', source: 'bluesky' })).toEqual([]);
  });

  it('returns the same list when no filter is set', () => {
    expect(filterPosts(posts, { text: '  ', source: '' })).toBe(posts);
  });

  it('lists each source once, sorted', () => {
    expect(sourcesOf([...posts, posts[0]!])).toEqual(['bluesky', 'mastodon', 'rss']);
  });
});
