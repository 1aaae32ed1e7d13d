import { invalid, notFound } from '#core/errors.ts';
import type { LonLat } from '../geo.ts';
import { pdokLookup } from './pdok.ts';
import { formatDutchAddress, parseDutchAddress, type DutchAddress } from './postcode.ts';
import type { PostcodeTable } from './table.ts';

export interface Geocoded {
  point: LonLat;
  /** How a responder reads the place ("Europalaan 93, 3526KP Utrecht"). */
  label: string;
  /** `pdok`, or `table:address|postcode|pc4` for the offline table. */
  source: string;
}

export interface GeocoderOptions {
  /** Locatieserver base URL; null when PDOK is not to be used (offline installations). */
  pdokUrl: string | null;
  table: PostcodeTable;
  timeoutMs?: number;
  onFallback?: (reason: string, address: string) => void;
}

/**
 * Postcode + house number → coordinates: PDOK Locatieserver first, the offline table when PDOK
 * cannot be reached (not when PDOK says the address does not exist — the table is older, not
 * better).
 */
export class Geocoder {
  constructor(private readonly options: GeocoderOptions) {}

  async geocode(postcode: string, houseNumber: string | number): Promise<Geocoded> {
    const address = parseDutchAddress(postcode, houseNumber);
    if (!address) throw invalid('INVALID_ADDRESS', `"${postcode} ${houseNumber}" is not a Dutch postcode (1234AB) with a house number.`);
    return this.geocodeAddress(address);
  }

  async geocodeAddress(address: DutchAddress): Promise<Geocoded> {
    const text = formatDutchAddress(address);
    if (this.options.pdokUrl) {
      const result = await pdokLookup(this.options.pdokUrl, address, this.options.timeoutMs);
      if (result.kind === 'found') return { point: result.match.point, label: result.match.label, source: 'pdok' };
      if (result.kind === 'not_found') throw notFound('ADDRESS_NOT_FOUND', `PDOK knows no address ${text}.`);
      this.options.onFallback?.(result.reason, text);
    }
    const match = this.options.table.lookup(address);
    if (!match) {
      throw notFound('ADDRESS_NOT_FOUND', `${text} is not in the offline postcode table${this.options.pdokUrl ? ' and PDOK could not be reached' : ''}; send coordinates instead.`);
    }
    return { point: match.point, label: match.label || text, source: `table:${match.precision}` };
  }
}
