import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { generateScenario, type ScenarioPost } from '#demo/scenario/index.ts';

const scenario = generateScenario();
const posts = scenario.posts;
const share = (part: number, whole: number): number => part / whole;

function buildUp(all: readonly ScenarioPost[], eventId: string, reportAt: string): ScenarioPost[] {
  return all.filter((p) => p.truth.eventId === eventId && !p.truth.official && p.createdAt < reportAt);
}

describe('scenario storyline', () => {
  it('has the seven storyline events of SPEC §11 and the background ones', () => {
    const ids = scenario.events.map((e) => e.id);
    for (const id of ['fireworks', 'power-failure', 'rumour-stabbing', 'crowd-exit', 'robbery-oudegracht', 'cardiac-arrest', 'citizen-questions']) {
      expect(ids).toContain(id);
    }
    expect(scenario.events.find((e) => e.id === 'cardiac-arrest')!.priority).toBe('critical');
    expect(scenario.events.find((e) => e.id === 'crowd-exit')!.priority).toBe('critical');
  });

  it('reports each event officially only after citizens have been posting about it', () => {
    for (const event of scenario.events) {
      const first = posts.find((p) => p.truth.eventId === event.id && p.truth.official);
      expect(first?.createdAt, event.id).toBe(event.officialReportAt);
      expect(buildUp(posts, event.id, event.officialReportAt).length, event.id).toBeGreaterThanOrEqual(5);
      expect(posts.some((p) => p.truth.eventId === event.id && p.createdAt > event.officialReportAt), event.id).toBe(true);
      expect(event.stats.postsBeforeOfficialReport).toBeGreaterThanOrEqual(buildUp(posts, event.id, event.officialReportAt).length);
    }
  });

  it('keeps a build-up before every official report at the smallest scale too', () => {
    const small = generateScenario({ posts: 500, seed: 3 });
    for (const event of small.events) expect(buildUp(small.posts, event.id, event.officialReportAt).length, event.id).toBeGreaterThanOrEqual(3);
  });

  it('notices the power failure minutes before the first official word', () => {
    const event = scenario.events.find((e) => e.id === 'power-failure')!;
    const first = buildUp(posts, event.id, event.officialReportAt)[0]!;
    expect(Date.parse(event.officialReportAt) - Date.parse(first.createdAt)).toBeGreaterThan(5 * 60_000);
  });

  it('is mostly chatter: about a fifth of the posts is safety-relevant', () => {
    const relevant = posts.filter((p) => p.truth.relevant).length;
    expect(share(relevant, posts.length)).toBeGreaterThan(0.15);
    expect(share(relevant, posts.length)).toBeLessThan(0.28);
  });

  it('has about one post in eight in English, and a language hint on about 70% of social posts', () => {
    const hinted = posts.filter((p) => p.lang !== undefined);
    const english = hinted.filter((p) => p.lang === 'en').length;
    expect(share(english, hinted.length)).toBeGreaterThan(0.08);
    expect(share(english, hinted.length)).toBeLessThan(0.18);
    const social = posts.filter((p) => p.source === 'mastodon' || p.source === 'bluesky');
    const hintShare = share(social.filter((p) => p.lang !== undefined).length, social.length);
    expect(hintShare).toBeGreaterThan(0.62);
    expect(hintShare).toBeLessThan(0.78);
  });

  it('has explicit GPS on roughly 8% of posts', () => {
    const geo = share(posts.filter((p) => p.geo).length, posts.length);
    expect(geo).toBeGreaterThan(0.05);
    expect(geo).toBeLessThan(0.11);
  });

  it('labels with every category of the taxonomy, and only those', () => {
    const seen = new Set(posts.map((p) => p.truth.category).filter((c) => c !== null));
    expect([...seen].sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it('varies its wording: fewer than 15% of non-repost texts are exact duplicates', () => {
    const texts = posts.filter((p) => p.repostOf === undefined).map((p) => p.text);
    expect(1 - new Set(texts).size / texts.length).toBeLessThan(0.15);
  });

  it('keeps every text between 1 and 2000 characters', () => {
    for (const p of posts) {
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.text.length).toBeLessThanOrEqual(2000);
    }
  });

  it('spreads the rumour through reposts and copies, and has the correction reposted', () => {
    const rumour = posts.filter((p) => p.truth.eventId === 'rumour-stabbing');
    const reposts = rumour.filter((p) => p.repostOf !== undefined);
    expect(share(reposts.length, rumour.length)).toBeGreaterThan(0.3);
    expect(rumour.some((p) => p.lang === 'en')).toBe(true);
    const corrections = new Set(rumour.filter((p) => p.truth.official && p.repostOf === undefined).map((p) => p.id));
    expect(reposts.filter((p) => corrections.has(p.repostOf!)).length).toBeGreaterThan(15);
  });

  it('has photo tips for the robbery', () => {
    const robbery = posts.filter((p) => p.truth.eventId === 'robbery-oudegracht' && p.repostOf === undefined);
    expect(robbery.filter((p) => p.media?.some((m) => m.type === 'image')).length).toBeGreaterThanOrEqual(5);
  });

  it('has Zipf-like authors and a few accounts whose posts travel far', () => {
    const perAuthor = new Map<string, number>();
    for (const p of posts) perAuthor.set(p.author.handle, (perAuthor.get(p.author.handle) ?? 0) + 1);
    const counts = [...perAuthor.values()].sort((a, b) => b - a);
    expect(perAuthor.size).toBeGreaterThan(300);
    expect(counts[0]!).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]!);
    const byId = new Map(posts.map((p) => [p.id, p]));
    const reach = new Map<string, number>();
    for (const p of posts) if (p.repostOf) reach.set(byId.get(p.repostOf)!.author.handle, (reach.get(byId.get(p.repostOf)!.author.handle) ?? 0) + 1);
    const top = [...reach.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    expect(top[0]![1]).toBeGreaterThan(30);
  });

  it('marks official channels, and nothing else, as official', () => {
    for (const p of posts.filter((x) => x.truth.official)) expect(p.author.handle, p.text).toMatch(/overheid|zomerfeest030|nsreisinfo|ns-reisinfo|netbeheer|p2000|gemeente|politie|vr-utrecht/);
    expect(posts.some((p) => p.source === 'p2000' && p.truth.official)).toBe(true);
  });
});
