import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '#platform/db/database.ts';
import { runCli } from '#test/support/cli.ts';

it('imports volunteers and AEDs from CSV with an error per bad line, and builds a postcode table', { timeout: 400_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-respond-cli-'));
  const env = { WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'w.db')}`, WAAKZAAM_PDOK_URL: 'off', WAAKZAAM_POSTCODE_TABLE: './data/postcodes' };
  expect((await runCli(['org', 'create', '--name', 'Regio Utrecht', '--kind', 'safety_region'], env)).code).toBe(0);
  writeFileSync(
    join(dir, 'v.csv'),
    'ref;name;qualified_until;label;lat;lon;postcode;house_number;windows\nr1;Anna;2027-01-01;thuis;52,09;5,11;;;\nr1;Anna;2027-01-01;werk;;;3526KP;93;ma-vr 08:00-17:00\nr2;Bob;2027-01-01;thuis;;;9999ZZ;1;\nr3;Cor;gisteren;thuis;52.1;5.1;;;\n',
  );
  const volunteers = await runCli(['respond', 'import-volunteers', join(dir, 'v.csv'), '--org', 'Regio Utrecht', '--tokens', join(dir, 'tokens.csv')], env);
  expect(volunteers.code).toBe(1);
  expect(volunteers.stdout).toContain('volunteers: 1 created, 0 updated, 2 lines with errors');
  expect(volunteers.stderr).toMatch(/line 4: .*ADDRESS_NOT_FOUND/);
  expect(volunteers.stderr).toMatch(/line 5: qualifiedUntil/);
  expect(readFileSync(join(dir, 'tokens.csv'), 'utf8')).toMatch(/^ref,id,token\nr1,[0-9a-f-]{36},wzr_/);
  writeFileSync(join(dir, 'a.csv'), 'ref,name,location,lat,lon,pads_expire\na1,AED hal,Stationshal,52.09,5.11,2027-01-01\n');
  const aeds = await runCli(['respond', 'import-aeds', join(dir, 'a.csv'), '--org', 'Regio Utrecht'], env);
  expect(aeds.code).toBe(0);
  expect(aeds.stdout).toContain('AEDs: 1 created, 0 updated, 0 lines with errors');

  const database = openDatabase({ driver: 'sqlite', path: join(dir, 'w.db') });
  try {
    const addresses = await database.db.selectFrom('respond_volunteer_addresses').select(['label', 'lat', 'windows']).orderBy('position').execute();
    expect(addresses).toEqual([
      { label: 'thuis', lat: 52.09, windows: null },
      { label: 'werk', lat: 52.06415055, windows: JSON.stringify([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '17:00' }]) },
    ]);
  } finally {
    await database.close();
  }

  writeFileSync(join(dir, 'bag.csv'), 'postcode,huisnummer,lat,lon\n3511AB,1,52.1,5.1\n3511AB,3,52.2,5.2\n3511 AC,2,52.0,5.0\nxx,1,1,1\n');
  const table = await runCli(['respond', 'import-postcodes', join(dir, 'bag.csv'), join(dir, 'pc6.csv')], env);
  expect(table.stdout).toContain('postcode table: 2 rows written');
  expect(readFileSync(join(dir, 'pc6.csv'), 'utf8')).toBe('postcode,house_number,lat,lon,label\n3511AB,,52.1500000,5.1500000,\n3511AC,,52.0000000,5.0000000,\n');
});
