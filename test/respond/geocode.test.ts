import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Geocoder } from '#respond/geocode/geocoder.ts';
import { parsePdokResponse, parseWktPoint, pdokAddressUrl, pickAddress } from '#respond/geocode/pdok.ts';
import { formatDutchAddress, parseDutchAddress, parseHouseNumber, parsePostcode } from '#respond/geocode/postcode.ts';
import { PostcodeTable } from '#respond/geocode/table.ts';
import { FakePdok } from '#test/support/fake-pdok.ts';

describe('Dutch postcodes and house numbers', () => {
  it('normalises postcodes and refuses malformed ones', () => {
    expect(parsePostcode('3511 ab')).toBe('3511AB');
    expect(parsePostcode(' 3511AB ')).toBe('3511AB');
    for (const bad of ['0511AB', '351AB', '3511A', '3511 SS', '3511SA', '3511-AB', '35111AB', '']) expect(parsePostcode(bad)).toBeNull();
    expect(parseHouseNumber('12A-3')).toEqual({ houseNumber: 12, houseLetter: 'A', addition: '3' });
    expect(parseHouseNumber('12 bis')).toEqual({ houseNumber: 12, houseLetter: null, addition: 'BIS' });
    expect(parseHouseNumber('0')).toBeNull();
    expect(parseHouseNumber('abc')).toBeNull();
  });

  it('round-trips every valid postcode and never throws on any text (property)', () => {
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), letters, letters, fc.boolean(), fc.boolean(), (n, a, b, space, lower) => {
        const pair = `${a}${b}`;
        const text = `${n}${space ? ' ' : ''}${lower ? pair.toLowerCase() : pair}`;
        const parsed = parsePostcode(text);
        if (['SA', 'SD', 'SS'].includes(pair)) return parsed === null;
        return parsed === `${n}${pair}` && parsePostcode(parsed) === parsed;
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (p, h) => {
        const address = parseDutchAddress(p, h);
        return address === null || (/^[1-9]\d{3}[A-Z]{2}$/.test(address.postcode) && address.houseNumber >= 1 && formatDutchAddress(address).startsWith(address.postcode));
      }),
    );
  });
});

describe('PDOK answer parser', () => {
  it('reads documents in the shape PDOK sends', () => {
    const body = {
      response: {
        numFound: 1,
        start: 0,
        maxScore: 6.1,
        numFoundExact: true,
        docs: [{ type: 'adres', weergavenaam: 'Europalaan 93, 3526KP Utrecht', postcode: '3526KP', huisnummer: 93, centroide_ll: 'POINT(5.10696041 52.06415055)', centroide_rd: 'POINT(135782.745 452910.011)' }],
      },
    };
    expect(parsePdokResponse(body)).toEqual([{ point: { lon: 5.10696041, lat: 52.06415055 }, label: 'Europalaan 93, 3526KP Utrecht', postcode: '3526KP', houseNumber: 93, houseLetter: null, addition: null }]);
    expect(parseWktPoint('POINT(4.89727884 52.37658789)')).toEqual({ lon: 4.89727884, lat: 52.37658789 });
    expect(parseWktPoint('POINT(400 52)')).toBeNull();
    expect(parseWktPoint('MULTIPOLYGON(((5 52,5 53,6 53,5 52)))')).toBeNull();
  });

  it('never throws and only returns points on Earth, whatever arrives (property)', () => {
    const doc = fc.record({ centroide_ll: fc.oneof(fc.string(), fc.tuple(fc.double(), fc.double()).map(([x, y]) => `POINT(${x} ${y})`)), weergavenaam: fc.option(fc.string(), { nil: undefined }), huisnummer: fc.option(fc.oneof(fc.integer(), fc.string()), { nil: undefined }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ response: fc.record({ docs: fc.array(fc.oneof(doc, fc.anything())) }) })), (body) => {
        const matches = parsePdokResponse(body);
        return matches.every((m) => Number.isFinite(m.point.lon) && Number.isFinite(m.point.lat) && Math.abs(m.point.lat) <= 90 && Math.abs(m.point.lon) <= 180);
      }),
    );
  });

  it('picks the document with the same letter and addition', () => {
    const address = parseDutchAddress('3511AA', '20A')!;
    const matches = parsePdokResponse({ response: { docs: [
      { postcode: '3511AA', huisnummer: 20, centroide_ll: 'POINT(5.116 52.092)', weergavenaam: '20' },
      { postcode: '3511AA', huisnummer: 20, huisletter: 'A', centroide_ll: 'POINT(5.117 52.093)', weergavenaam: '20A' },
    ] } });
    expect(pickAddress(matches, address)?.label).toBe('20A');
    expect(pdokAddressUrl('https://x/v3_1', address)).toBe('https://x/v3_1/free?q=postcode%3A3511AA+and+huisnummer%3A20&fq=type%3Aadres&rows=20');
  });
});

