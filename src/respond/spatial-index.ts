import KDBush from 'kdbush';
import type { VolunteerPositions } from './dispatch.ts';
import { boundingDegrees, distanceM, EARTH_RADIUS_M, type LonLat } from './geo.ts';

import type { WeeklyWindow } from './weekly.ts';

const RAD = Math.PI / 180;
/** Hits of one `near` query are numbered below this (2^22) inside their sort keys. */
const LOW = 4_194_304;

/**
 * The volunteers of one organisation in memory, for the radius search of a dispatch.
 *
 * Layout: each version of a volunteer is a "slot" in flat, append-only arrays (numbers in packed
 * double/SMI arrays, no object per volunteer), with its addresses in parallel flat arrays and the
 * weekly windows interned (most volunteers share a handful). Every position (each address and the
 * last live fix) is a point. Points of slots that existed at the last build sit in a static kd-tree
 * (kdbush); slots written since are the delta, scanned linearly, and a change leaves its old slot
 * dead. When the delta passes `rebuildAfter` points the tree is rebuilt from the live slots
 * (compacting), so a change costs O(1) and a query O(log n + hits + delta).
 *
 * A query takes the kd-tree's points in the circle's bounding box, keeps those within the radius
 * (haversine), and returns every volunteer with such a position, nearest first — a superset of the
 * candidates; `selectCandidates` (dispatch.ts) then applies the exact rules (which position counts,
 * freshness, windows, qualification, snooze), so the index and the tested rules can never disagree.
 * docs/decisions/0011-dispatch.md gives the measurements behind this choice.
 */
export class VolunteerIndex {
  private ids: string[] = [];
  private alive: number[] = [];
  private qualifiedUntil: (string | null)[] = [];
  private snoozedUntil: number[] = [];
  private liveLon: number[] = [];
  private liveLat: number[] = [];
  private liveAt: number[] = [];
  private addrStart: number[] = [];
  private addrCount: number[] = [];
  private addrLon: number[] = [];
  private addrLat: number[] = [];
  private addrWindows: number[] = [];
  private windowTable: (readonly WeeklyWindow[])[] = [];
  private windowIds = new Map<string, number>();
  private readonly slotOf = new Map<string, number>();

  private tree: KDBush | null = null;
  private treeSlots: Uint32Array = new Uint32Array(0);
  /** Point coordinates by the tree's item index (kdbush reorders its own copy). */
  private treeLon: Float64Array = new Float64Array(0);
  private treeLat: Float64Array = new Float64Array(0);
  private deltaSlots: number[] = [];
  private deltaPoints = 0;
  /** Stamp per slot so a query visits a volunteer once without allocating a Set. */
  private visited: Uint32Array = new Uint32Array(0);
  private stamp = 0;
  /** Per slot, the distance of its nearest position in the current `near` query. */
  private nearest: Float64Array = new Float64Array(0);

  constructor(private readonly options: { rebuildAfter?: number } = {}) {}

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds or replaces a volunteer (the previous version's slot dies). */
  upsert(v: VolunteerPositions): void {
    const previous = this.slotOf.get(v.id);
    if (previous !== undefined) this.alive[previous] = 0;
    const slot = this.ids.length;
    this.ids.push(v.id);
    this.alive.push(1);
    this.qualifiedUntil.push(v.qualifiedUntil);
    this.snoozedUntil.push(v.snoozedUntil ?? 0);
    this.liveLon.push(v.live ? v.live.lon : NaN);
    this.liveLat.push(v.live ? v.live.lat : NaN);
    this.liveAt.push(v.live ? v.live.at : 0);
    this.addrStart.push(this.addrLon.length);
    this.addrCount.push(v.addresses.length);
    for (const a of v.addresses) {
      this.addrLon.push(a.lon);
      this.addrLat.push(a.lat);
      this.addrWindows.push(a.windows === null ? -1 : this.intern(a.windows));
    }
    this.slotOf.set(v.id, slot);
    if (this.tree !== null) {
      this.deltaSlots.push(slot);
      this.deltaPoints += v.addresses.length + (v.live ? 1 : 0);
      if (this.deltaPoints > (this.options.rebuildAfter ?? Math.max(2048, this.treeSlots.length >> 5))) this.rebuild();
    }
  }

  /** Only the live fix changes (the responder app reports every minute or so). */
  updateLive(id: string, live: LonLat & { at: number }): boolean {
    const current = this.get(id);
    if (!current) return false;
    this.upsert({ ...current, live });
    return true;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.alive[slot] = 0;
    this.slotOf.delete(id);
  }

  get(id: string): VolunteerPositions | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.materialise(slot);
  }

