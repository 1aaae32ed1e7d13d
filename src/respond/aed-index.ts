import KDBush from 'kdbush';
import type { AedInfo } from './dispatch.ts';
import { boundingDegrees, type LonLat } from './geo.ts';

/**
 * The AEDs of one organisation in memory. There are tens of thousands at most, and they change
 * rarely, so the kd-tree is simply rebuilt on the first query after a change.
 */
export class AedIndex {
  private readonly byId = new Map<string, AedInfo>();
  private list: AedInfo[] = [];
  private tree: KDBush | null = null;

  get size(): number {
    return this.byId.size;
  }

  upsert(aed: AedInfo): void {
    this.byId.set(aed.id, aed);
    this.tree = null;
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.tree = null;
  }

  get(id: string): AedInfo | undefined {
    return this.byId.get(id);
  }

  /** AEDs in the bounding box of the circle (a superset; selectAeds applies the exact distance). */
  near(at: LonLat, radiusM: number): AedInfo[] {
    if (this.tree === null) {
      this.list = [...this.byId.values()];
      const tree = new KDBush(Math.max(1, this.list.length), 16, Float64Array);
      for (const aed of this.list) tree.add(aed.lon, aed.lat);
      if (this.list.length === 0) tree.add(1e9, 1e9);
      this.tree = tree.finish();
    }
    const { dLat, dLon } = boundingDegrees(at, radiusM);
    return this.tree.range(at.lon - dLon, at.lat - dLat, at.lon + dLon, at.lat + dLat).flatMap((i) => (i < this.list.length ? [this.list[i]!] : []));
  }
}
