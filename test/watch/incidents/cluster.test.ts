import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '#core/taxonomy.ts';
import { addPost, bestMatch, clusterBatch, dominantCategory, openState, rebuildState, scoreMatch, type ClusterPost } from '#watch/incidents/cluster.ts';
import { distanceMetres } from '#watch/incidents/geo.ts';
import { termsOf } from '#watch/incidents/terms.ts';

const T0 = Date.parse('2026-07-04T21:08:00Z');
const VREDENBURG = { lat: 52.0927, lon: 5.1158 };
const JAARBEURS = { lat: 52.0888, lon: 5.1078 };
const OVERVECHT = { lat: 52.1170, lon: 5.1100 };

let n = 0;
function post(overrides: Partial<ClusterPost> & { text?: string } = {}): ClusterPost {
  const { text = 'stroomstoring vredenburg alles donker', ...rest } = overrides;
  return { id: `p${++n}`, at: T0, lat: VREDENBURG.lat, lon: VREDENBURG.lon, category: 'infrastructure_outage', priority: 'high', terms: termsOf(text, 'nl'), ...rest };
}

describe('incident clustering (pure)', () => {
  it('measures distance with the haversine formula', () => {
    expect(distanceMetres(VREDENBURG.lat, VREDENBURG.lon, VREDENBURG.lat, VREDENBURG.lon)).toBe(0);
    // Vredenburg – Jaarbeursplein is about 700 m.
    expect(distanceMetres(VREDENBURG.lat, VREDENBURG.lon, JAARBEURS.lat, JAARBEURS.lon)).toBeGreaterThan(600);
    expect(distanceMetres(VREDENBURG.lat, VREDENBURG.lon, JAARBEURS.lat, JAARBEURS.lon)).toBeLessThan(800);
  });

  it('joins a nearby, recent post of the same category and words', () => {
    const incident = openState('i1', post());
    const match = scoreMatch(post({ at: T0 + 60_000, text: 'stroom uitgevallen bij vredenburg, donker' }), incident);
    expect(match).not.toBeNull();
    expect(match!.score).toBeGreaterThan(0.7);
  });

  it('keeps apart posts too far in time or space, of another category, and closed incidents', () => {
    const incident = openState('i1', post());
    expect(scoreMatch(post({ at: T0 + 3 * 3600_000 }), incident)).toBeNull();
    expect(scoreMatch(post({ ...OVERVECHT }), incident)).toBeNull();
    expect(scoreMatch(post({ category: 'medical', text: 'iemand onwel bij de ingang, ambulance' }), incident)).toBeNull();
    expect(scoreMatch(post(), { ...incident, status: 'closed' })).toBeNull();
  });

  it('lets an unlocated post join on words and time only', () => {
    const incident = openState('i1', post());
    expect(scoreMatch(post({ lat: null, lon: null, text: 'stroomstoring vredenburg, alles is donker' }), incident)).not.toBeNull();
    expect(scoreMatch(post({ lat: null, lon: null, text: 'wat een mooie avond' }), incident)).toBeNull();
  });

  it('opens an incident only for priority medium or more, or when a signal points at the post', () => {
    const quiet = post({ priority: 'low' });
    expect(clusterBatch([quiet], [], () => 'new').assignments).toHaveLength(0);
    const signalled = { ...post({ priority: 'low' }), signalled: true };
    expect(clusterBatch([signalled], [], () => 'new').assignments).toEqual([{ postId: signalled.id, incidentId: 'new', opened: true }]);
    // Once an incident is open, a low-priority post that fits it joins.
    const result = clusterBatch([post({ priority: 'high' }), post({ priority: 'low', at: T0 + 60_000 })], [], () => 'new');
    expect(result.assignments.map((a) => a.opened)).toEqual([true, false]);
  });

  it('keeps the centroid, bounding box, priority and counts of its members', () => {
    let state = openState('i1', post({ priority: 'medium' }));
    state = addPost(state, post({ lat: VREDENBURG.lat + 0.002, lon: VREDENBURG.lon + 0.002, priority: 'critical' }));
    state = addPost(state, post({ lat: null, lon: null }));
    expect(state.postCount).toBe(3);
    expect(state.located!.count).toBe(2);
    expect(state.located!.lat).toBeCloseTo(VREDENBURG.lat + 0.001, 6);
    expect(state.located!.maxLat).toBeCloseTo(VREDENBURG.lat + 0.002, 6);
    expect(state.priority).toBe('critical');
    expect(dominantCategory(state)).toBe('infrastructure_outage');
  });

  const arbitraryPost = fc.record({
    minute: fc.integer({ min: 0, max: 240 }),
    dLat: fc.double({ min: -0.02, max: 0.02, noNaN: true }),
    dLon: fc.double({ min: -0.02, max: 0.02, noNaN: true }),
    located: fc.boolean(),
    category: fc.constantFrom('fire', 'crowd_safety', 'rumour', 'medical'),
    priority: fc.constantFrom(...PRIORITIES),
    words: fc.subarray(['brand', 'rook', 'druk', 'uitgang', 'gerucht', 'mes', 'ambulance', 'stroom', 'donker', 'vredenburg'], { minLength: 1 }),
  });

  it('assigns every post at most once, and only to incidents within the time gap and distance (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPost, { maxLength: 60 }), (drafts) => {
        const posts = drafts.map((d, i) => ({
          id: `q${i}`,
          at: T0 + d.minute * 60_000,
          lat: d.located ? VREDENBURG.lat + d.dLat : null,
          lon: d.located ? VREDENBURG.lon + d.dLon : null,
          category: d.category,
          priority: d.priority,
          terms: d.words,
        }));
        let next = 0;
        const result = clusterBatch(posts, [], () => `i${next++}`);
        const ids = result.assignments.map((a) => a.postId);
        expect(new Set(ids).size).toBe(ids.length);
        const total = result.states.reduce((sum, s) => sum + s.postCount, 0);
        expect(total).toBe(result.assignments.length);
        // Every unassigned post was below medium priority.
        const assigned = new Set(ids);
        for (const p of posts) if (!assigned.has(p.id)) expect(['low']).toContain(p.priority);
        // Rebuilding an incident from its members gives the same counts and span.
        for (const state of result.states) {
          const members = posts.filter((p) => result.assignments.some((a) => a.postId === p.id && a.incidentId === state.id));
          const rebuilt = rebuildState(state, members)!;
          expect(rebuilt.postCount).toBe(state.postCount);
          expect(rebuilt.firstAt).toBe(state.firstAt);
          expect(rebuilt.lastAt).toBe(state.lastAt);
          expect(rebuilt.located?.count ?? 0).toBe(state.located?.count ?? 0);
        }
      }),
    );
  });

  it('finds the best of several open incidents', () => {
    const fire = openState('fire', post({ ...JAARBEURS, category: 'fire', text: 'brand in foodtruck jaarbeursplein veel rook' }));
    const outage = openState('outage', post());
    const best = bestMatch(post({ at: T0 + 120_000, text: 'stroomstoring bij vredenburg nog steeds donker' }), [fire, outage]);
    expect(best?.state.id).toBe('outage');
  });
});
