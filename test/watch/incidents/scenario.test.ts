import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '#watch/classify/index.ts';
import { Enricher } from '#watch/enrich/enrich.ts';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
import { clusterBatch, dominantCategory, type ClusterState } from '#watch/incidents/cluster.ts';
import { clusterPostOf } from '#watch/incidents/incident-service.ts';
import { analyse } from '#watch/pipeline/analyse.ts';
import type { AnalysedPost } from '#watch/analysis.ts';
import { claimShingles, decideClaim, linksIn } from '#watch/rumours/claims.ts';
import { scenarioLines, type ScenarioLine } from '../enrich/support/scenario.ts';

interface StoryEvent {
  id: string;
  officialReportAt: string;
}

const EVENTS = JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/scenarios/festival-utrecht.events.json', import.meta.url)), 'utf8')) as StoryEvent[];

/**
 * The done-when of issue 4 on the committed scenario, without a database: every line is enriched
 * and classified as the pipeline does, then clustered into incidents and grouped into claims as
 * the consumers do. The storyline's power failure, rumour, crowding at the exit and robbery must
 * each surface as an incident before the scenario's official report.
 */
describe('incidents and rumours on the festival scenario', () => {
  let lines: ScenarioLine[];
  let posts: AnalysedPost[];
  let states: ClusterState[];
  const incidentOf = new Map<string, string>();

  beforeAll(() => {
    lines = scenarioLines();
    const enricher = new Enricher({ gazetteer: Gazetteer.load() });
    const classifier = Classifier.load();
    posts = lines.map((l) => {
      const post = {
        id: l.id,
        organisationId: 'demo',
        source: l.source,
        sourceId: l.id,
        url: null,
        authorPseudonym: l.id,
        text: l.text,
        language: l.lang ?? null,
        createdAt: l.createdAt,
        receivedAt: l.createdAt,
        location: l.geo ? { lat: l.geo.lat, lon: l.geo.lon, precision: 'exact' as const, placeName: null } : null,
        hashtags: [],
        mentions: [],
        media: [],
        replyTo: l.replyTo ?? null,
        repostOf: l.repostOf ?? null,
        quoteOf: l.quoteOf ?? null,
      };
      return { ...post, analysis: analyse(post, enricher, classifier) };
    });
    let next = 0;
    const clustered = posts.map(clusterPostOf).filter((p) => p !== null);
    const result = clusterBatch(clustered, [], () => `incident-${next++}`);
    states = result.states;
    for (const a of result.assignments) incidentOf.set(a.postId, a.incidentId);
  });

  /** The incidents (of three posts or more) whose members are mostly posts of the event, earliest first. */
  function incidentsOf(eventId: string): ClusterState[] {
    return states
      .filter((s) => s.postCount >= 3)
      .filter((s) => {
        const members = lines.filter((l) => incidentOf.get(l.id) === s.id);
        return members.filter((l) => l.truth.eventId === eventId).length * 2 > members.length;
      })
      .sort((a, b) => a.firstAt - b.firstAt);
  }

  it.each(['power-failure', 'rumour-stabbing', 'crowd-exit', 'robbery-oudegracht'])('surfaces %s as an incident before the official report', (eventId) => {
    const official = Date.parse(EVENTS.find((e) => e.id === eventId)!.officialReportAt);
    const found = incidentsOf(eventId);
    expect(found.length, eventId).toBeGreaterThan(0);
    expect(found[0]!.firstAt).toBeLessThan(official);
    // The incident has grown to a real cluster by the time of the official report.
    const biggest = [...found].sort((a, b) => b.postCount - a.postCount)[0]!;
    expect(biggest.postCount).toBeGreaterThanOrEqual(10);
    expect(biggest.located).not.toBeNull();
  });

  it('keeps the rumour apart from the power failure it is about', () => {
    const rumour = [...incidentsOf('rumour-stabbing')].sort((a, b) => b.postCount - a.postCount)[0]!;
    expect(dominantCategory(rumour)).toBe('rumour');
  });

  it('groups the copies of the rumour into one claim', () => {
    const claimOf = new Map<string, string>();
    const texts: { id: string; shingles: Uint32Array | null }[] = [];
    let next = 0;
    for (const post of posts) {
      const repeats = [post.repostOf, post.quoteOf, post.analysis!.nearDuplicateOf].filter((r): r is string => r !== null && r !== post.id);
      const decision = decideClaim(
        { postId: post.id, relevant: post.analysis!.relevant, shingles: claimShingles(post.text), links: linksIn(post.text), repeats },
        { claimOfPost: (id) => claimOf.get(id), claimOfLink: () => undefined, textClaims: texts },
      );
      if (!decision) continue;
      if ('join' in decision) claimOf.set(post.id, decision.join);
      else {
        const id = `claim-${next++}`;
        const root = posts.find((p) => p.id === decision.open.root)!;
        texts.push({ id, shingles: claimShingles(root.text) });
        claimOf.set(root.id, id);
        claimOf.set(post.id, id);
      }
    }
    // The headline of the rumour, in all its reposts and copy-paste variants.
    const headline = lines.filter((l) => l.truth.eventId === 'rumour-stabbing' && /horen net dat er iemand is neergestoken/i.test(l.text));
    expect(headline.length).toBeGreaterThan(20);
    const groups = new Set(headline.map((l) => claimOf.get(l.id)));
    expect(groups.size).toBe(1);
    expect(groups.has(undefined)).toBe(false);
    // That claim is made of rumour posts only.
    const claim = [...groups][0]!;
    const members = lines.filter((l) => claimOf.get(l.id) === claim);
    expect(members.every((l) => l.truth.eventId === 'rumour-stabbing')).toBe(true);
    // The municipality's correction is a claim of its own, not part of the rumour.
    const correction = lines.find((l) => l.text.startsWith('Er gaan berichten rond over een steekpartij'))!;
    expect(claimOf.get(correction.id)).not.toBe(claim);
  });
});
