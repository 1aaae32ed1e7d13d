import type { CategoryId, Priority } from '#core/taxonomy.ts';
import { stem } from '../enrich/stem.ts';
import { tokenize } from '../enrich/tokenize.ts';
import { areaContains } from './areas.ts';
import { PRIORITY_RANK, type AlertRule, type Keyword, type WatchlistScope } from './watchlist.ts';

/** What matching needs of a post. */
export interface MatchablePost {
  text: string;
  language: string | null;
  authorPseudonym: string;
  createdAt: string;
  category: CategoryId | null;
  priority: Priority;
  relevant: boolean;
  location: { lat: number; lon: number } | null;
}

/** What matching needs of a signal. */
export interface MatchableSignal {
  category: CategoryId;
  centre: { lat: number; lon: number } | null;
  detectedAt: string;
  score: number;
}

/** The stems of a keyword in Dutch and English (Snowball, as enrichment stems posts). */
export function keywordOf(text: string): Keyword {
  const words = tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'hashtag');
  return { text, stems: { nl: words.map((w) => stem(w.norm, 'nl')), en: words.map((w) => stem(w.norm, 'en')) } };
}

/** The stems of a post's words in its language (Dutch unless English), as a set. */
export function postStems(text: string, language: string | null): Set<string> {
  const lang = language === 'en' ? 'en' : 'nl';
  const stems = new Set<string>();
  for (const t of tokenize(text)) if (t.kind === 'word' || t.kind === 'hashtag') stems.add(stem(t.norm, lang));
  return stems;
}

function keywordMatches(keyword: Keyword, stems: Set<string>, language: string | null): boolean {
  const wanted = language === 'en' ? keyword.stems.en : keyword.stems.nl;
  return wanted.length > 0 && wanted.every((s) => stems.has(s));
}

function inPlaceAndTime(scope: WatchlistScope, location: { lat: number; lon: number } | null, at: string): boolean {
  if (scope.areas.length > 0 && (location === null || !scope.areas.some((a) => areaContains(a, location)))) return false;
  if (scope.events.length > 0 && (location === null || !scope.events.some((e) => at >= e.from && at <= e.to && areaContains(e.area, location)))) return false;
  return true;
}

/**
 * Whether a post falls in a watchlist's scope: every dimension the watchlist uses must match
 * (keywords by stem, areas and events by location and time, accounts by pseudonym, categories).
 * `stems` may be passed when the caller matches one post against many watchlists.
 */
export function postInScope(scope: WatchlistScope, post: MatchablePost, stems?: Set<string>): boolean {
  if (scope.categories.length > 0 && (post.category === null || !post.relevant || !scope.categories.includes(post.category))) return false;
  if (scope.accounts.length > 0 && !scope.accounts.some((a) => a.pseudonym === post.authorPseudonym)) return false;
  if (!inPlaceAndTime(scope, post.location, new Date(post.createdAt).toISOString())) return false;
  if (scope.keywords.length > 0) {
    const s = stems ?? postStems(post.text, post.language);
    if (!scope.keywords.some((k) => keywordMatches(k, s, post.language))) return false;
  }
  return true;
}

/**
 * Whether a signal falls in a watchlist's scope: its category, its cell's centre in the areas, its
 * detection inside an event's window and geofence. Keywords and accounts say nothing about a
 * burst, so they do not restrict signals. An unlocated signal is in scope only of a watchlist
 * without areas or events.
 */
export function signalInScope(scope: WatchlistScope, signal: MatchableSignal): boolean {
  if (scope.categories.length > 0 && !scope.categories.includes(signal.category)) return false;
  return inPlaceAndTime(scope, signal.centre, new Date(signal.detectedAt).toISOString());
}

/** Whether a rule fires for a post in its watchlist's scope. */
export function ruleFiresOnPost(rule: AlertRule, post: MatchablePost): boolean {
  return rule.enabled && rule.condition.on === 'post' && post.relevant && PRIORITY_RANK[post.priority] >= PRIORITY_RANK[rule.condition.minPriority];
}

/** Whether a rule fires for a signal in its watchlist's scope. */
export function ruleFiresOnSignal(rule: AlertRule, signal: MatchableSignal): boolean {
  return rule.enabled && rule.condition.on === 'signal' && signal.score >= rule.condition.minScore;
}

/**
 * The detector's sensitivity for a post: the highest of the enabled watchlists whose place, time
 * and categories contain it; 1 when none does.
 */
export function sensitivityFor(watchlists: readonly { scope: WatchlistScope; sensitivity: number; enabled: boolean }[], post: { category: CategoryId; location: { lat: number; lon: number } | null; at: number }): number {
  let best: number | undefined;
  for (const w of watchlists) {
    // Keywords and accounts say nothing about where a burst is: only place, time or category scope the detector.
    if (!w.enabled || w.scope.areas.length + w.scope.events.length + w.scope.categories.length === 0) continue;
    if (!signalInScope(w.scope, { category: post.category, centre: post.location, detectedAt: new Date(post.at).toISOString(), score: 0 })) continue;
    best = Math.max(best ?? 0, w.sensitivity);
  }
  return best ?? 1;
}