  /** Builds the kd-tree over all live slots and drops dead ones (compaction). */
  rebuild(): void {
    if (this.slotOf.size < this.ids.length) this.compact();
    let points = 0;
    for (let s = 0; s < this.ids.length; s++) points += this.addrCount[s]! + (Number.isNaN(this.liveLon[s]!) ? 0 : 1);
    const tree = new KDBush(Math.max(points, 1), 64, Float64Array);
    const slots = new Uint32Array(Math.max(points, 1));
    const lons = new Float64Array(Math.max(points, 1));
    const lats = new Float64Array(Math.max(points, 1));
    let p = 0;
    const add = (slot: number, lon: number, lat: number) => {
      tree.add(lon, lat);
      lons[p] = lon;
      lats[p] = lat;
      slots[p++] = slot;
    };
    for (let s = 0; s < this.ids.length; s++) {
      const start = this.addrStart[s]!;
      for (let a = start; a < start + this.addrCount[s]!; a++) add(s, this.addrLon[a]!, this.addrLat[a]!);
      if (!Number.isNaN(this.liveLon[s]!)) add(s, this.liveLon[s]!, this.liveLat[s]!);
    }
    if (points === 0) tree.add(1e9, 1e9); // kdbush needs one item; this one is never in range
    tree.finish();
    this.tree = tree;
    this.treeSlots = slots;
    this.treeLon = lons;
    this.treeLat = lats;
    this.deltaSlots = [];
    this.deltaPoints = 0;
    this.visited = new Uint32Array(this.ids.length + 1024);
  }

  /**
   * Ids of the volunteers with any position (address or live fix, whatever its window or age)
   * within `radiusM` of `at`, inclusive — the raw radius search, like PostGIS `ST_DWithin`.
   */
  idsWithin(at: LonLat, radiusM: number): string[] {
    const out: string[] = [];
    const stamp = this.nextStamp();
    this.search(at, radiusM, (slot) => {
      if (this.visited[slot] === stamp) return;
      this.visited[slot] = stamp;
      out.push(this.ids[slot]!);
    });
    return out;
  }

