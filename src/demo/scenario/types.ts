import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { PlaceKey } from './places.ts';

/** The networks and feeds a scenario line can come from (the replay connector's `source`). */
export type ScenarioSource = 'mastodon' | 'bluesky' | 'rss' | 'p2000';

/** The language a text is written in; mixed Dutch-English posts count as their main language. */
export type Lang = 'nl' | 'en';

/** Ground truth for one line: what a perfect watch pipeline would conclude about it. */
export interface PostTruth {
  eventId: string | null;
  category: CategoryId | null;
  relevant: boolean;
  priority: Priority | null;
  official: boolean;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface ScenarioMedia {
  url: string;
  type: 'image' | 'video';
}

/** One line of the recorded stream, in the shape the JSONL replay connector reads. */
export interface ScenarioPost {
  id: string;
  source: ScenarioSource;
  author: { handle: string; name?: string };
  text: string;
  createdAt: string;
  lang?: Lang;
  url?: string;
  geo?: GeoPoint;
  replyTo?: string;
  repostOf?: string;
  quoteOf?: string;
  mentions?: string[];
  media?: ScenarioMedia[];
  truth: PostTruth;
}

/** One storyline entry of `events.json`: the ground truth detection is scored against. */
export interface ScenarioEvent {
  id: string;
  title: { nl: string; en: string };
  /** Null for programme items (the fireworks show) that are not incidents themselves. */
  category: CategoryId | null;
  /** The highest priority among the event's posts (for the fireworks: its injury posts). */
  priority: Priority | null;
  start: string;
  end: string;
  place: { name: string; lat: number; lon: number };
  /** When an official channel (P2000 or an official account) first reports the event. */
  officialReportAt: string;
  description: string;
  /** Derived counts, so a reader of the file sees how much build-up detection has to work with. */
  stats: { posts: number; postsBeforeOfficialReport: number; reposts: number };
}

export interface ScenarioOptions {
  /** PRNG seed; the same seed gives byte-identical output. */
  seed?: number;
  /** Total number of lines to generate (default 6000). */
  posts?: number;
}

export interface Scenario {
  posts: ScenarioPost[];
  events: ScenarioEvent[];
}

/** Who is writing, which decides vocabulary, spelling and how often typos and emoji appear. */
export type Register = 'teen' | 'young' | 'adult' | 'senior' | 'expat' | 'journalist' | 'official' | 'news' | 'artist' | 'influencer';

export interface Persona {
  key: string;
  source: ScenarioSource;
  handle: string;
  name?: string;
  register: Register;
  /** Language the persona writes in; Dutch personas sometimes mix in English. */
  lang: Lang;
  official: boolean;
  /** Relative reach: how likely others are to repost this account. */
  influence: number;
  /** Relative posting activity (Zipf-like over the pool). */
  activity: number;
  typoRate: number;
  emojiRate: number;
  hashtagRate: number;
  lowercase: number;
  slang: number;
  /** Neighbourhood the persona lives in, for posts from home. */
  home: PlaceKey;
}
