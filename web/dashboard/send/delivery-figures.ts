import type { MessageKey } from '../../ui/i18n/catalogue.ts';
import { CHANNEL_KINDS, COUNTED_STATUSES, type ChannelKind, type ChannelPreview, type DeliveryCounts, type MessageState } from './send-api.ts';

type CountedStatus = keyof DeliveryCounts;

/*
 * Delivery figures and previews as the dashboard shows them: per channel a stacked bar of
 * statuses, totals for the history list, and a preview's length against its limit. Pure.
 */

/** The order of the bar's segments: done, on its way, and what went wrong. */
export const BAR_ORDER: readonly CountedStatus[] = ['delivered', 'queued', 'retrying', 'failed', 'gone', 'skipped'];

export const EMPTY_COUNTS: DeliveryCounts = { queued: 0, delivered: 0, retrying: 0, failed: 0, gone: 0, skipped: 0 };

export function totalOf(counts: DeliveryCounts): number {
  return COUNTED_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

export interface BarSegment {
  status: CountedStatus;
  count: number;
  /** Whole percentages that add up to exactly 100 (largest remainder), so the bar is full. */
  percent: number;
}

/** The non-empty segments of one channel's bar. */
export function barSegments(counts: DeliveryCounts): BarSegment[] {
  const total = totalOf(counts);
  if (total === 0) return [];
  const raw = BAR_ORDER.map((status) => ({ status, count: counts[status] ?? 0, exact: ((counts[status] ?? 0) * 100) / total }));
  const floors = raw.map((r) => ({ ...r, percent: Math.floor(r.exact) }));
  let left = 100 - floors.reduce((sum, r) => sum + r.percent, 0);
  const byRemainder = [...floors].filter((r) => r.count > 0).sort((a, b) => b.exact - b.percent - (a.exact - a.percent));
  for (const r of byRemainder) {
    if (left <= 0) break;
    r.percent += 1;
    left -= 1;
  }
  return floors.filter((r) => r.count > 0).map(({ status, count, percent }) => ({ status, count, percent }));
}

/** Per channel, in the fixed channel order, only the channels with figures. */
export function channelFigures(deliveries: Partial<Record<ChannelKind, DeliveryCounts>>): { channel: ChannelKind; counts: DeliveryCounts; total: number }[] {
  return CHANNEL_KINDS.filter((c) => deliveries[c] !== undefined).map((channel) => {
    const counts = { ...EMPTY_COUNTS, ...deliveries[channel] };
    return { channel, counts, total: totalOf(counts) };
  });
}

/** Whether more figures can still come (something is queued or being retried). */
export function deliveryInProgress(deliveries: Partial<Record<ChannelKind, DeliveryCounts>>): boolean {
  return Object.values(deliveries).some((c) => c !== undefined && (c.queued > 0 || c.retrying > 0));
}

/** Delivered and total over all channels, for the history list. */
export function overallFigures(deliveries: Partial<Record<ChannelKind, DeliveryCounts>>): { delivered: number; problems: number; total: number } {
  let delivered = 0;
  let problems = 0;
  let total = 0;
  for (const counts of Object.values(deliveries)) {
    if (!counts) continue;
    delivered += counts.delivered;
    problems += counts.failed + counts.gone;
    total += totalOf({ ...EMPTY_COUNTS, ...counts });
  }
  return { delivered, problems, total };
}

export const UNIT_KEYS: Readonly<Record<NonNullable<ChannelPreview['preview']>['unit'], MessageKey>> = {
  characters: 'send.unit.characters',
  graphemes: 'send.unit.graphemes',
  segments: 'send.unit.segments',
  bytes: 'send.unit.bytes',
};

/** How full a preview is: its length against the limit, and whether it is over. */
export function previewFill(preview: NonNullable<ChannelPreview['preview']>): { length: number; limit: number | null; ratio: number | null; over: boolean } {
  const { length, limit } = preview;
  if (limit === null || limit <= 0) return { length, limit: null, ratio: null, over: false };
  return { length, limit, ratio: Math.min(1, length / limit), over: length > limit };
}

/** Previews grouped by channel (each with its language versions), and whether any blocks publishing. */
export function groupPreviews(previews: readonly ChannelPreview[]): { channel: ChannelKind; versions: ChannelPreview[]; blocked: boolean }[] {
  const groups = new Map<ChannelKind, ChannelPreview[]>();
  for (const p of previews) groups.set(p.channel, [...(groups.get(p.channel) ?? []), p]);
  return CHANNEL_KINDS.filter((c) => groups.has(c)).map((channel) => {
    const versions = groups.get(channel)!;
    return { channel, versions, blocked: versions.some((v) => v.problems.length > 0) };
  });
}

/** What a person can still do with a message in this state (the API decides; this only hides buttons that cannot work). */
export function actionsFor(message: { status: MessageState; author: string; msgType: string }, me: string, permissions: readonly string[]): { edit: boolean; submit: boolean; approve: boolean; approveBlockedBySelf: boolean; emergency: boolean; update: boolean; cancel: boolean; discard: boolean } {
  const canWrite = permissions.includes('messages:write');
  const canApprove = permissions.includes('messages:approve');
  const own = message.author === me;
  const pending = message.status === 'pending_approval';
  const published = message.status === 'published';
  return {
    edit: canWrite && message.status === 'draft',
    submit: canWrite && message.status === 'draft',
    approve: canApprove && pending && !own,
    approveBlockedBySelf: canApprove && pending && own,
    emergency: canApprove && (message.status === 'draft' || pending),
    update: canWrite && published && message.msgType !== 'Cancel',
    cancel: canWrite && published && message.msgType !== 'Cancel',
    discard: canWrite && (message.status === 'draft' || pending || message.status === 'scheduled'),
  };
}

/** The actor id the API writes as author (`user:<id>`), for the four-eyes check in the view. */
export function actorIdOf(userId: string): string {
  return `user:${userId}`;
}
