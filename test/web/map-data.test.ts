import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  clusterCountProperties,
  dominantCategoryColour,
  escapeAttribution,
  legendCounts,
  locatedFromPost,
  MAP_CATEGORIES,
  matchesMapCategory,
  mergeLocated,
  parseMapCollection,
  sinceFor,
  toFeatureCollection,
  type LocatedPost,
} from '../../web/ui/map-data.ts';
import { CATEGORY_COLOURS } from '../../web/ui/taxonomy.ts';
import { buildAnalysis, buildPost } from './builders.ts';

const feature = (id: string, properties: Record<string, unknown> = {}, coordinates: unknown = [5.12, 52.09]) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: { id, text: 'Brand bij de Neude', category: 'fire', priority: 'high', createdAt: '2026-07-04T20:48:00.000Z', precision: 'place', placeName: 'Neude', ...properties },
});

const located = (id: string, overrides: Partial<LocatedPost> = {}): LocatedPost => ({
  id,
  text: id,
  category: 'fire',
  priority: 'low',
  createdAt: `2026-07-04T20:00:0${id.length % 10}.000Z`,
  precision: 'place',
  placeName: null,
  lon: 5.1,
  lat: 52.1,
  ...overrides,
});

describe('parseMapCollection', () => {
  it('reads located posts and drops what is not one', () => {
    const posts = parseMapCollection({
      type: 'FeatureCollection',
      features: [
        feature('a'),
        feature('b', { category: null, priority: 'bogus', precision: 'exact', placeName: 7 }),
        feature('c', {}, [5.1]),
        feature('d', {}, ['5', 52]),
        feature('e', {}, [5.1, 95]),
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { id: 'f' } },
        null,
      ],
    });
    expect(posts.map((p) => p.id)).toEqual(['a', 'b']);
    expect(posts[0]).toMatchObject({ lon: 5.12, lat: 52.09, category: 'fire', priority: 'high', placeName: 'Neude' });
    expect(posts[1]).toMatchObject({ category: 'none', priority: 'low', precision: 'exact', placeName: null });
    expect(parseMapCollection({ type: 'nope' })).toEqual([]);
  });
});

describe('live posts on the map', () => {
  it('turns a located post into a point with a shortened text', () => {
    const post = buildPost({ text: 'x'.repeat(300), location: { lat: 52.09, lon: 5.11, precision: 'exact', placeName: 'Vredenburg' }, analysis: buildAnalysis({ category: 'crowd_safety', priority: 'critical' }) });
    const point = locatedFromPost(post);
    expect(point).toMatchObject({ id: post.id, category: 'crowd_safety', priority: 'critical', lat: 52.09, lon: 5.11, placeName: 'Vredenburg' });
    expect(point?.text.length).toBeLessThanOrEqual(140);
    expect(locatedFromPost(buildPost())).toBeNull();
    expect(locatedFromPost(buildPost({ location: { lat: 1, lon: 2, precision: 'place', placeName: null } }))?.category).toBe('none');
  });

  it('filters by category, merges newest first and replaces a post that changed', () => {
    expect(matchesMapCategory(located('a'), '')).toBe(true);
    expect(matchesMapCategory(located('a'), 'weather')).toBe(false);
    const merged = mergeLocated([located('a', { createdAt: '2026-07-04T20:00:00.000Z' })], [
      located('b', { createdAt: '2026-07-04T21:00:00.000Z' }),
      located('a', { createdAt: '2026-07-04T20:00:00.000Z', category: 'weather' }),
    ]);
    expect(merged.map((p) => [p.id, p.category])).toEqual([
      ['b', 'fire'],
      ['a', 'weather'],
    ]);
    expect(mergeLocated([], [located('a'), located('bb'), located('ccc')], 2)).toHaveLength(2);
  });
});

describe('map source', () => {
  it('gives every point its category colour and marks urgent ones', () => {
    const collection = toFeatureCollection([located('a', { priority: 'critical' }), located('b', { category: 'none' })]);
    expect(collection.features.map((f) => f.properties)).toEqual([
      { id: 'a', category: 'fire', priority: 'critical', colour: CATEGORY_COLOURS.fire.fg, urgent: 1 },
      { id: 'b', category: 'none', priority: 'low', colour: CATEGORY_COLOURS.none.fg, urgent: 0 },
    ]);
    expect(collection.features[0]?.geometry.coordinates).toEqual([5.1, 52.1]);
  });

  it('counts per category in legend order, leaving empty categories out', () => {
    expect(legendCounts([located('a', { category: 'weather' }), located('b'), located('c', { category: 'weather' })])).toEqual([
      { category: 'fire', count: 1 },
      { category: 'weather', count: 2 },
    ]);
  });

  it('sums a count per category in clusters and colours a cluster by the largest', () => {
    const properties = clusterCountProperties();
    expect(Object.keys(properties)).toHaveLength(MAP_CATEGORIES.length);
    expect(properties.n_fire).toEqual(['+', ['case', ['==', ['get', 'category'], 'fire'], 1, 0]]);
    const colour = dominantCategoryColour();
    expect(colour[0]).toBe('case');
    // One condition and one colour per category, and a fallback.
    expect(colour).toHaveLength(1 + MAP_CATEGORIES.length * 2 + 1);
    expect(colour[2]).toBe(CATEGORY_COLOURS.fire.fg);
  });

  it('computes the time window, the bounds and a safe attribution', () => {
    const now = Date.parse('2026-07-04T21:00:00.000Z');
    expect(sinceFor('15m', now)).toBe('2026-07-04T20:45:00.000Z');
    expect(sinceFor('1h', now)).toBe('2026-07-04T20:00:00.000Z');
    expect(sinceFor('all', now)).toBeNull();
    expect(boundsOf([located('a', { lon: 5, lat: 52 }), located('b', { lon: 6, lat: 51 })])).toEqual([
      [5, 51],
      [6, 52],
    ]);
    expect(boundsOf([])).toBeNull();
    expect(escapeAttribution('<img src=x onerror=alert(1)> © "Kadaster"')).not.toMatch(/[<>"]/);
  });
});
