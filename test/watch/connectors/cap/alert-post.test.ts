import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCircle, parsePolygon, polygonCentroid } from '#watch/connectors/cap/geometry.ts';
import { parseCapDocument, type CapAlert } from '#watch/connectors/cap/parse.ts';
import { alertToPost, capSourceId } from '#watch/connectors/cap/post.ts';
import { buildCapAlert, type CapSpec } from '#test/support/fake-feeds.ts';

const context = { documentUrl: 'https://vru.example.nl/cap/1.xml', now: new Date('2026-07-04T20:00:00Z'), pseudonymise: (h: string) => `pseudo(${h})` };

function alert(spec: Partial<CapSpec> = {}): CapAlert {
  const result = parseCapDocument(buildCapAlert({ identifier: 'VRU-1', ...spec }));
  if (!result.ok) throw new Error(result.reason);
  return result.alert;
}

describe('alertToPost', () => {
  it('makes a post with the sender as author, the area as a place, and the sent time', () => {
    const result = alertToPost(alert({ polygon: '52.0,5.0 52.0,5.2 52.2,5.2 52.2,5.0 52.0,5.0', areaDesc: 'Utrecht-West' }), context);
    expect(result).toEqual({
      ok: true,
      post: {
        source: 'cap',
        sourceId: 'vru@example.nl/VRU-1',
        url: 'https://vru.example.nl/cap/1.xml',
        authorPseudonym: 'pseudo(vru@example.nl)',
        text: 'Grote brand\n\nHoud ramen en deuren gesloten.\n\nUtrecht-West',
        language: 'nl',
        createdAt: '2026-07-04T19:30:00.000Z',
        location: { lat: 52.1, lon: 5.1, precision: 'place', placeName: 'Utrecht-West' },
        hashtags: [],
        mentions: [],
        media: [],
        replyTo: null,
        repostOf: null,
        quoteOf: null,
      },
    });
  });

  it('marks exercises, tests, updates and cancellations, and quotes the superseded alert', () => {
    const text = (spec: Partial<CapSpec>) => {
      const r = alertToPost(alert(spec), context);
      return r.ok ? r.post.text.split('\n')[0] : r.skipped;
    };
    expect(text({ status: 'Exercise' })).toBe('[OEFENING] Grote brand');
    expect(text({ status: 'Test' })).toBe('[TEST] Grote brand');
    expect(text({ msgType: 'Cancel', status: 'Exercise' })).toBe('[OEFENING] [INGETROKKEN] Grote brand');
    const update = alertToPost(alert({ msgType: 'Update', references: 'vru@example.nl,VRU-0,2026-07-04T21:00:00+02:00 vru@example.nl,VRU-00,2026-07-04T20:00:00+02:00' }), context);
    expect(update.ok && [update.post.text.split('\n')[0], update.post.quoteOf]).toEqual(['[UPDATE] Grote brand', 'vru@example.nl/VRU-0']);
  });

  it('skips system messages, drafts and protocol answers (not malformed, not for the public)', () => {
    for (const spec of [{ status: 'System' }, { status: 'Draft' }, { msgType: 'Ack' }, { msgType: 'Error' }]) {
      expect(alertToPost(alert(spec), context)).toEqual({ ok: false, skipped: expect.any(String) });
    }
  });

  it('prefers the Dutch info block, takes a circle centre (from another block if need be), and clamps a time in the future', () => {
    const doc = buildCapAlert({ identifier: 'X', language: 'en-GB', headline: 'Fire', circle: '52.09,5.12 2.5', sent: '2026-07-05T12:00:00+02:00' }).replace(
      '</alert>',
      '<info><language>nl-NL</language><category>Fire</category><event>Brand</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty><headline>Brand</headline></info></alert>',
    );
    const parsed = parseCapDocument(doc);
    if (!parsed.ok) throw new Error(parsed.reason);
    const result = alertToPost(parsed.alert, context);
    expect(result.ok && result.post).toMatchObject({ text: 'Brand', language: 'nl', location: { lat: 52.09, lon: 5.12, precision: 'place', placeName: 'Utrecht' }, createdAt: '2026-07-04T20:00:00.000Z' });
    const english = alertToPost(alert({ language: 'en-GB', headline: 'Fire', circle: '52.09,5.12 2.5' }), context);
    expect(english.ok && english.post.location).toEqual({ lat: 52.09, lon: 5.12, precision: 'place', placeName: 'Utrecht' });
  });

  it('keeps a long sender/identifier pair within index limits', () => {
    expect(capSourceId('a'.repeat(400), 'b'.repeat(400))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('accepts an alert with an unreadable polygon, with a warning and no location', () => {
    const parsed = alert({ polygon: '52.0,5.0 52.1,5.1' });
    expect(parsed.warnings).toEqual(['alert/info[1]/area[1]/polygon[1]: a polygon needs at least 4 points, found 2; ignored']);
    const result = alertToPost(parsed, context);
    expect(result.ok && result.post.location).toBeNull();
  });
});

describe('CAP geometry', () => {
  it('reads polygons and circles and refuses what is not one', () => {
    expect(parsePolygon('1,1 1,2 2,2 1,1')).toMatchObject({ ok: true });
    expect(parsePolygon('1,1 1,2 2,2 2,1')).toEqual({ ok: false, reason: 'the first and last points differ (the polygon is not closed)' });
    expect(parsePolygon('1,1 1,2 91,2 1,1')).toEqual({ ok: false, reason: '"91,2" is not a lat,lon pair' });
    expect(parseCircle('52.09,5.12 2.5')).toEqual({ ok: true, circle: { center: { lat: 52.09, lon: 5.12 }, radiusKm: 2.5 } });
    expect(parseCircle('52.09,5.12')).toMatchObject({ ok: false });
    expect(parseCircle('52.09,5.12 -1')).toMatchObject({ ok: false });
  });

  it('puts the centroid of a convex ring inside its bounding box, whichever way it winds', () => {
    const point = fc.record({ lat: fc.double({ min: 50, max: 54, noNaN: true }), lon: fc.double({ min: 3, max: 7, noNaN: true }) });
    fc.assert(
      fc.property(point, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 3, max: 12 }), fc.boolean(), (c, r, n, reverse) => {
        const ring = Array.from({ length: n }, (_, i) => ({ lat: c.lat + r * Math.sin((2 * Math.PI * i) / n), lon: c.lon + r * Math.cos((2 * Math.PI * i) / n) }));
        const closed = [...(reverse ? ring.reverse() : ring), ring[0]!];
        const centre = polygonCentroid(closed);
        expect(centre.lat).toBeCloseTo(c.lat, 6);
        expect(centre.lon).toBeCloseTo(c.lon, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary geometry text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        parsePolygon(text);
        parseCircle(text);
      }),
      { numRuns: 500 },
    );
  });
});
