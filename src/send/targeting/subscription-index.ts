import KDBush from 'kdbush';
import type { AreaShape } from './area.ts';
import { bboxesOverlap, circleIntersects, geometriesOverlap, type AreaGeometry, type BBox } from './geometry.ts';
import type { Municipalities } from './municipalities.ts';

/** A subscription as the index needs it: who, on which channel, in which language, where, about what. */
export interface IndexedSubscription {
  id: string;
  /** Null: messages of every organisation of the installation. */
  organisationId: string | null;
  channel: string;
  language: 'nl' | 'en';
  /** Empty: every topic. */
  topics: readonly string[];
  shape: AreaShape;
  bbox: BBox;
}

/** What a message targets. */
export interface TargetQuery {
  organisationId: string;
  geometry: AreaGeometry;
  bbox: BBox;
  /** The message's topics and category; a subscription matches when it has none or shares one. */
  topics: readonly string[];
  /** Recipient channels the message goes out on. */
  channels: readonly string[];
}

export interface Recipient {
  id: string;
  channel: string;
  language: 'nl' | 'en';
}

const KIND_CIRCLE = 0;
const KIND_MUNICIPALITY = 1;
const KIND_POLYGON = 2;
/**
 * Extent classes (half the bbox width/height in degrees). Each class has its own k-d tree over
 * the bbox centres, searched with the query box grown by the class's largest half-extent, so a
 * few large drawn areas do not widen the search for the many small circles.
 */
const EXTENT_CLASSES = [0.005, 0.02, 0.08, 0.3, Infinity];

interface ExtentClass {
  tree: KDBush;
  entries: Int32Array;
  halfW: number;
  halfH: number;
}

/**
 * The in-memory spatial index of active subscriptions (SPEC S2, ARCHITECTURE "spatial search"):
 * rebuilt from the store at start, then kept current by {@link SubscriptionIndex.add} and
 * {@link SubscriptionIndex.remove}. Selection is two steps: candidates by bounding box (k-d trees
 * per extent class; municipality subscriptions grouped by code, so each municipality outline is
 * tested once per message), then the exact test (circle against outline, polygon against outline)
 * after the cheap organisation, channel and topic filters. Storage is columnar, because the
 * benchmark holds two million subscriptions.
 */
export class SubscriptionIndex {
  private ids: string[] = [];
  private kinds: number[] = [];
  private orgs: number[] = [];
  private channels: number[] = [];
  private languages: number[] = [];
  private topicSets: number[] = [];
  private boxes: number[] = [];
  /** Per entry: circle centre and radius, or for a municipality subscription the index of its code. */
  private circles: number[] = [];
  private readonly codeNames: string[] = [];
  private readonly codeLookup = new Map<string, number>();
  private polygons = new Map<number, AreaGeometry>();
  private municipalityGroups = new Map<string, number[]>();
  private classes: ExtentClass[] = [];
  /** Added since the last build; searched linearly until the next rebuild folds them in. */
  private pending = new Map<string, IndexedSubscription>();
  private removed = new Set<string>();
  private readonly orgNames: string[] = [];
  private readonly orgLookup = new Map<string, number>();
  private readonly channelNames: string[] = [];
  private readonly topicInterned: (readonly string[])[] = [];
  private readonly topicLookup = new Map<string, number>();

  constructor(private readonly municipalities: Municipalities) {}

  /** Active entries, pending additions included, removals excluded (approximate for duplicates). */
  get size(): number {
    return this.ids.length + this.pending.size - this.removed.size;
  }

  /** Replaces the whole content. */
  rebuild(subscriptions: Iterable<IndexedSubscription>): void {
    this.reset();
    for (const s of subscriptions) this.append(s);
    this.buildTrees();
  }

  /** Replaces the whole content from pages read from the store, without holding all rows at once. */
  async load(pages: AsyncIterable<readonly IndexedSubscription[]>): Promise<void> {
    this.reset();
    for await (const page of pages) for (const s of page) this.append(s);
    this.buildTrees();
  }

  private reset(): void {
    this.ids = [];
    this.kinds = [];
    this.orgs = [];
    this.channels = [];
    this.languages = [];
    this.topicSets = [];
    this.boxes = [];
    this.circles = [];
    this.polygons = new Map();
    this.municipalityGroups = new Map();
    this.pending = new Map();
    this.removed = new Set();
  }

