import { hammingDistance } from './phash.ts';

interface Node<T> {
  hash: string;
  value: T;
  children: Map<number, Node<T>>;
}

/**
 * A BK-tree over 64-bit perceptual hashes with the Hamming distance: finding every hash within
 * distance d visits only children whose edge distance lies in [k − d, k + d] (the triangle
 * inequality), a small part of the tree for the small d of near duplicates.
 */
export class BkTree<T> {
  private root: Node<T> | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(hash: string, value: T): void {
    this.count += 1;
    const node: Node<T> = { hash, value, children: new Map() };
    if (!this.root) {
      this.root = node;
      return;
    }
    let current = this.root;
    for (;;) {
      const d = hammingDistance(hash, current.hash);
      const child = current.children.get(d);
      if (!child) {
        current.children.set(d, node);
        return;
      }
      current = child;
    }
  }

  /** Every entry within `maxDistance`, nearest first (ties in insertion order of discovery). */
  within(hash: string, maxDistance: number): { value: T; hash: string; distance: number }[] {
    const found: { value: T; hash: string; distance: number }[] = [];
    const stack = this.root ? [this.root] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const d = hammingDistance(hash, node.hash);
      if (d <= maxDistance) found.push({ value: node.value, hash: node.hash, distance: d });
      for (const [edge, child] of node.children) if (edge >= d - maxDistance && edge <= d + maxDistance) stack.push(child);
    }
    return found.sort((a, b) => a.distance - b.distance);
  }
}