describe('geocoder against a local Locatieserver, with the offline table as fallback', () => {
  let pdok: FakePdok;
  const table = new PostcodeTable();
  table.addCsv('postcode,house_number,lat,lon,label\n3526KP,93,52.06415055,5.10696041,"Europalaan 93, 3526KP Utrecht"\n3584CC,,52.085,5.17,Genèvelaan\n3584,,52.08,5.17,Utrecht-Oost\n');

  beforeAll(async () => {
    pdok = await FakePdok.start([{ postcode: '3521AL', huisnummer: 6, straatnaam: 'Jaarbeursplein', woonplaatsnaam: 'Utrecht', lon: 5.1115, lat: 52.0894 }]);
  });
  afterAll(async () => pdok.close());

  it('asks PDOK the free endpoint with a postcode and house-number query', async () => {
    const geocoder = new Geocoder({ pdokUrl: pdok.baseUrl, table });
    const found = await geocoder.geocode('3521 al', '6');
    expect(found).toEqual({ point: { lon: 5.1115, lat: 52.0894 }, label: 'Jaarbeursplein 6, 3521AL Utrecht', source: 'pdok' });
    const request = pdok.requests.at(-1)!;
    expect(request.pathname).toBe('/bzk/locatieserver/search/v3_1/free');
    expect(request.searchParams.get('q')).toBe('postcode:3521AL and huisnummer:6');
    expect(request.searchParams.getAll('fq')).toEqual(['type:adres']);
  });

  it('trusts PDOK when it knows no such address', async () => {
    const geocoder = new Geocoder({ pdokUrl: pdok.baseUrl, table });
    await expect(geocoder.geocode('3526KP', '93')).rejects.toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
  });

  it('falls back to the table when PDOK is down: address, then postcode, then PC4', async () => {
    pdok.failWith = 503;
    const reasons: string[] = [];
    const geocoder = new Geocoder({ pdokUrl: pdok.baseUrl, table, onFallback: (reason) => reasons.push(reason) });
    try {
      expect(await geocoder.geocode('3526KP', 93)).toMatchObject({ source: 'table:address', label: 'Europalaan 93, 3526KP Utrecht' });
      expect(await geocoder.geocode('3584CC', 1)).toMatchObject({ source: 'table:postcode', point: { lat: 52.085, lon: 5.17 } });
      expect(await geocoder.geocode('3584XY', 1)).toMatchObject({ source: 'table:pc4' });
      await expect(geocoder.geocode('9999ZZ', 1)).rejects.toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
      expect(reasons[0]).toBe('HTTP 503');
    } finally {
      pdok.failWith = null;
    }
  });

  it('loads the shipped demo table', () => {
    const shipped = PostcodeTable.load('./data/postcodes');
    expect(shipped.lookup({ postcode: '3584CJ', houseNumber: 101 })).toMatchObject({ precision: 'address', label: 'Bolognalaan 101, 3584CJ Utrecht' });
  });
});
