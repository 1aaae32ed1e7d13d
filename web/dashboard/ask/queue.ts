import type { Photo, Tip, TipStatus } from './ask-api.ts';

/*
 * The live tip queue as data: ordered like the server orders it (GET /api/tips: priorityScore
 * descending, then id descending), merged with tips arriving over the stream, and the photos
 * gathered into near-duplicate groups. Pure, so it is tested without a browser.
 */

/** The server's queue order: higher priority score first; among equals the newer id first. */
export function compareTips(a: Pick<Tip, 'priorityScore' | 'id'>, b: Pick<Tip, 'priorityScore' | 'id'>): number {
  if (a.priorityScore !== b.priorityScore) return b.priorityScore - a.priorityScore;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The queue with `incoming` added or replaced (a stream event carries the tip's whole current
 * state), in queue order. Tips whose status the filter excludes are dropped, so a tip marked
 * "not useful" leaves a queue that shows open tips only.
 */
export function mergeTips(queue: readonly Tip[], incoming: readonly Tip[], filter: readonly TipStatus[] | null = null): Tip[] {
  const byId = new Map(queue.map((tip) => [tip.id, tip]));
  for (const tip of incoming) byId.set(tip.id, tip);
  return [...byId.values()].filter((tip) => !filter || filter.includes(tip.status)).sort(compareTips);
}

/** Statuses shown by the queue's filter choices. */
export const QUEUE_FILTERS = {
  open: ['new', 'in_review'],
  useful: ['useful', 'forwarded'],
  all: null,
} as const satisfies Record<string, readonly TipStatus[] | null>;
export type QueueFilter = keyof typeof QUEUE_FILTERS;

/** The triage actions an operator can take from a tip's status ("new" is never a target). */
export const TIP_ACTIONS: readonly TipStatus[] = ['in_review', 'useful', 'not_useful', 'forwarded'];

export interface GroupMember {
  photo: Photo;
  tipId: string;
}

export interface PhotoGroup {
  groupId: string;
  /** All photos of the group in the organisation (the server's count); may exceed what is loaded. */
  size: number;
  /** The loaded photos of the group, in queue order. */
  members: GroupMember[];
  /** The tips those photos belong to, in queue order, without repeats. */
  tipIds: string[];
}

/**
 * Near-duplicate groups among the loaded tips' photos: only groups of two or more (a photo
 * alone is not a group), largest first, so "3 bijna dezelfde foto's" leads.
 */
export function photoGroups(tips: readonly Tip[]): PhotoGroup[] {
  const groups = new Map<string, PhotoGroup>();
  for (const tip of tips) {
    for (const photo of tip.photos) {
      if (photo.status !== 'processed' || !photo.groupId || photo.groupSize < 2) continue;
      let group = groups.get(photo.groupId);
      if (!group) {
        group = { groupId: photo.groupId, size: photo.groupSize, members: [], tipIds: [] };
        groups.set(photo.groupId, group);
      }
      group.size = Math.max(group.size, photo.groupSize);
      group.members.push({ photo, tipId: tip.id });
      if (!group.tipIds.includes(tip.id)) group.tipIds.push(tip.id);
    }
  }
  return [...groups.values()].sort((a, b) => b.size - a.size || a.groupId.localeCompare(b.groupId));
}

/** One tip's photos, each with its group's size when it has near-duplicates (for the tip's badge). */
export function tipPhotoBadges(tip: Pick<Tip, 'photos'>): { photo: Photo; duplicates: number }[] {
  return tip.photos.map((photo) => ({ photo, duplicates: photo.groupId && photo.groupSize > 1 ? photo.groupSize : 0 }));
}

/** Whether a tip belongs to the highlighted group (the operator chose "show this group"). */
export function inGroup(tip: Pick<Tip, 'photos'>, groupId: string | null): boolean {
  return groupId !== null && tip.photos.some((photo) => photo.groupId === groupId);
}

/** Parses one `tip` stream event; null for anything that is not a tip (a proxy's garbage, a newer server). */
export function parseTipEvent(data: string): Tip | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const tip = value as Partial<Tip>;
  if (typeof tip.id !== 'string' || typeof tip.priorityScore !== 'number' || typeof tip.status !== 'string' || !Array.isArray(tip.photos) || typeof tip.receivedAt !== 'string') return null;
  return value as Tip;
}
