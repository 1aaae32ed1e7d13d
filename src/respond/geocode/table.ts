import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { csvObjects } from '../csv.ts';
import type { LonLat } from '../geo.ts';
import { parsePc4, parsePostcode, type DutchAddress } from './postcode.ts';

/**
 * The offline postcode table: the fallback when PDOK cannot be reached. Files are CSV with the
 * header `postcode,house_number,lat,lon,label`: a row with a house number is one address, a row
 * without is the centroid of a PC6 postcode, and a four-digit postcode is a PC4 centroid. A look-up
 * takes the most precise match: the address, else the postcode (the mean of its rows), else the PC4
 * area. `waakzaam respond import-postcodes` converts downloaded address files into this format.
 */
export type TablePrecision = 'address' | 'postcode' | 'pc4';

export interface TableMatch {
  point: LonLat;
  label: string;
  precision: TablePrecision;
}

interface Entry extends LonLat {
  label: string;
}

export class PostcodeTable {
  private readonly addresses = new Map<string, Entry>();
  private readonly postcodes = new Map<string, Entry[]>();
  private readonly pc4 = new Map<string, Entry[]>();

  get size(): number {
    return this.addresses.size + this.postcodes.size + this.pc4.size;
  }

  /** Reads a table file or every `.csv` file in a directory; a missing path is an empty table. */
  static load(path: string): PostcodeTable {
    const table = new PostcodeTable();
    if (!existsSync(path)) return table;
    const files = statSync(path).isDirectory() ? readdirSync(path).filter((f) => f.endsWith('.csv')).sort().map((f) => join(path, f)) : [path];
    for (const file of files) table.addCsv(readFileSync(file, 'utf8'), file);
    return table;
  }

  /** Adds the rows of one CSV text; throws with file and line for a malformed row. */
  addCsv(text: string, name = 'table'): void {
    for (const { line, values } of csvObjects(text).rows) {
      const lat = Number(values.lat);
      const lon = Number(values.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Error(`${name} line ${line}: lat/lon are not coordinates`);
      const entry: Entry = { lat, lon, label: values.label ?? '' };
      const raw = values.postcode ?? '';
      const postcode = parsePostcode(raw);
      if (postcode) {
        const house = values.house_number ? Number(values.house_number) : null;
        if (house !== null) {
          if (!Number.isInteger(house) || house < 1) throw new Error(`${name} line ${line}: house_number "${values.house_number}" is not a number`);
          this.addresses.set(`${postcode} ${house}`, entry);
        } else push(this.postcodes, postcode, entry);
        continue;
      }
      const pc4 = /^\d{4}$/.test(raw) ? parsePc4(raw) : null;
      if (!pc4) throw new Error(`${name} line ${line}: "${raw}" is neither a postcode (1234AB) nor a PC4 area (1234)`);
      push(this.pc4, pc4, entry);
    }
  }

  lookup(address: Pick<DutchAddress, 'postcode' | 'houseNumber'>): TableMatch | null {
    const exact = this.addresses.get(`${address.postcode} ${address.houseNumber}`);
    if (exact) return { point: { lon: exact.lon, lat: exact.lat }, label: exact.label, precision: 'address' };
    const pc6 = this.postcodes.get(address.postcode) ?? [...this.addresses].filter(([k]) => k.startsWith(`${address.postcode} `)).map(([, v]) => v);
    if (pc6.length > 0) return { ...mean(pc6), precision: 'postcode' };
    const pc4 = this.pc4.get(address.postcode.slice(0, 4));
    return pc4 ? { ...mean(pc4), precision: 'pc4' } : null;
  }
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function mean(entries: readonly Entry[]): { point: LonLat; label: string } {
  const lon = entries.reduce((s, e) => s + e.lon, 0) / entries.length;
  const lat = entries.reduce((s, e) => s + e.lat, 0) / entries.length;
  return { point: { lon, lat }, label: entries[0]!.label };
}
