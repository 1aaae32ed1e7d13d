import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolygons, parsePublicMessage, versionFor } from '../../web/citizen/messages/message-api.ts';
import { messageIdOf, messagePagePath } from '../../web/citizen/messages/message-paths.ts';
import { messageTime, whenText } from '../../web/citizen/messages/message-time.ts';
import { citizenRouteOf } from '../../web/citizen/routes.ts';
import { messageUrl } from '#send/messages/outgoing.ts';

const ID = '019a1b2c-3d4e-7f00-8a1b-2c3d4e5f6a7b';
const SQUARE = [
  [
    [5.1, 52.0],
    [5.2, 52.0],
    [5.2, 52.1],
    [5.1, 52.0],
  ],
];

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ID,
    organisationName: 'Gemeente Utrecht',
    msgType: 'Alert',
    exercise: false,
    category: 'crowd_safety',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    content: { nl: { headline: 'Druk bij de uitgang', body: 'Neem een andere uitgang.' }, en: { headline: 'Crowded at the exit', body: 'Use another exit.', instruction: 'Follow the stewards.' } },
    area: { description: 'Gemeente Utrecht', geometry: { type: 'Polygon', coordinates: SQUARE } },
    publishedAt: '2026-07-04T18:14:00.000Z',
    expiresAt: null,
    replacesId: null,
    supersededBy: null,
    ...overrides,
  };
}

describe('message page paths', () => {
  it('is where every channel links', () => {
    expect(new URL(messageUrl('https://waakzaam.example', ID)).pathname).toBe(messagePagePath(ID));
    expect(messageIdOf(messagePagePath(ID))).toBe(ID);
    expect(citizenRouteOf(`/citizen/messages/${ID}/`)).toBe('message');
  });

  it('is not a message page without exactly one id segment, nor with a broken escape', () => {
    for (const path of ['/citizen/messages', '/citizen/messages/', `/citizen/messages/${ID}/extra`, '/citizen/messages/%E0%A4%A']) expect(messageIdOf(path), path).toBeNull();
    expect(citizenRouteOf('/citizen/messages')).toBe('notFound');
  });
});

describe('parsePublicMessage', () => {
  it('reads the API answer, with the English version and the area as polygons', () => {
    const message = parsePublicMessage(body());
    expect(message).toMatchObject({ id: ID, msgType: 'Alert', exercise: false, organisationName: 'Gemeente Utrecht' });
    expect(message?.content.en?.instruction).toBe('Follow the stewards.');
    expect(message?.content.nl.instruction).toBeNull();
    expect(message?.area?.polygons).toEqual([SQUARE]);
  });

  it('refuses a body without Dutch text, id or publication time', () => {
    expect(parsePublicMessage(body({ content: { en: { headline: 'x', body: 'y' } } }))).toBeNull();
    expect(parsePublicMessage(body({ id: 7 }))).toBeNull();
    expect(parsePublicMessage(body({ publishedAt: null }))).toBeNull();
    expect(parsePublicMessage('<html>')).toBeNull();
  });

  it('keeps only a well-formed history reference', () => {
    expect(parsePublicMessage(body({ supersededBy: { id: 'b', kind: 'Cancel' } }))?.supersededBy).toEqual({ id: 'b', kind: 'Cancel' });
    expect(parsePublicMessage(body({ supersededBy: { id: 'b', kind: 'Delete' } }))?.supersededBy).toBeNull();
  });

  it('never throws on arbitrary JSON, and draws only finite positions on the globe', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (anything, geometry) => {
        parsePublicMessage(anything);
        const message = parsePublicMessage(body({ area: { description: 'x', geometry } }));
        for (const polygon of message?.area?.polygons ?? []) {
          for (const [lon, lat] of polygon.flat()) expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90).toBe(true);
        }
      }),
    );
    expect(parsePolygons({ type: 'MultiPolygon', coordinates: [SQUARE, [[[1e9, 0]]], 'x'] })).toEqual([SQUARE]);
  });
});

describe('versionFor', () => {
  it('gives English to an English reader when there is English, and Dutch otherwise', () => {
    const both = parsePublicMessage(body())!;
    expect(versionFor(both, 'en')).toMatchObject({ language: 'en', version: { headline: 'Crowded at the exit' } });
    expect(versionFor(both, 'nl')).toMatchObject({ language: 'nl', version: { headline: 'Druk bij de uitgang' } });
    const dutch = parsePublicMessage(body({ content: { nl: { headline: 'Alleen Nederlands', body: 'Tekst.' } } }))!;
    expect(versionFor(dutch, 'en')).toMatchObject({ language: 'nl', version: { headline: 'Alleen Nederlands' } });
  });
});

describe('messageTime', () => {
  it('says only the time today, in Dutch time whatever the zone of the device', () => {
    // 18:14 UTC is 20:14 in Amsterdam in summer.
    expect(messageTime('2026-07-04T18:14:00.000Z', 'nl', Date.parse('2026-07-04T21:00:00Z'))).toEqual({ time: '20:14', date: null });
    // 23:30 UTC on the 4th is already the 5th in Amsterdam: another day than 4 July 20:00 UTC.
    expect(messageTime('2026-07-04T23:30:00.000Z', 'nl', Date.parse('2026-07-04T20:00:00Z'))).toEqual({ time: '01:30', date: '5 juli 2026' });
    expect(whenText('2026-01-10T08:05:00.000Z', 'en', Date.parse('2026-07-04T20:00:00Z'))).toBe('10 January 2026 09:05');
    expect(messageTime('not a time', 'nl', 0)).toBeNull();
  });
});
