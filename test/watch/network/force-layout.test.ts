import { describe, expect, it } from 'vitest';
import { forceLayout } from '../../../web/dashboard/watch/force-layout.ts';

describe('network view layout', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({ id, community: i < 3 ? 0 : 1 }));
  const edges = [
    { from: 'a', to: 'b', weight: 3 },
    { from: 'b', to: 'c', weight: 3 },
    { from: 'a', to: 'c', weight: 3 },
    { from: 'd', to: 'e', weight: 3 },
    { from: 'e', to: 'f', weight: 3 },
    { from: 'c', to: 'd', weight: 1 },
  ];

  it('places every node inside the unit square, the same way every time', () => {
    const layout = forceLayout(nodes, edges);
    expect(layout.size).toBe(6);
    for (const { x, y } of layout.values()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(1);
    }
    expect(forceLayout(nodes, edges)).toEqual(layout);
  });

  it('draws linked nodes closer together than unlinked ones', () => {
    const layout = forceLayout(nodes, edges);
    const distance = (p: string, q: string) => Math.hypot(layout.get(p)!.x - layout.get(q)!.x, layout.get(p)!.y - layout.get(q)!.y);
    expect(distance('a', 'b')).toBeLessThan(distance('a', 'f'));
    expect(forceLayout([], [])).toEqual(new Map());
    expect(forceLayout([{ id: 'solo', community: 0 }], [])).toEqual(new Map([['solo', { x: 0.5, y: 0.5 }]]));
  });
});
