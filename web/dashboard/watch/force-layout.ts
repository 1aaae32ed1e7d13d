/**
 * A small force-directed layout (Fruchterman–Reingold) for the network view: a few hundred nodes
 * at most, so a plain O(n²) loop is fast enough and needs no library. Deterministic: nodes start
 * on a circle per community (in input order), so the same graph is drawn the same way every time.
 */
export interface LayoutNode {
  id: string;
  community: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  weight: number;
}

/** Positions in the unit square [0, 1]², by node id. */
export function forceLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], iterations = 200): Map<string, { x: number; y: number }> {
  const n = nodes.length;
  const result = new Map<string, { x: number; y: number }>();
  if (n === 0) return result;
  if (n === 1) return result.set(nodes[0]!.id, { x: 0.5, y: 0.5 });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const communities = [...new Set(nodes.map((node) => node.community))];
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const counts = new Map<number, number>();
  nodes.forEach((node, i) => {
    const c = communities.indexOf(node.community);
    const k = counts.get(c) ?? 0;
    counts.set(c, k + 1);
    const centre = (2 * Math.PI * c) / communities.length;
    const angle = (2 * Math.PI * k) / Math.max(1, nodes.filter((m) => m.community === node.community).length) + c;
    x[i] = 0.5 + 0.3 * Math.cos(centre) + 0.08 * Math.cos(angle);
    y[i] = 0.5 + 0.3 * Math.sin(centre) + 0.08 * Math.sin(angle);
  });
  const links = edges.map((e) => [index.get(e.from), index.get(e.to), Math.log2(1 + e.weight)] as const).filter((l): l is readonly [number, number, number] => l[0] !== undefined && l[1] !== undefined);
  const k = Math.sqrt(1 / n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let step = 0; step < iterations; step++) {
    const temperature = 0.1 * (1 - step / iterations) + 0.002;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = x[i]! - x[j]!;
        let ddy = y[i]! - y[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-9) {
          ddx = 1e-3 * ((i % 7) - 3);
          ddy = 1e-3 * ((j % 5) - 2);
          d2 = ddx * ddx + ddy * ddy;
        }
        const force = (k * k) / d2;
        dx[i]! += ddx * force;
        dy[i]! += ddy * force;
        dx[j]! -= ddx * force;
        dy[j]! -= ddy * force;
      }
    }
    for (const [a, b, w] of links) {
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
      const force = (d * w) / k;
      dx[a]! -= (ddx / d) * force;
      dy[a]! -= (ddy / d) * force;
      dx[b]! += (ddx / d) * force;
      dy[b]! += (ddy / d) * force;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps loose components on the canvas.
      dx[i]! += (0.5 - x[i]!) * 1.5;
      dy[i]! += (0.5 - y[i]!) * 1.5;
      const d = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const move = Math.min(d, temperature);
      x[i] = x[i]! + (dx[i]! / d) * move;
      y[i] = y[i]! + (dy[i]! / d) * move;
    }
  }
  // Fit into the unit square with a margin. The box is taken between the 2nd and 98th
  // percentile, so that a few loose pairs far out do not squeeze the connected core into a dot.
  const lo = (values: Float64Array) => percentile(values, 0.02);
  const hi = (values: Float64Array) => percentile(values, 0.98);
  const minX = lo(x);
  const minY = lo(y);
  const span = Math.max(hi(x) - minX, hi(y) - minY, 1e-6);
  const clamp = (v: number) => Math.min(0.97, Math.max(0.03, v));
  nodes.forEach((node, i) => result.set(node.id, { x: clamp(0.05 + (0.9 * (x[i]! - minX)) / span), y: clamp(0.05 + (0.9 * (y[i]! - minY)) / span) }));
  return result;
}

function percentile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}
