import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { APPEAL_KINDS as SERVER_KINDS, APPEAL_OUTCOMES as SERVER_OUTCOMES, APPEAL_STATUSES as SERVER_STATUSES } from '#ask/appeals/appeal.ts';
import { MAX_APPEAL_PHOTOS as SERVER_MAX_PHOTOS } from '#ask/appeals/appeal-service.ts';
import { appealDraftSchema, consentSchema } from '#ask/routes/schemas.ts';
import { TIP_STATUSES as SERVER_TIP_STATUSES } from '#ask/tip.ts';
import { appealAreaOf, appealDraftBody, choiceOfAppealArea, consentBody, initialAppealState, MAX_APPEAL_PHOTOS, municipalityRing, validateAppeal, type AppealFormState } from '../../web/dashboard/ask/appeal-form.ts';
import { APPEAL_KINDS, APPEAL_OUTCOMES, APPEAL_STATUSES, TIP_STATUSES } from '../../web/dashboard/ask/ask-api.ts';
import { askRouteFromPath } from '../../web/dashboard/ask/ask-routes.ts';
import { barGeometry, durationParts, tipsOverTime } from '../../web/dashboard/ask/stats.ts';
import { modeFromPath } from '../../web/dashboard/modes.ts';

const outlines = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/geo/gemeenten-2023.geojson'), 'utf8')) as FeatureCollection;

const robbery: AppealFormState = {
  ...initialAppealState(),
  kind: 'witness_call',
  title: 'Getuigen gezocht: overval juwelier Oudegracht',
  description: 'Vanmiddag om 14.10 uur is een juwelier aan de Oudegracht overvallen. Twee mannen vluchtten op een scooter.',
  responseInstructions: 'Geef een tip via deze pagina of bel 0900-8844.',
  area: { kind: 'circle', lat: 52.0907, lon: 5.1214, radiusM: 800 },
};

describe('the dashboard speaks the server’s words', () => {
  it('has the same kinds, statuses, outcomes and photo limit', () => {
    expect(APPEAL_KINDS).toEqual(SERVER_KINDS);
    expect(APPEAL_STATUSES).toEqual(SERVER_STATUSES);
    expect(APPEAL_OUTCOMES).toEqual(SERVER_OUTCOMES);
    expect(TIP_STATUSES).toEqual(SERVER_TIP_STATUSES);
    expect(MAX_APPEAL_PHOTOS).toBe(SERVER_MAX_PHOTOS);
  });
});

