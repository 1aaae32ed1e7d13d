import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank.js';

/**
 * The actor network (SPEC W9), pure: interactions between author pseudonyms in, a bounded graph
 * with PageRank, degrees and Louvain communities out. Nodes are pseudonyms, never handles (G1).
 */

/** Accounts listed as having the most reach. */
export const TOP_ACCOUNTS = 10;

export const INTERACTION_KINDS = ['mention', 'reply', 'repost', 'quote'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * How much one interaction says about reach: a repost carries the whole message to the
 * reposter's followers, a quote or reply most of it, a mention only points at someone.
 */
export const INTERACTION_WEIGHTS: Readonly<Record<InteractionKind, number>> = { repost: 3, quote: 2, reply: 2, mention: 1 };

/** `from` reposted, quoted, replied to or mentioned `to`. */
export interface Interaction {
  from: string;
  to: string;
  kind: InteractionKind;
}

export interface NetworkNode {
  id: string;
  pagerank: number;
  /** Distinct accounts this account interacts with, either way. */
  degree: number;
  /** Weighted interactions received: how often the account is reposted, quoted, replied to, mentioned. */
  reach: number;
  /** Weighted interactions made. */
  activity: number;
  community: number;
  /** Posts by this account in scope. */
  posts: number;
}

export interface NetworkEdge {
  from: string;
  to: string;
  weight: number;
  kinds: Partial<Record<InteractionKind, number>>;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  communities: { id: number; size: number }[];
  /** The accounts with the most reach in the whole graph (also those cut from `nodes`). */
  top: NetworkNode[];
  /** Size of the whole graph before it was cut to the top nodes. */
  totals: { nodes: number; edges: number; interactions: number };
}

/** A seeded PRNG (mulberry32), so Louvain gives the same communities for the same graph. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds the network of the interactions (self-interactions are dropped), computes PageRank over
 * the weighted directed graph (attention flows to whom is reposted and mentioned), degree and
 * Louvain communities over the whole graph, and keeps the `limit` nodes with the highest PageRank
 * and the edges between them. Communities are renumbered by size, largest first.
 */
export function buildNetwork(interactions: readonly Interaction[], postsByAuthor: ReadonlyMap<string, number>, limit: number): Network {
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const kinds = new Map<string, Partial<Record<InteractionKind, number>>>();
  let counted = 0;
  for (const { from, to, kind } of interactions) {
    if (from === to) continue;
    counted++;
    graph.mergeNode(from);
    graph.mergeNode(to);
    const key = `${from}\u0000${to}`;
    const weight = INTERACTION_WEIGHTS[kind];
    if (graph.hasEdge(from, to)) graph.updateEdgeAttribute(from, to, 'weight', (w: number | undefined) => (w ?? 0) + weight);
    else graph.addEdge(from, to, { weight });
    const k = kinds.get(key) ?? {};
    k[kind] = (k[kind] ?? 0) + 1;
    kinds.set(key, k);
  }
  if (graph.order === 0) return { nodes: [], edges: [], communities: [], top: [], totals: { nodes: 0, edges: 0, interactions: 0 } };

  const ranks = pagerank(graph, { getEdgeWeight: 'weight' });
  const raw = louvain(graph, { getEdgeWeight: 'weight', rng: seeded(20260704) });
  const sizes = new Map<number, number>();
  for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const renumber = new Map(order.map((c, i) => [c, i]));

  const all: NetworkNode[] = graph.nodes().map((id) => {
    let reach = 0;
    let activity = 0;
    graph.forEachInEdge(id, (_edge, attributes) => (reach += attributes.weight as number));
    graph.forEachOutEdge(id, (_edge, attributes) => (activity += attributes.weight as number));
    return { id, pagerank: ranks[id] ?? 0, degree: graph.neighbors(id).length, reach, activity, community: renumber.get(raw[id]!)!, posts: postsByAuthor.get(id) ?? 0 };
  });
  all.sort((a, b) => b.pagerank - a.pagerank || b.reach - a.reach || (a.id < b.id ? -1 : 1));
  const nodes = all.slice(0, Math.max(0, limit));
  const kept = new Set(nodes.map((n) => n.id));
  const edges: NetworkEdge[] = [];
  graph.forEachEdge((_edge, attributes, from, to) => {
    if (kept.has(from) && kept.has(to)) edges.push({ from, to, weight: attributes.weight as number, kinds: kinds.get(`${from}\u0000${to}`) ?? {} });
  });
  const keptSizes = new Map<number, number>();
  for (const n of nodes) keptSizes.set(n.community, (keptSizes.get(n.community) ?? 0) + 1);
  return {
    nodes,
    edges,
    communities: [...keptSizes.entries()].sort((a, b) => a[0] - b[0]).map(([id, size]) => ({ id, size })),
    top: topByReach(all, TOP_ACCOUNTS),
    totals: { nodes: graph.order, edges: graph.size, interactions: counted },
  };
}

/** The accounts with most reach (weighted interactions received), ties by PageRank. */
export function topByReach(nodes: readonly NetworkNode[], count: number): NetworkNode[] {
  return [...nodes].sort((a, b) => b.reach - a.reach || b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1)).slice(0, count);
}
