import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Post } from './api-types.ts';
import { isRecord } from './api-parse.ts';
import {
  CATEGORY_COLOURS,
  CATEGORY_IDS,
  isCategoryId,
  isPriority,
  type CategoryOrNone,
  type Priority,
} from './taxonomy.ts';

/*
 * The map view's data as pure functions: reading `GET /api/watch/map`, adding live posts,
 * turning both into the GeoJSON source MapLibre draws, and the MapLibre expressions that colour
 * clusters by their most frequent category. No MapLibre import here: it is all plain data.
 */

/** One located post, as the map and its accessible list need it. */
export interface LocatedPost {
  id: string;
  text: string;
  category: CategoryOrNone;
  priority: Priority;
  createdAt: string;
  precision: 'exact' | 'place';
  placeName: string | null;
  lon: number;
  lat: number;
}

/** Posts on the map at most; the oldest go first. */
export const MAP_CAP = 2000;

export const TIME_WINDOWS = ['15m', '1h', 'all'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

const WINDOW_MS: Readonly<Record<Exclude<TimeWindow, 'all'>, number>> = { '15m': 15 * 60_000, '1h': 60 * 60_000 };

/** The `since` parameter for a time window, or null for "all". */
export function sinceFor(window: TimeWindow, nowMs: number): string | null {
  return window === 'all' ? null : new Date(nowMs - WINDOW_MS[window]).toISOString();
}

function isValidLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/** Reads the FeatureCollection of `GET /api/watch/map`; features that are not located posts are dropped. */
export function parseMapCollection(body: unknown): LocatedPost[] {
  if (!isRecord(body) || !Array.isArray(body.features)) {
    return [];
  }
  const located: LocatedPost[] = [];
  for (const feature of body.features) {
    if (!isRecord(feature) || !isRecord(feature.geometry) || !isRecord(feature.properties)) {
      continue;
    }
    const { geometry, properties: p } = feature;
    const coordinates = geometry.coordinates;
    if (geometry.type !== 'Point' || !Array.isArray(coordinates) || typeof p.id !== 'string') {
      continue;
    }
    const [lon, lat] = coordinates as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !isValidLonLat(lon, lat)) {
      continue;
    }
    located.push({
      id: p.id,
      text: typeof p.text === 'string' ? p.text : '',
      category: isCategoryId(p.category) ? p.category : 'none',
      priority: isPriority(p.priority) ? p.priority : 'low',
      createdAt: typeof p.createdAt === 'string' ? p.createdAt : '',
      precision: p.precision === 'exact' ? 'exact' : 'place',
      placeName: typeof p.placeName === 'string' ? p.placeName : null,
      lon,
      lat,
    });
  }
  return located;
}

/** Map text is a preview; the detail panel has the whole post. */
export const MAP_TEXT_LENGTH = 140;

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** A live post as a map point, or null when it has no location. */
export function locatedFromPost(post: Post): LocatedPost | null {
  if (!post.location || !isValidLonLat(post.location.lon, post.location.lat)) {
    return null;
  }
  return {
    id: post.id,
    text: truncate(post.text, MAP_TEXT_LENGTH),
    category: post.analysis?.category ?? 'none',
    priority: post.analysis?.priority ?? 'low',
    createdAt: post.createdAt,
    precision: post.location.precision,
    placeName: post.location.placeName,
    lon: post.location.lon,
    lat: post.location.lat,
  };
}

/** Whether a located post passes the map's category filter ('' = every category). */
export function matchesMapCategory(post: LocatedPost, category: string): boolean {
  return category === '' || post.category === category;
}

/** Newest first by createdAt; the incoming version of a post replaces the one already there. */
export function mergeLocated(existing: readonly LocatedPost[], incoming: readonly LocatedPost[], cap: number = MAP_CAP): LocatedPost[] {
  const byId = new Map(existing.map((post) => [post.id, post]));
  for (const post of incoming) {
    byId.set(post.id, post);
  }
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1)).slice(0, cap);
}

export interface PointProperties {
  id: string;
  category: CategoryOrNone;
  priority: Priority;
  colour: string;
  /** 1 for high and critical, so those symbols are drawn bigger. */
  urgent: number;
}

/** The GeoJSON source for MapLibre: one point per post, with its colour precomputed. */
export function toFeatureCollection(posts: readonly LocatedPost[]): FeatureCollection<Point, PointProperties> {
  return {
    type: 'FeatureCollection',
    features: posts.map(
      (post): Feature<Point, PointProperties> => ({
        type: 'Feature',
        id: post.id,
        geometry: { type: 'Point', coordinates: [post.lon, post.lat] },
        properties: {
          id: post.id,
          category: post.category,
          priority: post.priority,
          colour: CATEGORY_COLOURS[post.category].fg,
          urgent: post.priority === 'high' || post.priority === 'critical' ? 1 : 0,
        },
      }),
    ),
  };
}

/** Every category and `none`, in legend order. */
export const MAP_CATEGORIES: readonly CategoryOrNone[] = [...CATEGORY_IDS, 'none'];

/** How many of the posts fall in each category; categories without posts are left out. */
export function legendCounts(posts: readonly LocatedPost[]): { category: CategoryOrNone; count: number }[] {
  const counts = new Map<CategoryOrNone, number>();
  for (const post of posts) {
    counts.set(post.category, (counts.get(post.category) ?? 0) + 1);
  }
  return MAP_CATEGORIES.filter((category) => counts.has(category)).map((category) => ({ category, count: counts.get(category) ?? 0 }));
}

type Expression = [string, ...unknown[]];

const countProperty = (category: CategoryOrNone) => `n_${category}`;

/**
 * `clusterProperties` for the GeoJSON source: a count per category in every cluster, so the
 * cluster can be coloured by its most frequent category.
 */
export function clusterCountProperties(): Record<string, ['+', Expression]> {
  const properties: Record<string, ['+', Expression]> = {};
  for (const category of MAP_CATEGORIES) {
    properties[countProperty(category)] = ['+', ['case', ['==', ['get', 'category'], category], 1, 0]];
  }
  return properties;
}

/**
 * A `circle-color` expression for clusters: the colour of the category with the most posts in the
 * cluster (ties go to the category listed first, i.e. the taxonomy order).
 */
export function dominantCategoryColour(): Expression {
  const counts = MAP_CATEGORIES.map((category) => ['get', countProperty(category)]);
  const max: Expression = ['max', ...counts];
  const cases: unknown[] = [];
  for (const category of MAP_CATEGORIES) {
    cases.push(['==', ['get', countProperty(category)], max], CATEGORY_COLOURS[category].fg);
  }
  return ['case', ...cases, CATEGORY_COLOURS.none.fg];
}

/** [[west, south], [east, north]] around the posts, or null when there are none. */
export function boundsOf(posts: readonly LocatedPost[]): [[number, number], [number, number]] | null {
  if (posts.length === 0) {
    return null;
  }
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const { lon, lat } of posts) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [
    [west, south],
    [east, north],
  ];
}

/** The Netherlands, for the first view before any post is known. */
export const NETHERLANDS_BOUNDS: [[number, number], [number, number]] = [
  [3.2, 50.7],
  [7.3, 53.6],
];

/** Attribution text is shown by MapLibre as HTML; ours is plain text, so it is escaped. */
export function escapeAttribution(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
