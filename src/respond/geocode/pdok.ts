import { z } from 'zod';
import type { LonLat } from '../geo.ts';
import type { DutchAddress } from './postcode.ts';

/**
 * PDOK Locatieserver (v3.1), the government's free geocoder over the BAG address register:
 * `GET {base}/free?q=postcode:3511AB and huisnummer:1&fq=type:adres` answers Solr-style JSON,
 * `{ response: { numFound, start, maxScore, numFoundExact, docs: [ { type, weergavenaam,
 * postcode, huisnummer, huisletter?, huisnummertoevoeging?, centroide_ll: "POINT(lon lat)",
 * centroide_rd, … } ] } }` (github.com/PDOK/locatieserver wiki; the OpenAPI UI at
 * api.pdok.nl/bzk/locatieserver/search/v3_1/ui/).
 */
export const PDOK_DEFAULT_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

export interface PdokMatch {
  point: LonLat;
  label: string;
  postcode: string | null;
  houseNumber: number | null;
  houseLetter: string | null;
  addition: string | null;
}

const POINT = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)\s*$/i;

/** "POINT(5.07000962 52.0266669)" → { lon, lat }, or null for anything else (including out-of-range values). */
export function parseWktPoint(text: string): LonLat | null {
  const match = POINT.exec(text);
  if (!match) return null;
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
  return { lon, lat };
}

const docSchema = z.looseObject({
  type: z.string().optional(),
  weergavenaam: z.string().optional(),
  postcode: z.string().optional(),
  huisnummer: z.union([z.number(), z.string()]).optional(),
  huisletter: z.string().optional(),
  huisnummertoevoeging: z.string().optional(),
  centroide_ll: z.string().optional(),
});

const responseSchema = z.looseObject({ response: z.looseObject({ numFound: z.number().optional(), docs: z.array(z.unknown()) }) });

/**
 * The documents of a Locatieserver answer that carry a usable point, in PDOK's order (by score).
 * Never throws: malformed documents are skipped, a malformed answer gives [].
 */
export function parsePdokResponse(body: unknown): PdokMatch[] {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) return [];
  const matches: PdokMatch[] = [];
  for (const raw of parsed.data.response.docs) {
    const doc = docSchema.safeParse(raw);
    if (!doc.success || doc.data.centroide_ll === undefined) continue;
    const point = parseWktPoint(doc.data.centroide_ll);
    if (!point) continue;
    const house = doc.data.huisnummer === undefined ? null : Number(doc.data.huisnummer);
    matches.push({
      point,
      label: doc.data.weergavenaam ?? `${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}`,
      postcode: doc.data.postcode ?? null,
      houseNumber: house !== null && Number.isInteger(house) ? house : null,
      houseLetter: doc.data.huisletter || null,
      addition: doc.data.huisnummertoevoeging || null,
    });
  }
  return matches;
}

/** The `free` query URL for an address. */
export function pdokAddressUrl(base: string, address: DutchAddress): string {
  const url = new URL(`${base.replace(/\/$/, '')}/free`);
  url.searchParams.set('q', `postcode:${address.postcode} and huisnummer:${address.houseNumber}`);
  url.searchParams.set('fq', 'type:adres');
  url.searchParams.set('rows', '20');
  return url.toString();
}

/** The document for exactly this address (letter and addition included), else the bare number. */
export function pickAddress(matches: readonly PdokMatch[], address: DutchAddress): PdokMatch | null {
  const same = matches.filter((m) => (m.postcode === null || m.postcode === address.postcode) && (m.houseNumber === null || m.houseNumber === address.houseNumber));
  const norm = (v: string | null) => (v ?? '').toUpperCase();
  return (
    same.find((m) => norm(m.houseLetter) === norm(address.houseLetter) && norm(m.addition) === norm(address.addition)) ??
    same.find((m) => m.houseLetter === null && m.addition === null) ??
    same[0] ??
    null
  );
}

export type PdokResult = { kind: 'found'; match: PdokMatch } | { kind: 'not_found' } | { kind: 'unavailable'; reason: string };

/** One look-up against a Locatieserver at `base`, with a timeout; never throws. */
export async function pdokLookup(base: string, address: DutchAddress, timeoutMs = 3000): Promise<PdokResult> {
  try {
    const response = await fetch(pdokAddressUrl(base, address), { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) return { kind: 'unavailable', reason: `HTTP ${response.status}` };
    const match = pickAddress(parsePdokResponse(await response.json()), address);
    return match ? { kind: 'found', match } : { kind: 'not_found' };
  } catch (error) {
    return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}
