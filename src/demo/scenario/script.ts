import type { CategoryId, Priority } from '#core/taxonomy.ts';
import type { PlaceKey } from './places.ts';
import type { Mood } from './voices.ts';
import type { Lang, ScenarioSource } from './types.ts';

/**
 * The vocabulary the storyline is written in: events made of phases (a stretch of time with its
 * own phrases, tone, priority and repost behaviour) and scripted posts (official messages and a
 * few pivotal citizen posts at fixed times).
 */

/** Phrase templates by language; `mixed` are Dutch posts with English mixed in. */
export interface Bank {
  nl: readonly string[];
  en: readonly string[];
  mixed?: readonly string[];
}

/** How posts are spread over a phase: even, swelling, dying out, or peaking in the middle. */
export type Shape = 'flat' | 'rise' | 'decay' | 'peak';

export interface Phase {
  /** Local time (Europe/Amsterdam) 'HH:MM' or 'HH:MM:SS'; before noon means after midnight. */
  from: string;
  to: string;
  /** Share of the event's posts that fall in this phase. */
  weight: number;
  /** Posts in this phase whatever the scale, so small scenarios keep their build-up. */
  min?: number;
  shape: Shape;
  bank: Bank;
  mood: Mood;
  priority: Priority | null;
  /** Defaults to the event's category; null for posts that are not safety-relevant. */
  category?: CategoryId | null;
  /** Defaults to true when the phase has a category. */
  relevant?: boolean;
  /** Share of original posts written in English (default 0.1). */
  en?: number;
  /** Chances that a post is a repost, a reply or a quote of an earlier post. */
  repost?: number;
  reply?: number;
  quote?: number;
  replies?: Bank;
  quotes?: Bank;
  /** Chance that an original is a lightly edited copy of an earlier one (copy-paste chains). */
  copy?: number;
  /** Chances of a photo or a video. */
  image?: number;
  video?: number;
  /** Where posts with GPS coordinates are. */
  place: PlaceKey;
  /** Extra hashtags people may add. */
  tags?: readonly string[];
  /** Extra weight of official posts as repost and quote targets (a correction being shared). */
  officialPull?: number;
  /** An official account that answers some of these posts with a reply (webcare). */
  answer?: Answer;
}

export interface Answer {
  account: string;
  /** Share of posts answered. */
  rate: number;
  /** Webcare starts at this local time; earlier questions wait. */
  from?: string;
  bank: Bank;
}

/**
 * A post at a fixed time by a well-known account, posted on each of its networks. Whether it is
 * official follows from the account.
 */
export interface ScriptedPost {
  at: string;
  account: string;
  /** Defaults to every network the account is on. */
  sources?: readonly ScenarioSource[];
  text: string;
  lang?: Lang;
  /** Lets later scripted posts refer to this one. */
  key?: string;
  replyTo?: string;
  repostOf?: string;
  quoteOf?: string;
  media?: 'image' | 'video';
  /** For RSS items: the article path. */
  url?: string;
  category?: CategoryId | null;
  priority?: Priority | null;
  relevant?: boolean;
}

export interface EventScript {
  id: string;
  title: { nl: string; en: string };
  category: CategoryId | null;
  start: string;
  end: string;
  place: PlaceKey;
  description: string;
  /** Number of posts at the default scale of 6000 lines. */
  volume: number;
  phases: readonly Phase[];
  scripted: readonly ScriptedPost[];
  /** Other events whose posts this event's posts may quote (a rumour quoting the blackout). */
  related?: readonly string[];
}
