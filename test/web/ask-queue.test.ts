import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tipSchema } from '#ask/routes/schemas.ts';
import type { Photo, Tip } from '../../web/dashboard/ask/ask-api.ts';
import { compareTips, inGroup, mergeTips, parseTipEvent, photoGroups, tipPhotoBadges } from '../../web/dashboard/ask/queue.ts';

function buildPhoto(overrides: Partial<Photo> = {}): Photo {
  const id = overrides.id ?? 'p1';
  return {
    id,
    status: 'processed',
    contentType: 'image/jpeg',
    byteSize: 1000,
    sha256: 'a'.repeat(64),
    width: 640,
    height: 480,
    phash: '0123456789abcdef',
    groupId: null,
    groupSize: 0,
    exif: { takenAt: null, lat: null, lon: null },
    rejectReason: null,
    processedAt: '2026-11-29T10:00:05.000Z',
    thumbnailUrl: `/api/media/${id}/thumbnail`,
    displayUrl: `/api/media/${id}/display`,
    originalUrl: `/api/media/${id}/original`,
    ...overrides,
  };
}

function buildTip(overrides: Partial<Tip> = {}): Tip {
  return {
    id: 't1',
    appealId: null,
    incidentId: null,
    text: 'Man met rode jas rende richting station',
    location: null,
    observedAt: null,
    receivedAt: '2026-11-29T10:00:00.000Z',
    anonymous: true,
    contact: null,
    language: 'nl',
    category: null,
    priority: null,
    relevance: null,
    priorityScore: 0,
    triagedAt: null,
    status: 'new',
    statusChangedAt: null,
    statusChangedBy: null,
    photoCount: 0,
    photos: [],
    ...overrides,
  };
}

describe('the tip queue order', () => {
  it('is the server’s: priority score descending, then the newer id first', () => {
    const tips = [buildTip({ id: 'a', priorityScore: 1 }), buildTip({ id: 'c', priorityScore: 5 }), buildTip({ id: 'b', priorityScore: 5 })];
    expect([...tips].sort(compareTips).map((t) => t.id)).toEqual(['c', 'b', 'a']);
  });

  it('merges a streamed tip by id (its whole current state) and keeps the order, for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), score: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 }), fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'x'), score: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 }), (first, later) => {
        const queue = mergeTips([], first.map((t) => buildTip({ id: t.id, priorityScore: t.score })));
        const merged = mergeTips(queue, later.map((t) => buildTip({ id: t.id, priorityScore: t.score })));
        const ids = merged.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (let i = 1; i < merged.length; i++) expect(compareTips(merged[i - 1]!, merged[i]!)).toBeLessThanOrEqual(0);
        // The last word on a tip is the latest event about it.
        for (const t of later) expect(merged.find((m) => m.id === t.id)!.priorityScore).toBe([...later].reverse().find((l) => l.id === t.id)!.score);
      }),
    );
  });

  it('drops a tip whose new status the filter does not show (marked "not useful" in the open queue)', () => {
    const queue = [buildTip({ id: 'a' }), buildTip({ id: 'b' })];
    expect(mergeTips(queue, [buildTip({ id: 'a', status: 'not_useful' })], ['new', 'in_review']).map((t) => t.id)).toEqual(['b']);
    expect(mergeTips(queue, [buildTip({ id: 'a', status: 'not_useful' })], null).map((t) => t.id)).toEqual(['b', 'a']);
  });
});

describe('near-duplicate photo groups', () => {
  const original = buildPhoto({ id: 'p1', groupId: 'p1', groupSize: 3 });
  const resized = buildPhoto({ id: 'p2', groupId: 'p1', groupSize: 3 });
  const other = buildPhoto({ id: 'p3', groupId: 'p3', groupSize: 1 });
  const tips = [buildTip({ id: 'b', priorityScore: 2, photos: [original, other] }), buildTip({ id: 'a', priorityScore: 1, photos: [resized] }), buildTip({ id: 'c', photos: [buildPhoto({ id: 'p4', status: 'pending' })] })];

  it('gathers the photos of one group across tips, and leaves single photos and unprocessed ones out', () => {
    const groups = photoGroups(tips);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ groupId: 'p1', size: 3, tipIds: ['b', 'a'] });
    expect(groups[0]!.members.map((m) => m.photo.id)).toEqual(['p1', 'p2']);
  });

  it('puts the largest group first', () => {
    const big = buildPhoto({ id: 'q1', groupId: 'q1', groupSize: 5 });
    const big2 = buildPhoto({ id: 'q2', groupId: 'q1', groupSize: 5 });
    expect(photoGroups([...tips, buildTip({ id: 'd', photos: [big, big2] })]).map((g) => g.groupId)).toEqual(['q1', 'p1']);
  });

  it('badges a photo with its group size only when it has near-duplicates, and marks the tips of a chosen group', () => {
    expect(tipPhotoBadges(tips[0]!).map((b) => b.duplicates)).toEqual([3, 0]);
    expect(tips.map((t) => inGroup(t, 'p1'))).toEqual([true, true, false]);
    expect(tips.map((t) => inGroup(t, null))).toEqual([false, false, false]);
  });
});

describe('stream events', () => {
  it('reads a tip exactly as the server presents it', () => {
    const tip = buildTip({ photos: [buildPhoto()], photoCount: 1 });
    expect(tipSchema.parse(tip)).toEqual(tip);
    expect(parseTipEvent(JSON.stringify(tip))).toEqual(tip);
  });

  it('ignores anything that is not a tip, without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseTipEvent(text);
        expect(parsed === null || typeof parsed.id === 'string').toBe(true);
      }),
    );
    expect(parseTipEvent('{"id":1}')).toBeNull();
    expect(parseTipEvent('null')).toBeNull();
  });
});
