import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCapAtomIndex } from '#send/cap/atom-index.ts';
import { buildCapAlert, capCircle, capIdentifier, capPolygon } from '#send/cap/build-alert.ts';
import { capDateTime } from '#send/cap/cap-time.ts';
import { createCapChannel } from '#send/channels/cap.ts';
import { buildOutgoingMessage, never } from '../channels/build-message.ts';
import { CAP_SCHEMA, validatesFile, xmllint } from './xmllint.ts';

const sender = 'waakzaam.utrecht.example';
const fixtures = join(import.meta.dirname, 'fixtures');

describe('the schema check itself', () => {
  it('accepts google/cap-library valid CAP 1.2 alerts and refuses the one without scope', () => {
    for (const name of ['australia.cap', 'canada.cap', 'wcatwc-warning.cap']) expect(validatesFile(join(fixtures, name)), name).toBe(true);
    expect(validatesFile(join(fixtures, 'invalid.cap'))).toBe(false);
  });
});

describe('capDateTime', () => {
  it('writes local time with its offset, never Z or fractions', () => {
    expect(capDateTime('2026-07-04T19:30:00.123Z')).toBe('2026-07-04T21:30:00+02:00');
    expect(capDateTime('2026-01-15T08:00:00Z')).toBe('2026-01-15T09:00:00+01:00');
    expect(capDateTime('2026-01-15T08:00:00Z', 'UTC')).toBe('2026-01-15T08:00:00-00:00');
    expect(capDateTime('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30:00+02:00');
    expect(capDateTime('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00+01:00');
  });
});

describe('buildCapAlert', () => {
  it('produces a schema-valid alert with area, lat,lon polygon and local times', () => {
    const xml = buildCapAlert(buildOutgoingMessage(), { sender, circle: { lat: 52.09, lon: 5.11, radiusMeters: 750 } });
    expect(xmllint([xml], CAP_SCHEMA)).toMatchObject({ ok: true });
    expect(xml).toContain('<identifier>waakzaam-0192f3a4-5b6c-7d8e-9f01-23456789abcd</identifier>');
    expect(xml).toContain('<sent>2026-07-04T21:30:00+02:00</sent>');
    expect(xml).toContain('<polygon>52.087,5.107 52.087,5.116 52.093,5.116 52.093,5.107 52.087,5.107</polygon>');
    expect(xml).toContain('<circle>52.09,5.11 0.75</circle>');
    expect(xml).toContain('<category>Safety</category>');
    expect(xml).not.toContain('<references>');
  });

  it('an exercise has status Exercise, a note and OEFENING in the headline', () => {
    const xml = buildCapAlert(buildOutgoingMessage({ status: 'Exercise' }), { sender });
    expect(xmllint([xml], CAP_SCHEMA).ok).toBe(true);
    expect(xml).toContain('<status>Exercise</status>');
    expect(xml).toMatch(/<note>OEFENING\. /);
    expect(xml).toContain('<headline>OEFENING — Erg druk rond de Jaarbeurs</headline>');
  });

  it('update and cancel reference the earlier alerts as sender,identifier,sent triples', () => {
    const alert = buildOutgoingMessage();
    const update = buildOutgoingMessage({ id: 'update-2', msgType: 'Update', sentAt: '2026-07-04T20:00:00Z', references: [{ messageId: alert.id, sentAt: alert.sentAt }] });
    const cancel = buildOutgoingMessage({ id: 'cancel-3', msgType: 'Cancel', sentAt: '2026-07-04T21:00:00Z', references: [{ messageId: alert.id, sentAt: alert.sentAt }, { messageId: update.id, sentAt: update.sentAt }] });
    const [u, c] = [buildCapAlert(update, { sender }), buildCapAlert(cancel, { sender })];
    expect(xmllint([u, c], CAP_SCHEMA).ok).toBe(true);
    expect(u).toContain(`<references>${sender},${capIdentifier(alert.id)},2026-07-04T21:30:00+02:00</references>`);
    expect(c).toContain(`<references>${sender},${capIdentifier(alert.id)},2026-07-04T21:30:00+02:00 ${sender},waakzaam-update-2,2026-07-04T22:00:00+02:00</references>`);
    expect(c).toContain('<responseType>AllClear</responseType>');
  });

  it('writes one info per language and one polygon per part of a multipolygon', () => {
    const nl = buildOutgoingMessage({
      area: {
        description: 'Twee pleinen',
        geometry: { type: 'MultiPolygon', coordinates: [[[[5.1, 52.1], [5.2, 52.1], [5.2, 52.2], [5.1, 52.1]]], [[[4.1, 51.1], [4.2, 51.1], [4.2, 51.2], [4.1, 51.1]]]] },
      },
    });
    const en = { ...nl, language: 'en' as const, headline: 'Very crowded near the Jaarbeurs', body: 'Do not come.' };
    const xml = buildCapAlert([nl, en], { sender });
    expect(xmllint([xml], CAP_SCHEMA).ok).toBe(true);
    expect(xml.match(/<info>/g)).toHaveLength(2);
    expect(xml).toContain('<language>en-GB</language>');
    expect(xml).toContain('<event>Crowding</event>');
    expect(xml.match(/<polygon>/g)).toHaveLength(4);
  });

  it('closes open rings, converts circle radius to km and refuses too few points', () => {
    expect(capPolygon([[5, 52], [6, 52], [6, 53]])).toBe('52,5 52,6 53,6 52,5');
    expect(capCircle({ lat: 52.1, lon: 5.1, radiusMeters: 2500 })).toBe('52.1,5.1 2.5');
    expect(() => capPolygon([[5, 52], [6, 52]])).toThrow();
  });

  it('property: any message text (XML specials, control characters, emoji) gives a valid document that keeps the text', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", ']]>', '\u0000', '\u0008', '\uFFFE', '\uD800', 'é', '🚒', '\n', '&amp;'), fc.string({ unit: 'grapheme', maxLength: 3 })), minLength: 1, maxLength: 40 });
    const samples = fc.sample(fc.record({ headline: text, body: text, instruction: text, area: text, sender: text }), 60);
    const docs = samples.map((s) =>
      buildCapAlert(buildOutgoingMessage({ headline: s.headline, body: s.body, instruction: s.instruction, senderName: s.sender, area: { ...buildOutgoingMessage().area!, description: s.area } }), { sender }),
    );
    const verdict = xmllint(docs, CAP_SCHEMA);
    expect(verdict.output).not.toMatch(/fails to validate|parser error/);
    expect(verdict.ok).toBe(true);
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    // eslint-disable-next-line no-control-regex -- the same characters the builder drops
    const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
    samples.forEach((s, i) => {
      const headline = /<headline>([^<]*)<\/headline>/.exec(docs[i]!)![1]!;
      expect(unescape(headline)).toBe(clean(s.headline));
    });
  });
});

describe('buildCapAtomIndex', () => {
  it('is well-formed Atom linking each CAP document with application/cap+xml, newest first', () => {
    const older = buildOutgoingMessage({ id: 'a1', headline: 'Eerste <melding> & meer', sentAt: '2026-07-04T18:00:00Z' });
    const newer = buildOutgoingMessage({ id: 'a2', msgType: 'Update', status: 'Exercise', references: [{ messageId: 'a1', sentAt: older.sentAt }] });
    const xml = buildCapAtomIndex(
      [
        { message: older, capUrl: 'https://waakzaam.example/cap/utrecht/waakzaam-a1.xml' },
        { message: newer, capUrl: 'https://waakzaam.example/cap/utrecht/waakzaam-a2.xml' },
      ],
      { feedUrl: 'https://waakzaam.example/cap/utrecht/index.atom', title: 'CAP-berichten Gemeente Utrecht', author: 'Gemeente Utrecht' },
    );
    expect(xmllint([xml]).ok).toBe(true);
    expect(xml.indexOf('waakzaam-a2.xml')).toBeLessThan(xml.indexOf('waakzaam-a1.xml'));
    expect(xml).toContain('<link rel="alternate" type="application/cap+xml" href="https://waakzaam.example/cap/utrecht/waakzaam-a1.xml"/>');
    expect(xml).toContain('<title>Eerste &lt;melding&gt; &amp; meer</title>');
    expect(xml).toContain('<cap:msgType>Update</cap:msgType>');
    expect(xml).toContain('<updated>2026-07-04T21:30:00+02:00</updated>');
  });
});

describe('CAP channel', () => {
  it('hands the document to the store and reports its identifier; previews problems', async () => {
    const stored = new Map<string, string>();
    const channel = createCapChannel({ sender, publish: async (_m, id, xml) => void stored.set(id, xml) });
    const message = buildOutgoingMessage();
    expect(await channel.deliver(message, null, 'k', never)).toEqual({ outcome: 'delivered', externalId: capIdentifier(message.id) });
    expect(xmllint([...stored.values()], CAP_SCHEMA).ok).toBe(true);
    expect(channel.preview(buildOutgoingMessage({ area: undefined })).problems).toHaveLength(1);
    expect(channel.preview(buildOutgoingMessage({ msgType: 'Cancel' })).problems[0]).toMatch(/cancels/);
    const failing = createCapChannel({ sender, publish: () => Promise.reject(new Error('disk full')) });
    expect((await failing.deliver(message, null, 'k', never)).outcome).toBe('retry');
  });
});
