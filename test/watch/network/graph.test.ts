import { describe, expect, it } from 'vitest';
import { buildNetwork, topByReach, type Interaction } from '#watch/network/graph.ts';

/** Two groups of friends who talk among themselves, and one influencer everybody reposts. */
function twoCommunities(): Interaction[] {
  const interactions: Interaction[] = [];
  const left = ['a1', 'a2', 'a3', 'a4'];
  const right = ['b1', 'b2', 'b3', 'b4'];
  for (const group of [left, right]) {
    for (const from of group) for (const to of group) if (from !== to) interactions.push({ from, to, kind: 'reply' });
  }
  for (const from of [...left, ...right]) interactions.push({ from, to: 'influencer', kind: 'repost' });
  interactions.push({ from: 'a1', to: 'a1', kind: 'mention' });
  return interactions;
}

describe('actor network (pure)', () => {
  it('ranks the account everybody reposts first, by PageRank and by reach', () => {
    const network = buildNetwork(twoCommunities(), new Map([['influencer', 3]]), 100);
    expect(network.nodes[0]!.id).toBe('influencer');
    expect(network.nodes[0]!.reach).toBe(8 * 3);
    expect(network.nodes[0]!.posts).toBe(3);
    expect(network.nodes[0]!.degree).toBe(8);
    expect(network.top[0]!.id).toBe('influencer');
    expect(network.totals).toEqual({ nodes: 9, edges: 12 * 2 + 8, interactions: 12 * 2 + 8 });
    const sum = network.nodes.reduce((s, n) => s + n.pagerank, 0);
    expect(sum).toBeCloseTo(1, 6);
  });

  it('finds the two groups as Louvain communities, the same way on every run', () => {
    const network = buildNetwork(twoCommunities(), new Map(), 100);
    const communityOf = new Map(network.nodes.map((n) => [n.id, n.community]));
    expect(new Set(['a1', 'a2', 'a3', 'a4'].map((id) => communityOf.get(id))).size).toBe(1);
    expect(new Set(['b1', 'b2', 'b3', 'b4'].map((id) => communityOf.get(id))).size).toBe(1);
    expect(communityOf.get('a1')).not.toBe(communityOf.get('b1'));
    expect(buildNetwork(twoCommunities(), new Map(), 100)).toEqual(network);
    expect(network.communities.reduce((s, c) => s + c.size, 0)).toBe(9);
  });

  it('weighs a repost above a reply above a mention, and sums repeated interactions', () => {
    const network = buildNetwork(
      [
        { from: 'x', to: 'y', kind: 'mention' },
        { from: 'x', to: 'y', kind: 'repost' },
        { from: 'x', to: 'y', kind: 'repost' },
      ],
      new Map(),
      10,
    );
    expect(network.edges).toEqual([{ from: 'x', to: 'y', weight: 7, kinds: { mention: 1, repost: 2 } }]);
  });

  it('keeps only the top nodes and the edges between them', () => {
    const network = buildNetwork(twoCommunities(), new Map(), 3);
    expect(network.nodes).toHaveLength(3);
    const kept = new Set(network.nodes.map((n) => n.id));
    expect(network.edges.every((e) => kept.has(e.from) && kept.has(e.to))).toBe(true);
    expect(network.top.length).toBeGreaterThan(3);
    expect(topByReach(network.nodes, 1)[0]!.id).toBe('influencer');
  });

  it('answers an empty graph for no interactions', () => {
    expect(buildNetwork([], new Map(), 10)).toEqual({ nodes: [], edges: [], communities: [], top: [], totals: { nodes: 0, edges: 0, interactions: 0 } });
  });
});
