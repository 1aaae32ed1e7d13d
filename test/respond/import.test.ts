import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '#respond/csv.ts';
import { parseAedCsv, parseVolunteerCsv, parseWindowsText } from '#respond/import.ts';

describe('CSV reader', () => {
  it('reads quotes, doubled quotes, line breaks in fields, CRLF, semicolons and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","1\n2"\r\n\r\nlast,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', '1\n2'] },
      { line: 5, fields: ['last', ''] },
    ]);
    expect(parseCsv('a;b\n1;2').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow(/line 2/);
  });

  it('round-trips any table of fields (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', 'é', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (table) => {
        const width = table[0]!.length;
        const rows = table.map((r) => [...r.slice(0, width), ...Array.from({ length: Math.max(0, width - r.length) }, () => 'x')]).map((r) => r.map((f) => (f === '' ? 'e' : f)));
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text, ',').map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('never throws anything but a line error (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseCsv(text);
        } catch (error) {
          expect((error as Error).message).toMatch(/^line \d+:/);
        }
      }),
    );
  });
});

describe('registry imports', () => {
  it('parses weekly windows in Dutch and English', () => {
    expect(parseWindowsText('ma-vr 08:00-18:00; za,zo 10:00-16:00')).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
      { days: ['sat', 'sun'], from: '10:00', to: '16:00' },
    ]);
    expect(parseWindowsText('fri-mon 22:00-06:00')).toEqual([{ days: ['mon', 'fri', 'sat', 'sun'], from: '22:00', to: '06:00' }]);
    expect(parseWindowsText('')).toBeNull();
    expect(() => parseWindowsText('maandag 8-18')).toThrow();
  });

  it('groups rows by ref into addresses and reports each bad line precisely', () => {
    const csv = [
      'ref,name,qualified_until,label,lat,lon,postcode,house_number,windows',
      'r1,Anna,2027-01-01,thuis,52.09,5.11,,,',
      'r1,Anna,2027-01-01,werk,52.08,5.12,,,ma-vr 08:00-17:00',
      'r2,Bob,2027-13-01,thuis,52.09,5.11,,,',
      'r3,Cor,2027-01-01,thuis,,,3526KP,93,',
      'r4,Dirk,2027-01-01,thuis,,,,,',
      'r5,Eva,2027-01-01,thuis,52.1,5.1,,,elke dag',
    ].join('\n');
    const { volunteers, errors } = parseVolunteerCsv(csv);
    expect(volunteers.map((v) => v.input.externalRef)).toEqual(['r1', 'r3']);
    expect(volunteers[0]!.input.addresses).toHaveLength(2);
    expect(errors.map((e) => e.line)).toEqual([4, 6, 7]);
    expect(errors[0]!.message).toContain('qualifiedUntil');
    expect(errors[1]!.message).toContain('postcode and house_number');
  });

  it('parses AEDs with hours, expiry and the yes/no column', () => {
    const { aeds, errors } = parseAedCsv('ref,name,location,lat,lon,availability,pads_expire,active,cabinet_code\na1,AED,Hal,52.1,5.1,ma-vr 08:00-18:00,2027-05-01,ja,1234\na2,AED2,Hal,52.1,5.1,,,misschien,\n');
    expect(aeds).toHaveLength(1);
    expect(aeds[0]!.input).toMatchObject({ externalRef: 'a1', active: true, cabinetCode: '1234', padsExpire: '2027-05-01' });
    expect(errors).toEqual([{ line: 3, message: 'active: "misschien" is not ja/nee' }]);
  });
});