  /**
   * Every volunteer with a position within `radiusM` of `at`, nearest first by `nearestM` (the
   * distance of their nearest position in range, floored to the millimetre), materialised lazily
   * for the exact rules, which then decide which position counts (a fresh live fix elsewhere
   * excludes them). `nearestM` never exceeds the distance the rules find, so `selectCandidates`
   * can stop once it holds enough candidates nearer than the next volunteer's `nearestM`: a
   * dispatch in a city centre materialises a few dozen of the ~900 volunteers within 1 km.
   * The search runs at once; consume the result before the index changes again.
   */
  near(at: LonLat, radiusM: number): Iterable<VolunteerPositions & { nearestM: number }> {
    const stamp = this.nextStamp();
    const slots: number[] = [];
    if (this.nearest.length < this.visited.length) this.nearest = new Float64Array(this.visited.length);
    const nearest = this.nearest;
    this.search(at, radiusM, (slot, lon, lat) => {
      const d = distanceM(at, { lon, lat });
      if (this.visited[slot] !== stamp) {
        this.visited[slot] = stamp;
        nearest[slot] = d;
        slots.push(slot);
      } else if (d < nearest[slot]!) nearest[slot] = d;
    });
    // One sortable number per hit: millimetres in the high part, the hit's index in the low 22 bits
    // (exact below 2^53 for distances under 2,000 km), so a typed-array sort orders them.
    const keys = new Float64Array(slots.length);
    if (slots.length >= LOW) throw new RangeError(`radius search returned ${slots.length} volunteers; at most ${LOW - 1} are supported`);
    for (let i = 0; i < slots.length; i++) keys[i] = Math.floor(nearest[slots[i]!]! * 1000) * LOW + i;
    keys.sort();
    const materialise = (slot: number) => this.materialise(slot);
    return (function* () {
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const i = key % LOW;
        yield Object.assign(materialise(slots[i]!), { nearestM: (key - i) / LOW / 1000 });
      }
    })();
  }

  /** A fresh query stamp, with the tree built and the visit marks sized for every slot. */
  private nextStamp(): number {
    if (this.tree === null) this.rebuild();
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    if (this.visited.length < this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.visited);
      this.visited = grown;
    }
    return this.stamp;
  }

  /** Calls `visit` for every position of a live slot within `radiusM` of `at` (a slot may come more than once). */
  private search(at: LonLat, radiusM: number, visit: (slot: number, lon: number, lat: number) => void): void {
    const { dLat, dLon } = boundingDegrees(at, radiusM);
    const minLon = at.lon - dLon;
    const maxLon = at.lon + dLon;
    const minLat = at.lat - dLat;
    const maxLat = at.lat + dLat;
    // Inclusive like ST_DWithin; the micrometre absorbs rounding exactly at the edge.
    const limit = radiusM + 1e-6;
    // A flat (equirectangular) distance decides every point clearly inside or outside without
    // trigonometry; only points in a thin band around the edge get the exact haversine. Its error
    // comes from the cosine of latitude changing across the box, bounded by `margin`.
    const ky = EARTH_RADIUS_M * RAD;
    const kx = ky * Math.cos(at.lat * RAD);
    const dLatRad = dLat * RAD;
    const margin = Math.min(0.5, 1e-3 + 4 * Math.tan(Math.min(89, Math.abs(at.lat) + dLat) * RAD) * dLatRad);
    const inner = (limit * (1 - margin)) ** 2;
    const outer = (limit * (1 + margin)) ** 2;
    const near = (lon: number, lat: number): boolean => {
      const dx = (lon - at.lon) * kx;
      const dy = (lat - at.lat) * ky;
      const d2 = dx * dx + dy * dy;
      return d2 <= inner || (d2 <= outer && distanceM(at, { lon, lat }) <= limit);
    };
    const points = this.tree!.range(minLon, minLat, maxLon, maxLat);
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      const slot = this.treeSlots[point]!;
      const lon = this.treeLon[point]!;
      const lat = this.treeLat[point]!;
      if (this.alive[slot] !== 0 && near(lon, lat)) visit(slot, lon, lat);
    }
    const within = (lon: number, lat: number) => lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat && near(lon, lat);
    for (const slot of this.deltaSlots) {
      if (this.alive[slot] === 0) continue;
      if (!Number.isNaN(this.liveLon[slot]!) && within(this.liveLon[slot]!, this.liveLat[slot]!)) visit(slot, this.liveLon[slot]!, this.liveLat[slot]!);
      const start = this.addrStart[slot]!;
      for (let a = start; a < start + this.addrCount[slot]!; a++) if (within(this.addrLon[a]!, this.addrLat[a]!)) visit(slot, this.addrLon[a]!, this.addrLat[a]!);
    }
  }

  /** Counts for monitoring and the benchmark. */
  stats(): { volunteers: number; slots: number; deltaSlots: number; windowSets: number } {
    return { volunteers: this.slotOf.size, slots: this.ids.length, deltaSlots: this.deltaSlots.length, windowSets: this.windowTable.length };
  }

  private materialise(slot: number): VolunteerPositions {
    const start = this.addrStart[slot]!;
    const addresses: (LonLat & { windows: readonly WeeklyWindow[] | null })[] = [];
    for (let a = start; a < start + this.addrCount[slot]!; a++) {
      const w = this.addrWindows[a]!;
      addresses.push({ lon: this.addrLon[a]!, lat: this.addrLat[a]!, windows: w < 0 ? null : this.windowTable[w]! });
    }
    const lon = this.liveLon[slot]!;
    return {
      id: this.ids[slot]!,
      qualifiedUntil: this.qualifiedUntil[slot]!,
      snoozedUntil: this.snoozedUntil[slot]! > 0 ? this.snoozedUntil[slot]! : null,
      live: Number.isNaN(lon) ? null : { lon, lat: this.liveLat[slot]!, at: this.liveAt[slot]! },
      addresses,
    };
  }

  private intern(windows: readonly WeeklyWindow[]): number {
    const key = JSON.stringify(windows);
    let id = this.windowIds.get(key);
    if (id === undefined) {
      id = this.windowTable.length;
      this.windowTable.push(windows);
      this.windowIds.set(key, id);
    }
    return id;
  }

  private compact(): void {
    const live = [...this.slotOf.keys()].map((id) => this.materialise(this.slotOf.get(id)!));
    this.ids = [];
    this.alive = [];
    this.qualifiedUntil = [];
    this.snoozedUntil = [];
    this.liveLon = [];
    this.liveLat = [];
    this.liveAt = [];
    this.addrStart = [];
    this.addrCount = [];
    this.addrLon = [];
    this.addrLat = [];
    this.addrWindows = [];
    this.slotOf.clear();
    this.tree = null;
    for (const v of live) this.upsert(v);
  }
}
