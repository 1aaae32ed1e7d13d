import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsFor, actorIdOf, barSegments, channelFigures, deliveryInProgress, EMPTY_COUNTS, groupPreviews, overallFigures, previewFill } from '../../web/dashboard/send/delivery-figures.ts';
import type { ChannelPreview, DeliveryCounts } from '../../web/dashboard/send/send-api.ts';

const counts = (c: Partial<DeliveryCounts>): DeliveryCounts => ({ ...EMPTY_COUNTS, ...c });

describe('delivery bars', () => {
  it('splits a channel into whole percentages that fill the bar', () => {
    expect(barSegments(counts({ delivered: 1, queued: 1, failed: 1 }))).toEqual([
      { status: 'delivered', count: 1, percent: 34 },
      { status: 'queued', count: 1, percent: 33 },
      { status: 'failed', count: 1, percent: 33 },
    ]);
    expect(barSegments(EMPTY_COUNTS)).toEqual([]);
  });

  it('always adds up to 100 and never drops a status that has deliveries (property)', () => {
    const n = fc.nat({ max: 100_000 });
    fc.assert(
      fc.property(fc.record({ queued: n, delivered: n, retrying: n, failed: n, gone: n, skipped: n }), (c) => {
        const parts = barSegments(c);
        const total = Object.values(c).reduce((a, b) => a + b, 0);
        if (total === 0) return expect(parts).toEqual([]);
        expect(parts.reduce((sum, p) => sum + p.percent, 0)).toBe(100);
        expect(parts.map((p) => p.status).sort()).toEqual(Object.entries(c).filter(([, v]) => v > 0).map(([k]) => k).sort());
      }),
    );
  });

  it('lists channels in a fixed order with totals, and sees deliveries still under way', () => {
    const deliveries = { email: counts({ delivered: 2, retrying: 1 }), mastodon: counts({ delivered: 1 }) };
    expect(channelFigures(deliveries).map((f) => [f.channel, f.total])).toEqual([['mastodon', 1], ['email', 3]]);
    expect(deliveryInProgress(deliveries)).toBe(true);
    expect(deliveryInProgress({ mastodon: counts({ delivered: 1 }) })).toBe(false);
    expect(overallFigures({ ...deliveries, webpush: counts({ gone: 1, failed: 1 }) })).toEqual({ delivered: 3, problems: 2, total: 6 });
  });
});

describe('previews', () => {
  const preview = (channel: ChannelPreview['channel'], language: 'nl' | 'en', length: number, limit: number | null, problems: string[] = []): ChannelPreview => ({
    channel,
    language,
    configured: true,
    preview: { text: 'x', length, limit, unit: 'graphemes', problems },
    problems,
  });

  it('measures the text against the limit', () => {
    expect(previewFill(preview('mastodon', 'nl', 250, 500).preview!)).toEqual({ length: 250, limit: 500, ratio: 0.5, over: false });
    expect(previewFill(preview('bluesky', 'nl', 310, 300).preview!)).toEqual({ length: 310, limit: 300, ratio: 1, over: true });
    expect(previewFill(preview('feed', 'nl', 900, null).preview!)).toEqual({ length: 900, limit: null, ratio: null, over: false });
  });

  it('groups the language versions of a channel and marks a blocked channel', () => {
    const groups = groupPreviews([preview('bluesky', 'nl', 10, 300), preview('mastodon', 'nl', 10, 500), preview('bluesky', 'en', 400, 300, ['too long'])]);
    expect(groups.map((g) => [g.channel, g.versions.length, g.blocked])).toEqual([['mastodon', 1, false], ['bluesky', 2, true]]);
  });
});

describe('actions per state (four eyes)', () => {
  const coordinator = ['messages:write', 'messages:approve'];
  const me = actorIdOf('u1');

  it('lets another coordinator approve, but not the author', () => {
    const pending = { status: 'pending_approval' as const, msgType: 'Alert', author: 'user:u2' };
    expect(actionsFor(pending, me, coordinator)).toMatchObject({ approve: true, approveBlockedBySelf: false, emergency: true });
    expect(actionsFor({ ...pending, author: me }, me, coordinator)).toMatchObject({ approve: false, approveBlockedBySelf: true, emergency: true });
    expect(actionsFor(pending, me, ['messages:write'])).toMatchObject({ approve: false, approveBlockedBySelf: false, emergency: false });
  });

  it('offers update and cancel only for a published alert, edit only for a draft', () => {
    expect(actionsFor({ status: 'published', msgType: 'Alert', author: me }, me, coordinator)).toMatchObject({ update: true, cancel: true, edit: false, discard: false });
    expect(actionsFor({ status: 'published', msgType: 'Cancel', author: me }, me, coordinator)).toMatchObject({ update: false, cancel: false });
    expect(actionsFor({ status: 'draft', msgType: 'Alert', author: me }, me, coordinator)).toMatchObject({ edit: true, submit: true, discard: true, update: false });
  });
});
