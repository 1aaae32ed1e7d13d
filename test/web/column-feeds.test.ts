import { describe, expect, it } from 'vitest';
import { bufferedCount, columnFeedsReducer, columnPosts, initialColumnFeeds, type ColumnFeedsState } from '../../web/ui/column-feeds.ts';
import type { Column } from '../../web/ui/columns.ts';
import { buildAnalysis, buildPost } from './builders.ts';

const columns: Column[] = [
  { id: 'all', filter: { kind: 'all' } },
  { id: 'fire', filter: { kind: 'category', category: 'fire' } },
  { id: 'search', filter: { kind: 'search', text: 'stroom' } },
];

function ready(): ColumnFeedsState {
  let state = columnFeedsReducer(initialColumnFeeds, { type: 'sync', columns });
  for (const column of columns) {
    state = columnFeedsReducer(state, { type: 'firstPage', id: column.id, page: { items: [], nextCursor: null } });
  }
  return state;
}

const shown = (state: ColumnFeedsState, id: string) => columnPosts(state.feeds[id], columns.find((c) => c.id === id) as Column).map((p) => p.id);

describe('column feeds', () => {
  it('starts every new column loading and forgets removed ones', () => {
    let state = columnFeedsReducer(initialColumnFeeds, { type: 'sync', columns });
    expect(Object.keys(state.feeds)).toEqual(['all', 'fire', 'search']);
    expect(state.feeds.fire?.firstLoad.status).toBe('loading');
    state = columnFeedsReducer(state, { type: 'sync', columns: columns.slice(0, 1) });
    expect(Object.keys(state.feeds)).toEqual(['all']);
  });

  it('sends each live post to the columns it matches', () => {
    const fire = buildPost({ analysis: buildAnalysis({ category: 'fire' }) });
    const outage = buildPost({ text: 'Geen stroom bij Vredenburg', analysis: buildAnalysis({ category: 'infrastructure_outage' }) });
    const state = columnFeedsReducer(ready(), { type: 'incoming', columns, posts: [fire, outage] });
    expect(shown(state, 'all')).toEqual([outage.id, fire.id]);
    expect(shown(state, 'fire')).toEqual([fire.id]);
    expect(shown(state, 'search')).toEqual([outage.id]);
  });

  it('takes a post out of a category column as soon as feedback re-labels it', () => {
    const post = buildPost({ analysis: buildAnalysis({ category: 'fire' }) });
    let state = columnFeedsReducer(ready(), { type: 'incoming', columns, posts: [post] });
    const relabelled = { ...post, analysis: buildAnalysis({ category: 'weather', feedback: { label: 'weather', priority: null, at: '2026-11-29T20:00:00.000Z' } }) };
    state = columnFeedsReducer(state, { type: 'incoming', columns, posts: [relabelled] });
    expect(shown(state, 'fire')).toEqual([]);
    expect(state.feeds.all?.feed.items[0]?.analysis?.category).toBe('weather');
  });

  it('keeps a gap-fill page in its column even when the browser would not match it', () => {
    const post = buildPost({ text: 'Stroomstoring' });
    const state = columnFeedsReducer(ready(), { type: 'gapPage', id: 'search', posts: [post] });
    expect(shown(state, 'search')).toEqual([post.id]);
  });

  it('pauses every column, also ones added while paused, and counts the buffer once per post', () => {
    let state = columnFeedsReducer(ready(), { type: 'pause' });
    state = columnFeedsReducer(state, { type: 'sync', columns: [...columns, { id: 'new', filter: { kind: 'relevant' } }] });
    expect(state.feeds.new?.feed.paused).toBe(true);
    const post = buildPost({ analysis: buildAnalysis({ category: 'fire' }) });
    state = columnFeedsReducer(state, { type: 'incoming', columns, posts: [post] });
    expect(bufferedCount(state)).toBe(1);
    expect(shown(state, 'all')).toEqual([]);
    state = columnFeedsReducer(state, { type: 'resume' });
    expect(shown(state, 'fire')).toEqual([post.id]);
    expect(state.paused).toBe(false);
  });

  it('records load errors per column, and a reload starts that column again', () => {
    let state = columnFeedsReducer(initialColumnFeeds, { type: 'sync', columns });
    state = columnFeedsReducer(state, { type: 'firstError', id: 'fire', error: new Error('x') });
    expect(state.feeds.fire?.firstLoad.status).toBe('error');
    state = columnFeedsReducer(state, { type: 'reload', id: 'fire' });
    expect(state.feeds.fire?.firstLoad.status).toBe('loading');
  });
});