describe('validateAppeal and the request', () => {
  it('lists what is missing in the order of the form', () => {
    expect(validateAppeal(initialAppealState(), outlines).map((e) => e.field)).toEqual(['kind', 'title', 'description', 'area', 'responseInstructions']);
  });

  it('turns a complete form into a draft the server accepts', () => {
    expect(validateAppeal(robbery, outlines)).toEqual([]);
    const body = appealDraftBody(robbery, outlines);
    expect(appealDraftSchema.parse(body)).toEqual(body);
    expect(body.area).toEqual({ type: 'circle', center: { lat: 52.0907, lon: 5.1214 }, radiusM: 800 });
  });

  it('holds a circle to the appeal’s own radius limits (50 m – 100 km)', () => {
    expect(validateAppeal({ ...robbery, area: { kind: 'circle', lat: 52, lon: 5, radiusM: 20 } }, outlines).map((e) => e.key)).toEqual(['ask.composer.error.radius']);
    expect(appealAreaOf({ kind: 'circle', lat: 52, lon: 5, radiusM: 100_001 }, null)).toBeNull();
  });

  it('closes a drawn outline, and refuses one that crosses itself', () => {
    const area = appealAreaOf({ kind: 'polygon', points: [[5.1, 52.08], [5.14, 52.08], [5.14, 52.1]] }, null);
    expect(area).toEqual({ type: 'polygon', coordinates: [[[5.1, 52.08], [5.14, 52.08], [5.14, 52.1], [5.1, 52.08]]] });
    expect(appealDraftSchema.shape.area.safeParse(area).success).toBe(true);
    expect(appealAreaOf({ kind: 'polygon', points: [[0, 0], [1, 1], [1, 0], [0, 1]] }, null)).toBeNull();
    expect(choiceOfAppealArea(area!)).toEqual({ kind: 'polygon', points: [[5.1, 52.08], [5.14, 52.08], [5.14, 52.1]] });
  });

  it('takes a municipality from the list (the keyboard way) as its outline, largest part only', () => {
    const utrecht = appealAreaOf({ kind: 'municipality', code: 'GM0344', name: 'Utrecht' }, outlines);
    expect(utrecht?.type).toBe('polygon');
    expect(appealDraftSchema.shape.area.safeParse(utrecht).success).toBe(true);
    const multi = outlines.features.find((f) => f.geometry.type === 'MultiPolygon')!;
    const ring = municipalityRing(String(multi.properties!.gemeentecode), outlines)!;
    expect(ring.partsDropped).toBeGreaterThan(0);
    expect(appealAreaOf({ kind: 'municipality', code: 'GM9999', name: '?' }, outlines)).toBeNull();
  });

  it('asks for the family’s consent for a missing person, and sends it in the server’s shape', () => {
    const missing: AppealFormState = { ...robbery, kind: 'missing_person' };
    expect(validateAppeal(missing, outlines).map((e) => e.field)).toEqual(['consent', 'consentGivenBy', 'consentRelation']);
    const given: AppealFormState = { ...missing, consentGiven: true, consentGivenBy: 'J. de Vries', consentRelation: 'moeder', consentMethod: 'phone' };
    expect(validateAppeal(given, outlines)).toEqual([]);
    expect(consentSchema.parse(consentBody(given))).toEqual({ givenBy: 'J. de Vries', relation: 'moeder', method: 'phone', note: null });
    expect(consentBody(robbery)).toBeNull();
  });

  it('limits the photos to what the server takes', () => {
    expect(validateAppeal(robbery, outlines, MAX_APPEAL_PHOTOS + 1).map((e) => e.field)).toEqual(['photos']);
  });
});

describe('appeal figures', () => {
  it('counts tips per bucket from publication, choosing a bucket width that fits', () => {
    const published = '2026-11-29T14:00:00.000Z';
    const series = tipsOverTime(['2026-11-29T14:01:00Z', '2026-11-29T14:04:00Z', '2026-11-29T14:31:00Z', '2026-11-29T13:59:00Z', 'nonsense'], published, Date.parse('2026-11-29T15:00:00Z'));
    expect(series.bucketMinutes).toBe(5);
    expect(series.counts).toHaveLength(12);
    expect(series.counts[0]).toBe(3);
    expect(series.counts[6]).toBe(1);
    expect(series.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(tipsOverTime([], published, Date.parse('2026-11-30T14:00:00Z')).bucketMinutes).toBe(120);
  });

  it('splits durations and scales bars to the largest count', () => {
    expect(durationParts(3725)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
    const bars = barGeometry([0, 2, 4], 100, 40);
    expect(bars.map((b) => b.height)).toEqual([0, 20, 40]);
    expect(bars[2]!.y).toBe(0);
    expect(barGeometry([3], 320, 80)[0]!.width).toBe(24);
  });
});

describe('Ask routes', () => {
  it('maps paths to views and the shell to the Ask mode', () => {
    expect(askRouteFromPath('/ask')).toEqual({ view: 'queue' });
    expect(askRouteFromPath('/ask/appeals/')).toEqual({ view: 'appeals' });
    expect(askRouteFromPath('/ask/appeals/new')).toEqual({ view: 'compose' });
    expect(askRouteFromPath('/ask/appeals/01abc')).toEqual({ view: 'appeal', id: '01abc' });
    expect(askRouteFromPath('/ask/other')).toBeNull();
    expect(modeFromPath('/ask/appeals/01abc')).toBe('ask');
  });
});
