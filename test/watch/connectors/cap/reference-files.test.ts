import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCapDocument, parseCapElement, type CapAlert } from '#watch/connectors/cap/parse.ts';
import { parseFeed } from '#watch/connectors/rss/parse.ts';
import { xmllintAccepts } from './xmllint.ts';

const DIR = '/work/shared/standards/cap';
const XXE = /^refused: the document contains a DOCTYPE declaration at line 3; .*XML external entity \(XXE\)/;

/** What each reference file must come to; a file added to the folder without an entry fails the test. */
const EXPECTED: Record<string, (text: string) => void> = {
  'australia.cap': (text) => {
    const alert = valid(text);
    expect(alert).toMatchObject({ identifier: 'tag:www.rfs.nsw.gov.au2011-10-06:40184', sender: 'webmaster@rfs.nsw.gov.au', sent: '2011-10-05T23:04:00+10:00', status: 'Actual', msgType: 'Alert' });
    expect(alert.infos).toHaveLength(2);
    expect(alert.infos[0]).toMatchObject({ language: 'en-AU', categories: ['Fire', 'Met'], event: 'Fire', headline: 'Yerong Creek Structure Fire' });
    expect(alert.infos[0]!.areas).toEqual([expect.objectContaining({ areaDesc: 'Yerong Creek Structure Fire', polygons: [], circles: [{ center: { lat: -35.3888, lon: 147.0598 }, radiusKm: 25 }] })]);
  },
  'canada.cap': (text) => {
    const alert = valid(text);
    expect(alert).toMatchObject({ identifier: '2.49.0.1.124.6bddbc91.2012', sender: 'cap@ec.gc.ca', sent: '2012-05-02T23:21:04-00:00', msgType: 'Update' });
    expect(alert.references).toEqual([
      { sender: 'cap@ec.gc.ca', identifier: '2.49.0.1.124.a3f342a4.2012', sent: '2012-05-02T21:45:05-00:00' },
      { sender: 'cap@ec.gc.ca', identifier: '2.49.0.1.124.60f31a3a.2012', sent: '2012-05-02T21:55:21-00:00' },
    ]);
    expect(alert.infos.map((i) => i.language)).toEqual(['en-CA', 'fr-CA']);
    expect(alert.infos[0]!.areas.map((a) => [a.areaDesc, a.polygons.length, a.polygons[0]!.length])).toEqual([
      ['Windsor - Leamington - Essex County', 1, 17],
      ['Chatham-Kent - Rondeau Park', 1, 38],
    ]);
  },
  'earthquake.cap': (text) => {
    const alert = valid(text);
    expect(alert).toMatchObject({ identifier: 'USGS-earthquakes-us2010apcd.6.20100831T000925.496Z', sent: '2010-08-31T00:09:25-05:00' });
    expect(alert.infos[0]!.areas[0]!.circles).toEqual([{ center: { lat: -16.053, lon: -173.274 }, radiusKm: 0 }]);
  },
  'no_optional_fields.cap': (text) => {
    const alert = valid(text);
    expect(alert).toMatchObject({ identifier: 'USGS-earthquakes-us2010apcd.6.20100831T000925.496Z', sent: '2010-08-31T00:09:25-05:00', scope: 'Public', infos: [] });
  },
  'wcatwc-warning.cap': (text) => {
    const alert = valid(text);
    expect(alert).toMatchObject({ identifier: 'PAAQ-2-lqw6d6', sent: '2011-09-02T11:36:50-00:00', msgType: 'Update', incidents: ['lqw6d6'] });
    expect(alert.references).toEqual([{ sender: 'PAAQ', identifier: 'PAAQ-1-lqw6d6', sent: '2011-09-02T10:55:55-00:00' }]);
    expect(alert.infos[0]!.areas.map((a) => a.areaDesc)).toEqual([expect.stringMatching(/^Coastal areas between and including/)]);
  },
  'weather.cap': (text) => {
    const alert = valid(text);
    expect(alert).toMatchObject({ identifier: 'NOAA-NWS-ALERTS-MT20100830100700TFXFlashFloodWatchTFX20100830180000MT', sent: '2010-08-30T04:07:00-06:00' });
    expect(alert.infos[0]!.areas[0]).toMatchObject({ areaDesc: 'Central and Southern Lewis and Clark; Lewis and Clark', polygons: [], circles: [], geocodes: [{ valueName: 'FIPS6', value: '030049' }, { valueName: 'UGC', value: 'MTZ014' }] });
  },
  'invalid.cap': (text) => {
    expect(parseCapDocument(text)).toEqual({ ok: false, reason: 'alert: required element <scope> is missing (after <msgType>, found <info>)' });
  },
  'noaa_errors.cap': (text) => {
    expect(parseCapDocument(text)).toEqual({ ok: false, reason: 'alert/info[1]/urgency: "" is not one of Immediate, Expected, Future, Past, Unknown' });
  },
  'xee.cap': (text) => {
    expect(parseCapDocument(text)).toEqual({ ok: false, reason: expect.stringMatching(XXE) });
  },
  'xee.atom': (text) => {
    expect(parseFeed(text, 'https://example.org/')).toEqual({ ok: false, reason: expect.stringMatching(XXE) });
  },
  'amber.atom': (text) => {
    const feed = parseFeed(text, 'https://example.org/');
    if (!feed.ok) throw new Error(feed.reason);
    const embedded = feed.feed.items[0]!.embedded.find((e) => e.name === 'alert')!;
    const result = parseCapElement(embedded);
    if (!result.ok) throw new Error(result.reason);
    expect(result.alert).toMatchObject({ identifier: 'http://doj.dc.gov/amber12345', sender: 'KARO@CLETS.DOJ.DC.GOV', sent: '2010-06-03T19:15:00-05:00' });
    expect(result.alert.infos[0]!.areas[0]!.geocodes).toEqual([{ valueName: 'FIPS6', value: '006037' }]);
  },
  'earthquake_index.atom': (text) => {
    const feed = parseFeed(text, 'https://example.org/');
    if (!feed.ok) throw new Error(feed.reason);
    expect(feed.feed.items[0]!.links).toContainEqual({ href: 'http://earthquake.usgs.gov/earthquakes/catalogs/cap/us2010apcd', rel: 'related', type: 'application/cap+xml' });
    expect(parseCapDocument(text)).toEqual({ ok: false, reason: 'not a CAP alert: the root element is <feed>' });
  },
  'weather_index.atom': (text) => {
    const feed = parseFeed(text, 'https://example.org/');
    if (!feed.ok) throw new Error(feed.reason);
    expect(feed.feed.items.map((i) => i.link)).toEqual([expect.stringContaining('CT20100831030400OKX'), expect.stringContaining('DC20100830203300LWX')]);
  },
  'cap12.xsd': () => undefined,
  'SOURCES.md': () => undefined,
};

function valid(text: string): CapAlert {
  const result = parseCapDocument(text);
  if (!result.ok) throw new Error(`expected a valid alert: ${result.reason}`);
  expect(result.alert.warnings).toEqual([]);
  return result.alert;
}

describe('CAP reference files (google/cap-library test data)', () => {
  const files = readdirSync(DIR).sort();

  it.each(files)('%s', (file) => {
    const check = EXPECTED[file];
    expect(check, `no expectation for ${file}`).toBeDefined();
    check!(readFileSync(join(DIR, file), 'utf8'));
  });

  it('agrees with xmllint and the OASIS schema on every CAP 1.2 file', () => {
    const capOneTwo = files.filter((f) => f.endsWith('.cap') && readFileSync(join(DIR, f), 'utf8').includes('urn:oasis:names:tc:emergency:cap:1.2'));
    expect(capOneTwo.length).toBeGreaterThanOrEqual(5);
    for (const file of capOneTwo) {
      const ours = parseCapDocument(readFileSync(join(DIR, file), 'utf8')).ok;
      expect([file, ours]).toEqual([file, xmllintAccepts(join(DIR, file))]);
    }
  });
});
