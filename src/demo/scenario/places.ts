import type { GeoPoint } from './types.ts';

/**
 * Real places in Utrecht where the festival evening happens, with the ways people actually
 * write them (lower case, abbreviations, with and without article), so that place extraction
 * has realistic variants to resolve.
 */
export interface Place extends GeoPoint {
  name: string;
  /** How people write the place in a post; the first is the proper name. */
  variants: readonly string[];
}

function place(name: string, lat: number, lon: number, variants: readonly string[]): Place {
  return { name, lat, lon, variants: [name, ...variants] };
}

export const PLACES = {
  vredenburg: place('Vredenburg', 52.0927, 5.1158, ['vredenburg', 'het vredenburg', 'vredenburgplein', 'het Vredenburgplein']),
  tivoli: place('TivoliVredenburg', 52.0929, 5.1137, ['tivoli', 'Tivoli', 'tivolivredenburg']),
  neude: place('Neude', 52.0931, 5.1196, ['neude', 'de neude', 'de Neude']),
  catharijnesingel: place('Catharijnesingel', 52.0906, 5.1147, ['catharijnesingel', 'de singel', 'singel', 'de Catharijnesingel']),
  smakkelaarsveld: place('Smakkelaarsveld', 52.0912, 5.1121, ['smakkelaarsveld', 'het smakkelaarsveld', 'smakkelaars']),
  jaarbeursplein: place('Jaarbeursplein', 52.0888, 5.1078, ['jaarbeursplein', 'het jaarbeursplein', 'jaarbeurs', 'de Jaarbeurs']),
  centraal: place('Utrecht Centraal', 52.0894, 5.1101, ['cs', 'CS', 'centraal', 'utrecht cs', 'Utrecht CS', 'het station', 'utrecht centraal']),
  hoogCatharijne: place('Hoog Catharijne', 52.0904, 5.1124, ['hoog cat', 'HC', 'hc', 'hoog catharijne']),
  oudegracht: place('Oudegracht', 52.0915, 5.1199, ['oudegracht', 'de oudegracht', 'de gracht', 'ouwe gracht']),
  bakkerbrug: place('Bakkerbrug', 52.0921, 5.1193, ['bakkerbrug', 'de bakkerbrug']),
  lijnmarkt: place('Lijnmarkt', 52.0922, 5.1185, ['lijnmarkt', 'de lijnmarkt']),
  janskerkhof: place('Janskerkhof', 52.0935, 5.1227, ['janskerkhof', 'het janskerkhof']),
  domplein: place('Domplein', 52.0907, 5.1214, ['domplein', 'het domplein', 'de dom', 'bij de dom']),
  langeViestraat: place('Lange Viestraat', 52.0934, 5.1170, ['lange viestraat', 'de lange viestraat']),
  mariaplaats: place('Mariaplaats', 52.0897, 5.1173, ['mariaplaats']),
  lombok: place('Lombok', 52.0921, 5.1005, ['lombok']),
  wittevrouwen: place('Wittevrouwen', 52.0962, 5.1318, ['wittevrouwen']),
  biltstraat: place('Biltstraat', 52.0950, 5.1290, ['biltstraat', 'de biltstraat']),
  overvecht: place('Overvecht', 52.1160, 5.1110, ['overvecht']),
  kanaleneiland: place('Kanaleneiland', 52.0740, 5.0960, ['kanaleneiland']),
  leidscheRijn: place('Leidsche Rijn', 52.0950, 5.0500, ['leidsche rijn']),
  zuilen: place('Zuilen', 52.1080, 5.0980, ['zuilen']),
  tuinwijk: place('Tuinwijk', 52.1015, 5.1245, ['tuinwijk']),
  oostbroek: place('Oost', 52.0870, 5.1400, ['oost', 'utrecht oost']),
} as const;

export type PlaceKey = keyof typeof PLACES;

/** Where festival-goers are when they post chatter; the grounds and the streets around them. */
export const FESTIVAL_PLACES: readonly PlaceKey[] = [
  'vredenburg',
  'vredenburg',
  'neude',
  'neude',
  'catharijnesingel',
  'jaarbeursplein',
  'janskerkhof',
  'oudegracht',
  'domplein',
  'lijnmarkt',
  'mariaplaats',
  'smakkelaarsveld',
  'hoogCatharijne',
];

/** Neighbourhoods people live in and post from when they are not at the festival. */
export const HOME_PLACES: readonly PlaceKey[] = ['lombok', 'wittevrouwen', 'overvecht', 'kanaleneiland', 'leidscheRijn', 'zuilen', 'tuinwijk', 'oostbroek'];

/**
 * A point near a place, as a phone's GPS would report it: within about 70 m, rounded to five
 * decimals (about a metre), which is what clients send.
 */
export function jitter(point: GeoPoint, next: () => number, metres = 70): GeoPoint {
  const dLat = ((next() * 2 - 1) * metres) / 111_320;
  const dLon = ((next() * 2 - 1) * metres) / (111_320 * Math.cos((point.lat * Math.PI) / 180));
  return { lat: round5(point.lat + dLat), lon: round5(point.lon + dLon) };
}

function round5(value: number): number {
  return Math.round(value * 100_000) / 100_000;
}
