import { describe, expect, it } from 'vitest';
import { areaContains } from '#watch/watchlists/areas.ts';
import { keywordOf, postInScope, ruleFiresOnPost, ruleFiresOnSignal, sensitivityFor, signalInScope, type MatchablePost } from '#watch/watchlists/match.ts';
import type { AlertRule, WatchlistScope } from '#watch/watchlists/watchlist.ts';

const VREDENBURG = { lat: 52.0927, lon: 5.1158 };
const AMSTERDAM = { lat: 52.3731, lon: 4.8926 };
const scope = (overrides: Partial<WatchlistScope> = {}): WatchlistScope => ({ keywords: [], areas: [], accounts: [], events: [], categories: [], ...overrides });
const post = (overrides: Partial<MatchablePost> = {}): MatchablePost => ({
  text: 'Grote brand bij de foodtrucks op het Vredenburg',
  language: 'nl',
  authorPseudonym: 'p-author',
  createdAt: '2026-07-04T20:00:00.000Z',
  category: 'fire',
  priority: 'high',
  relevant: true,
  location: VREDENBURG,
  ...overrides,
});
const rule = (overrides: Partial<AlertRule> = {}): AlertRule => ({ id: 'r', watchlistId: 'w', name: 'r', condition: { on: 'post', minPriority: 'high' }, channels: { dashboard: true, email: [], webhook: null }, throttleMinutes: 15, enabled: true, ...overrides });

describe('areas', () => {
  it('contains points in circles, polygons and municipalities', () => {
    expect(areaContains({ kind: 'circle', lat: 52.09, lon: 5.115, radiusM: 1000 }, VREDENBURG)).toBe(true);
    expect(areaContains({ kind: 'circle', lat: 52.09, lon: 5.115, radiusM: 100 }, VREDENBURG)).toBe(false);
    const square = { kind: 'polygon' as const, coordinates: [[[5.1, 52.08], [5.13, 52.08], [5.13, 52.1], [5.1, 52.1], [5.1, 52.08]] as [number, number][]] };
    expect(areaContains(square, VREDENBURG)).toBe(true);
    expect(areaContains(square, AMSTERDAM)).toBe(false);
    expect(areaContains({ kind: 'municipality', code: 'GM0344' }, VREDENBURG)).toBe(true);
    expect(areaContains({ kind: 'municipality', code: 'GM0344' }, AMSTERDAM)).toBe(false);
    expect(areaContains({ kind: 'municipality', code: 'GM0363' }, AMSTERDAM)).toBe(true);
  });
});

describe('watchlist matching', () => {
  it('matches keywords by stem, in the post language', () => {
    expect(postInScope(scope({ keywords: [keywordOf('branden')] }), post())).toBe(true);
    expect(postInScope(scope({ keywords: [keywordOf('stroomstoring')] }), post())).toBe(false);
    expect(postInScope(scope({ keywords: [keywordOf('power cut')] }), post({ text: 'Power is cut everywhere, the whole stage went dark', language: 'en' }))).toBe(true);
    expect(postInScope(scope({ keywords: [keywordOf('brand foodtruck')] }), post())).toBe(true);
  });

  it('requires every dimension it uses: area, account, category, event window', () => {
    const utrecht = { kind: 'municipality' as const, code: 'GM0344' };
    expect(postInScope(scope({ areas: [utrecht] }), post())).toBe(true);
    expect(postInScope(scope({ areas: [utrecht] }), post({ location: AMSTERDAM }))).toBe(false);
    expect(postInScope(scope({ areas: [utrecht] }), post({ location: null }))).toBe(false);
    expect(postInScope(scope({ accounts: [{ source: 'mastodon', pseudonym: 'p-author' }] }), post())).toBe(true);
    expect(postInScope(scope({ accounts: [{ source: 'mastodon', pseudonym: 'p-other' }] }), post())).toBe(false);
    expect(postInScope(scope({ categories: ['fire'], areas: [utrecht] }), post())).toBe(true);
    expect(postInScope(scope({ categories: ['crowd_safety'], areas: [utrecht] }), post())).toBe(false);
    const festival = { name: 'Zomerfeest', area: { kind: 'circle' as const, lat: 52.0927, lon: 5.1158, radiusM: 1500 }, from: '2026-07-04T14:00:00.000Z', to: '2026-07-04T23:59:00.000Z' };
    expect(postInScope(scope({ events: [festival] }), post())).toBe(true);
    expect(postInScope(scope({ events: [festival] }), post({ createdAt: '2026-07-05T02:00:00.000Z' }))).toBe(false);
  });

  it('scopes signals by category, place and event window; keywords do not restrict them', () => {
    const signal = { category: 'fire' as const, centre: VREDENBURG, detectedAt: '2026-07-04T20:00:00.000Z', score: 12 };
    expect(signalInScope(scope({ keywords: [keywordOf('brand')] }), signal)).toBe(true);
    expect(signalInScope(scope({ areas: [{ kind: 'municipality', code: 'GM0363' }] }), signal)).toBe(false);
    expect(signalInScope(scope({ areas: [{ kind: 'municipality', code: 'GM0344' }] }), { ...signal, centre: null })).toBe(false);
    expect(signalInScope(scope({ categories: ['fire'] }), { ...signal, centre: null })).toBe(true);
  });

  it('fires rules by priority or signal score', () => {
    expect(ruleFiresOnPost(rule(), post())).toBe(true);
    expect(ruleFiresOnPost(rule(), post({ priority: 'medium' }))).toBe(false);
    expect(ruleFiresOnPost(rule({ enabled: false }), post())).toBe(false);
    expect(ruleFiresOnPost(rule({ condition: { on: 'signal', minScore: 0 } }), post())).toBe(false);
    const signal = { category: 'fire' as const, centre: VREDENBURG, detectedAt: '2026-07-04T20:00:00.000Z', score: 5 };
    expect(ruleFiresOnSignal(rule({ condition: { on: 'signal', minScore: 4 } }), signal)).toBe(true);
    expect(ruleFiresOnSignal(rule({ condition: { on: 'signal', minScore: 6 } }), signal)).toBe(false);
  });

  it('gives the detector the highest sensitivity of the watchlists around a post', () => {
    const lists = [
      { scope: scope({ areas: [{ kind: 'circle', lat: 52.0927, lon: 5.1158, radiusM: 2000 }] }), sensitivity: 2, enabled: true },
      { scope: scope({ categories: ['fire'] }), sensitivity: 1.5, enabled: true },
      { scope: scope({ keywords: [keywordOf('brand')] }), sensitivity: 4, enabled: true },
      { scope: scope({ categories: ['fire'] }), sensitivity: 3, enabled: false },
    ];
    const at = Date.parse('2026-07-04T20:00:00.000Z');
    expect(sensitivityFor(lists, { category: 'fire', location: VREDENBURG, at })).toBe(2);
    expect(sensitivityFor(lists, { category: 'fire', location: AMSTERDAM, at })).toBe(1.5);
    expect(sensitivityFor(lists, { category: 'crowd_safety', location: AMSTERDAM, at })).toBe(1);
  });
});