  /** Folds pending additions and removals into the trees. */
  compact(): void {
    const keep: IndexedSubscription[] = [];
    const { removed } = this;
    for (let i = 0; i < this.ids.length; i++) if (!removed.has(this.ids[i]!)) keep.push(this.entry(i));
    for (const s of this.pending.values()) keep.push(s);
    this.rebuild(keep);
  }

  add(subscription: IndexedSubscription): void {
    this.removed.delete(subscription.id);
    this.pending.set(subscription.id, subscription);
    if (this.pending.size > 20_000) this.compact();
  }

  remove(id: string): void {
    this.pending.delete(id);
    this.removed.add(id);
    if (this.removed.size > 50_000) this.compact();
  }

  /** The subscriptions a message reaches, each once. */
  select(query: TargetQuery): Recipient[] {
    const orgIndex = this.orgLookup.get(query.organisationId) ?? -2;
    const channelOk = this.channelNames.map((c) => query.channels.includes(c));
    const topicOk = this.topicInterned.map((set) => set.length === 0 || set.some((t) => query.topics.includes(t)));
    const passes = (i: number) => {
      const org = this.orgs[i]!;
      return (org === -1 || org === orgIndex) && channelOk[this.channels[i]!]! && topicOk[this.topicSets[i]!]! && !this.removed.has(this.ids[i]!);
    };
    const out: Recipient[] = [];
    const seen = new Set<string>();
    const emit = (id: string, channel: string, language: 'nl' | 'en') => {
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ id, channel, language });
    };
    const [qMinX, qMinY, qMaxX, qMaxY] = query.bbox;
    const box = this.boxes;
    for (const cls of this.classes) {
      const hits = cls.tree.range(qMinX - cls.halfW, qMinY - cls.halfH, qMaxX + cls.halfW, qMaxY + cls.halfH);
      for (const hit of hits) {
        const i = cls.entries[hit]!;
        const b = i * 4;
        if (box[b]! > qMaxX || box[b + 2]! < qMinX || box[b + 1]! > qMaxY || box[b + 3]! < qMinY) continue;
        if (!passes(i)) continue;
        const reached =
          this.kinds[i] === KIND_CIRCLE
            ? circleIntersects(this.circles[i * 3]!, this.circles[i * 3 + 1]!, this.circles[i * 3 + 2]!, query.geometry)
            : geometriesOverlap(this.polygons.get(i)!, query.geometry, [box[b]!, box[b + 1]!, box[b + 2]!, box[b + 3]!], query.bbox);
        if (reached) emit(this.ids[i]!, this.channelNames[this.channels[i]!]!, this.languages[i] === 1 ? 'en' : 'nl');
      }
    }
    for (const [code, members] of this.municipalityGroups) {
      const municipality = this.municipalities.get(code);
      if (!municipality || !bboxesOverlap(municipality.bbox, query.bbox)) continue;
      if (!geometriesOverlap(municipality.geometry, query.geometry, municipality.bbox, query.bbox)) continue;
      for (const i of members) if (passes(i)) emit(this.ids[i]!, this.channelNames[this.channels[i]!]!, this.languages[i] === 1 ? 'en' : 'nl');
    }
    for (const s of this.pending.values()) {
      if (!(s.organisationId === null || s.organisationId === query.organisationId)) continue;
      if (!query.channels.includes(s.channel)) continue;
      if (!(s.topics.length === 0 || s.topics.some((t) => query.topics.includes(t)))) continue;
      if (matchesShape(s, query, this.municipalities)) emit(s.id, s.channel, s.language);
    }
    return out;
  }

  private append(s: IndexedSubscription): void {
    const i = this.ids.length;
    this.ids.push(s.id);
    this.orgs.push(s.organisationId === null ? -1 : intern(this.orgLookup, this.orgNames, s.organisationId));
    let channel = this.channelNames.indexOf(s.channel);
    if (channel < 0) channel = this.channelNames.push(s.channel) - 1;
    this.channels.push(channel);
    this.languages.push(s.language === 'en' ? 1 : 0);
    const topics = [...s.topics].sort();
    const key = topics.join('\u0000');
    let set = this.topicLookup.get(key);
    if (set === undefined) {
      set = this.topicInterned.push(topics) - 1;
      this.topicLookup.set(key, set);
    }
    this.topicSets.push(set);
    this.boxes.push(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3]);
    if (s.shape.kind === 'circle') {
      this.kinds.push(KIND_CIRCLE);
      this.circles.push(s.shape.lat, s.shape.lon, s.shape.radiusM);
    } else {
      this.circles.push(s.shape.kind === 'municipality' ? intern(this.codeLookup, this.codeNames, s.shape.code) : 0, 0, 0);
      if (s.shape.kind === 'municipality') {
        this.kinds.push(KIND_MUNICIPALITY);
        const group = this.municipalityGroups.get(s.shape.code);
        if (group) group.push(i);
        else this.municipalityGroups.set(s.shape.code, [i]);
      } else {
        this.kinds.push(KIND_POLYGON);
        this.polygons.set(i, s.shape.geometry);
      }
    }
  }

  private buildTrees(): void {
    const members: number[][] = EXTENT_CLASSES.map(() => []);
    const box = this.boxes;
    for (let i = 0; i < this.ids.length; i++) {
      if (this.kinds[i] === KIND_MUNICIPALITY) continue;
      const half = Math.max(box[i * 4 + 2]! - box[i * 4]!, box[i * 4 + 3]! - box[i * 4 + 1]!) / 2;
      members[EXTENT_CLASSES.findIndex((limit) => half <= limit)]!.push(i);
    }
    this.classes = [];
    for (const list of members) {
      if (list.length === 0) continue;
      const tree = new KDBush(list.length, 64, Float64Array);
      let halfW = 0;
      let halfH = 0;
      for (const i of list) {
        const w = (box[i * 4 + 2]! - box[i * 4]!) / 2;
        const h = (box[i * 4 + 3]! - box[i * 4 + 1]!) / 2;
        if (w > halfW) halfW = w;
        if (h > halfH) halfH = h;
        tree.add(box[i * 4]! + w, box[i * 4 + 1]! + h);
      }
      tree.finish();
      this.classes.push({ tree, entries: Int32Array.from(list), halfW, halfH });
    }
  }

  private entry(i: number): IndexedSubscription {
    const kind = this.kinds[i];
    let shape: AreaShape;
    if (kind === KIND_CIRCLE) shape = { kind: 'circle', lat: this.circles[i * 3]!, lon: this.circles[i * 3 + 1]!, radiusM: this.circles[i * 3 + 2]! };
    else if (kind === KIND_POLYGON) shape = { kind: 'polygon', geometry: this.polygons.get(i)! };
    else shape = { kind: 'municipality', code: this.codeNames[this.circles[i * 3]!]! };
    const org = this.orgs[i]!;
    return {
      id: this.ids[i]!,
      organisationId: org === -1 ? null : this.orgNames[org]!,
      channel: this.channelNames[this.channels[i]!]!,
      language: this.languages[i] === 1 ? 'en' : 'nl',
      topics: this.topicInterned[this.topicSets[i]!]!,
      shape,
      bbox: [this.boxes[i * 4]!, this.boxes[i * 4 + 1]!, this.boxes[i * 4 + 2]!, this.boxes[i * 4 + 3]!],
    };
  }
}

function intern(lookup: Map<string, number>, names: string[], value: string): number {
  let index = lookup.get(value);
  if (index === undefined) {
    index = names.push(value) - 1;
    lookup.set(value, index);
  }
  return index;
}

/** The exact test for one subscription (used for pending additions and by tests as the reference). */
export function matchesShape(s: Pick<IndexedSubscription, 'shape' | 'bbox'>, query: Pick<TargetQuery, 'geometry' | 'bbox'>, municipalities: Municipalities): boolean {
  if (!bboxesOverlap(s.bbox, query.bbox)) return false;
  switch (s.shape.kind) {
    case 'circle':
      return circleIntersects(s.shape.lat, s.shape.lon, s.shape.radiusM, query.geometry);
    case 'polygon':
      return geometriesOverlap(s.shape.geometry, query.geometry, s.bbox, query.bbox);
    case 'municipality': {
      const m = municipalities.get(s.shape.code);
      return m !== undefined && geometriesOverlap(m.geometry, query.geometry, m.bbox, query.bbox);
    }
  }
}
