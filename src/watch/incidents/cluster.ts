import { PRIORITIES, type Priority } from '#core/taxonomy.ts';
import { distanceMetres } from './geo.ts';

/**
 * Online clustering of related posts into incidents (SPEC W7): pure, so it is tested without a
 * database and the service only loads and stores what it decides. A relevant post joins the open
 * incident that scores best on time proximity, distance, shared words and category; when none
 * scores high enough, a post of priority medium or more (or one a signal points at) opens a new
 * incident. Unlocated posts join on text and time alone.
 */

export const INCIDENT_STATUSES = ['new', 'monitoring', 'confirmed', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What clustering needs of a post. */
export interface ClusterPost {
  id: string;
  /** Creation time, ms since the epoch. */
  at: number;
  lat: number | null;
  lon: number | null;
  category: string | null;
  priority: Priority;
  /** Stemmed content words, distinct (see terms.ts). */
  terms: readonly string[];
}

export interface Located {
  count: number;
  lat: number;
  lon: number;
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

/** What clustering needs of an incident; the service persists it as the incident row. */
export interface ClusterState {
  id: string;
  status: IncidentStatus;
  priority: Priority;
  firstAt: number;
  lastAt: number;
  postCount: number;
  located: Located | null;
  /** Term → members using it. */
  terms: Record<string, number>;
  /** Category → members in it; the incident's category is the most frequent. */
  categories: Record<string, number>;
}

export interface ClusterOptions {
  /** A post joins only incidents with a member at most this long before (or after) it. */
  maxGapMs: number;
  /** Located posts join only incidents whose centre is at most this far. */
  maxDistanceM: number;
  /** Time over which the time score falls to 1/e. */
  timeScaleMs: number;
  /** Distance over which the distance score falls to 1/e. */
  distanceScaleM: number;
  /** Lowest score at which a post joins. */
  joinThreshold: number;
  /** Terms of the profile compared with a post (the most used ones). */
  profileSize: number;
}

export const CLUSTER_DEFAULTS: ClusterOptions = {
  maxGapMs: 30 * 60_000,
  maxDistanceM: 1_000,
  timeScaleMs: 15 * 60_000,
  distanceScaleM: 350,
  joinThreshold: 0.42,
  profileSize: 30,
};

/** Weights of the four parts of a score; they add up to one. */
const WEIGHTS = { time: 0.25, distance: 0.25, text: 0.3, category: 0.2 };
/** A post of another category joins only when its words match this well. */
const OTHER_CATEGORY_TEXT = 0.5;
/** A post of a related category joins when its words match this well (and scores half for category). */
const RELATED_CATEGORY_TEXT = 0.3;
/**
 * Categories that witnesses of one event often mix up: a robbery is also reported as violence or
 * a suspicious situation, a collapse as medical or a call for help. A rumour is kept apart on
 * purpose: it must surface as its own incident, not disappear into the event it is about.
 */
const RELATED: readonly (readonly string[])[] = [
  ['robbery_burglary', 'violence_weapons', 'suspicious'],
  ['medical', 'call_for_help'],
  ['crowd_safety', 'public_order'],
  ['infrastructure_outage', 'traffic_transport'],
];

/** 1 for the same category, 0.5 for a related one, else 0. */
export function categoryAffinity(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  return RELATED.some((group) => group.includes(a) && group.includes(b)) ? 0.5 : 0;
}
/** An unlocated post (or incident) joins only when its words match this well. */
const UNLOCATED_TEXT = 0.25;

export interface MatchScore {
  score: number;
  time: number;
  distance: number | null;
  text: number;
  category: number;
}

/** The category with most members (ties: the first counted), or null. */
export function dominantCategory(state: Pick<ClusterState, 'categories'>): string | null {
  let best: string | null = null;
  let count = 0;
  for (const [category, n] of Object.entries(state.categories)) {
    if (n > count) {
      best = category;
      count = n;
    }
  }
  return best;
}

/** The `size` most used terms of a profile (ties broken alphabetically, so the result is stable). */
export function topTerms(terms: Record<string, number>, size: number): string[] {
  return Object.entries(terms)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([term]) => term);
}

/** Share of the post's terms that the incident's profile contains (0 when the post has none). */
export function textSimilarity(post: Pick<ClusterPost, 'terms'>, profile: ReadonlySet<string>): number {
  if (post.terms.length === 0) return 0;
  let shared = 0;
  for (const term of post.terms) if (profile.has(term)) shared++;
  return shared / post.terms.length;
}

/** How well a post fits an incident, or null when it may not join at all (closed, too far in time or space). */
export function scoreMatch(post: ClusterPost, state: ClusterState, options: ClusterOptions = CLUSTER_DEFAULTS, profile?: ReadonlySet<string>): MatchScore | null {
  if (state.status === 'closed') return null;
  const gap = post.at > state.lastAt ? post.at - state.lastAt : post.at < state.firstAt ? state.firstAt - post.at : 0;
  if (gap > options.maxGapMs) return null;
  const text = textSimilarity(post, profile ?? new Set(topTerms(state.terms, options.profileSize)));
  const category = categoryAffinity(post.category, dominantCategory(state));
  if ((category === 0 && text < OTHER_CATEGORY_TEXT) || (category === 0.5 && text < RELATED_CATEGORY_TEXT)) return null;
  let distance: number | null = null;
  if (post.lat !== null && post.lon !== null && state.located) {
    const metres = distanceMetres(post.lat, post.lon, state.located.lat, state.located.lon);
    if (metres > options.maxDistanceM) return null;
    distance = Math.exp(-metres / options.distanceScaleM);
  } else if (text < UNLOCATED_TEXT) {
    return null;
  }
  const time = Math.exp(-gap / options.timeScaleMs);
  // Without a distance, the other parts carry the whole score.
  const score =
    distance === null
      ? (WEIGHTS.time * time + WEIGHTS.text * text + WEIGHTS.category * category) / (1 - WEIGHTS.distance)
      : WEIGHTS.time * time + WEIGHTS.distance * distance + WEIGHTS.text * text + WEIGHTS.category * category;
  return { score, time, distance, text, category };
}

/** The open incident the post fits best with a score at or above the threshold, or null. */
export function bestMatch(post: ClusterPost, states: readonly ClusterState[], options: ClusterOptions = CLUSTER_DEFAULTS): { state: ClusterState; match: MatchScore } | null {
  let best: { state: ClusterState; match: MatchScore } | null = null;
  for (const state of states) {
    const match = scoreMatch(post, state, options);
    if (match && match.score >= options.joinThreshold && (!best || match.score > best.match.score)) best = { state, match };
  }
  return best;
}

/** Whether a post that fits no incident opens one: priority medium or more, or a signal points at it. */
export function opensIncident(post: Pick<ClusterPost, 'priority'>, signalled = false): boolean {
  return signalled || PRIORITIES.indexOf(post.priority) >= PRIORITIES.indexOf('medium');
}

function higher(a: Priority, b: Priority): Priority {
  return PRIORITIES.indexOf(a) >= PRIORITIES.indexOf(b) ? a : b;
}

function addLocation(located: Located | null, lat: number, lon: number): Located {
  if (!located) return { count: 1, lat, lon, minLat: lat, minLon: lon, maxLat: lat, maxLon: lon };
  const count = located.count + 1;
  return {
    count,
    lat: located.lat + (lat - located.lat) / count,
    lon: located.lon + (lon - located.lon) / count,
    minLat: Math.min(located.minLat, lat),
    minLon: Math.min(located.minLon, lon),
    maxLat: Math.max(located.maxLat, lat),
    maxLon: Math.max(located.maxLon, lon),
  };
}

/** A new incident made of one post. */
export function openState(id: string, post: ClusterPost): ClusterState {
  return addPost({ id, status: 'new', priority: post.priority, firstAt: post.at, lastAt: post.at, postCount: 0, located: null, terms: {}, categories: {} }, post);
}

/** The incident with the post added (a new object; the argument is not changed). */
export function addPost(state: ClusterState, post: ClusterPost): ClusterState {
  const terms = { ...state.terms };
  for (const term of post.terms) terms[term] = (terms[term] ?? 0) + 1;
  const categories = { ...state.categories };
  if (post.category !== null) categories[post.category] = (categories[post.category] ?? 0) + 1;
  return {
    ...state,
    priority: higher(state.priority, post.priority),
    firstAt: Math.min(state.firstAt, post.at),
    lastAt: Math.max(state.lastAt, post.at),
    postCount: state.postCount + 1,
    located: post.lat !== null && post.lon !== null ? addLocation(state.located, post.lat, post.lon) : state.located,
    terms,
    categories,
  };
}

/**
 * The incident rebuilt from its members (after a split or a merge), keeping id and status.
 * Members are added in time order, so the result does not depend on the order given.
 */
export function rebuildState(base: Pick<ClusterState, 'id' | 'status'>, members: readonly ClusterPost[]): ClusterState | null {
  if (members.length === 0) return null;
  const sorted = [...members].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  let state = openState(base.id, sorted[0]!);
  for (const post of sorted.slice(1)) state = addPost(state, post);
  // A rebuilt incident's priority is that of its members, not the opener's alone.
  return { ...state, status: base.status };
}

/** A post that joined or opened an incident. */
export interface Assignment {
  postId: string;
  incidentId: string;
  opened: boolean;
}

/**
 * Clusters a batch of posts (in time order) against the open incidents: the pure core of the
 * consumer. `newId` names opened incidents. Returns the changed and new incidents and where each
 * post went; posts that neither join nor open are left out.
 */
export function clusterBatch(
  posts: readonly (ClusterPost & { signalled?: boolean })[],
  open: readonly ClusterState[],
  newId: () => string,
  options: ClusterOptions = CLUSTER_DEFAULTS,
): { states: ClusterState[]; changed: Set<string>; assignments: Assignment[] } {
  const states = [...open];
  const changed = new Set<string>();
  const assignments: Assignment[] = [];
  for (const post of [...posts].sort((a, b) => a.at - b.at)) {
    const best = bestMatch(post, states, options);
    if (best) {
      const index = states.indexOf(best.state);
      states[index] = addPost(best.state, post);
      changed.add(best.state.id);
      assignments.push({ postId: post.id, incidentId: best.state.id, opened: false });
    } else if (opensIncident(post, post.signalled)) {
      const state = openState(newId(), post);
      states.push(state);
      changed.add(state.id);
      assignments.push({ postId: post.id, incidentId: state.id, opened: true });
    }
  }
  return { states, changed, assignments };
}
