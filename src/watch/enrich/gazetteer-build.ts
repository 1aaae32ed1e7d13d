/**
 * Builds data/gazetteer/places.json and areas/utrecht-festival.json from the open sources
 * listed in data/SOURCES.md. Run after changing a source:
 *
 *   node --import tsx src/watch/enrich/gazetteer-build.ts <nl-gemeenten-2023.geojson> [data/gazetteer]
 *
 * Municipalities get the centroid of their outline; stations and towns keep their own
 * coordinates and get the code of the municipality whose outline contains them.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLACES } from '#demo/scenario/places.ts';
import { HASHTAG_OK, NEEDS_CUE, type GazetteerFile, type PlaceKind } from './gazetteer.ts';
import { outlineCentroid, outlineContains, type OutlineGeometry } from './gazetteer-geometry.ts';
import { MARKERS } from './language-lexicon.ts';
import { tokenize } from './tokenize.ts';

/**
 * Place names that are also everyday Dutch or English words; alone they need a cue or a capital
 * (the rule is in Gazetteer.match). Hand-made from the municipality, station and town lists.
 */
const COMMON_WORDS = new Set(
  `best son made goes lent grave thorn borne leek axel balk echt beek hoorn hulst sluis rijen kampen
   putten dalen haren bergen huizen houten duiven dieren brummen goor losser voorst doorn buren zetten
   gieten vries roden leiden weert horst heel stein oost west noord zuid centrum haven brug dam markt
   plein kerk molen veen heide zand nes eck aa ens`.split(/\s+/).filter(Boolean),
);

/** Telephone area codes used as city nicknames (#030, 010); matched as hashtags or after a cue. */
const AREA_CODES: Record<string, string> = {
  '010': 'Rotterdam', '020': 'Amsterdam', '030': 'Utrecht', '040': 'Eindhoven', '050': 'Groningen', '070': "'s-Gravenhage",
  '013': 'Tilburg', '024': 'Nijmegen', '026': 'Arnhem', '043': 'Maastricht', '073': "'s-Hertogenbosch", '076': 'Breda',
};

/** Other names people use for municipalities. */
const MUNICIPALITY_ALIASES: Record<string, string[]> = {
  "'s-Gravenhage": ['Den Haag', 'The Hague'],
  "'s-Hertogenbosch": ['Den Bosch', 's-Hertogenbosch', 'Hertogenbosch'],
  Amsterdam: ["A'dam", 'Mokum'],
  Rotterdam: ["R'dam"],
  'Nuenen, Gerwen en Nederwetten': ['Nuenen'],
  'Súdwest-Fryslân': ['Sudwest Fryslan', 'Zuidwest-Friesland'],
  'Noardeast-Fryslân': ['Noordoost-Friesland'],
};

interface Feature {
  properties: { gemeentecode: string; gemeentenaam: string };
  geometry: OutlineGeometry;
}

type Row = GazetteerFile['places'][number];

class FileBuilder {
  readonly file: GazetteerFile = { places: [], aliases: [] };
  private readonly seen = new Set<string>();

  place(name: string, kind: PlaceKind, lat: number, lon: number, code: string | null): number {
    this.file.places.push([name, kind, round(lat), round(lon), code] satisfies Row);
    return this.file.places.length - 1;
  }

  alias(alias: string, index: number, flags = 0): void {
    const key = `${normKey(alias)}|${index}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.file.aliases.push([alias, index, flags | commonWordFlag(alias)]);
  }
}

function round(value: number): number {
  return Math.round(value * 100_000) / 100_000;
}

function normKey(name: string): string {
  return tokenize(name)
    .filter((t) => t.kind === 'word' || t.kind === 'number')
    .flatMap((t) => t.norm.split('-'))
    .join(' ');
}

function commonWordFlag(alias: string): number {
  const key = normKey(alias);
  if (key.includes(' ')) return 0;
  return COMMON_WORDS.has(key) || MARKERS.has(key) ? NEEDS_CUE : 0;
}

/** Reads a small CSV with a header line; fields may be double-quoted. */
export function readCsv(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => {
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
    const row: Record<string, string> = {};
    names.forEach((name, i) => {
      row[name] = (fields[i] ?? '').replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"');
    });
    return row;
  });
}

/** Builds the national file from the municipality outlines, the station list and (when present) the town list. */
export function buildNational(features: readonly Feature[], stationsCsv: string, townsCsv: string | null): GazetteerFile {
  const b = new FileBuilder();
  const municipalityOf = (lat: number, lon: number): string | null =>
    features.find((f) => outlineContains(f.geometry, lat, lon))?.properties.gemeentecode ?? null;
  const townKeys = new Set<string>();
  const municipalityIndex = new Map<string, number>();
  for (const f of features) {
    const { gemeentenaam: name, gemeentecode: code } = f.properties;
    const c = outlineCentroid(f.geometry);
    const index = b.place(name, 'municipality', c.lat, c.lon, code);
    municipalityIndex.set(name, index);
    b.alias(name, index);
    const plain = name.replace(/\s*\(.*\)$/, '');
    if (plain !== name) b.alias(plain, index);
    for (const alias of MUNICIPALITY_ALIASES[name] ?? []) b.alias(alias, index);
    b.alias(`gemeente ${plain}`, index);
    townKeys.add(normKey(plain));
  }
  for (const [code, name] of Object.entries(AREA_CODES)) {
    const index = municipalityIndex.get(name);
    if (index !== undefined) b.alias(code, index, NEEDS_CUE | HASHTAG_OK);
  }
  if (townsCsv !== null) {
    for (const row of readCsv(townsCsv)) {
      const lat = Number(row.lat);
      const lon = Number(row.lon);
      const code = municipalityOf(lat, lon);
      if (code === null) continue;
      // A town named like its municipality is the municipality (one place, not two).
      if (municipalityIndex.has(row.name!)) continue;
      const index = b.place(row.name!, 'town', lat, lon, code);
      // GeoNames lists hamlets whose names are everyday words ("Brand", "Best", "Lies"): a
      // one-word town name counts only with a cue (in/bij/naar/te…) or capitalised mid-sentence.
      b.alias(row.name!, index, normKey(row.name!).includes(' ') ? 0 : NEEDS_CUE);
      townKeys.add(normKey(row.name!));
    }
  }
  for (const row of readCsv(stationsCsv)) {
    const name = row.name!;
    const lat = Number(row.lat);
    const lon = Number(row.lon);
    const index = b.place(name, 'station', lat, lon, municipalityOf(lat, lon));
    const central = /^(.*) Centraal$/.exec(name)?.[1];
    const base = central ?? name;
    // A station named like its town ("Gouda") must not take the town's name; "station Gouda" is the station.
    if (!townKeys.has(normKey(name))) b.alias(name, index);
    for (const alias of [`station ${base}`, `${base} station`, `${base} CS`, `${base} Centraal`, `${base} Centraal Station`]) {
      if (central !== undefined || townKeys.has(normKey(name))) b.alias(alias, index);
    }
    if (central !== undefined) b.alias(`${central} C`, index);
  }
  return b.file;
}

/** Venues, streets and neighbourhoods of the demo scenario's festival area, with the ways people write them. */
export function buildScenarioArea(municipalityCode: string): GazetteerFile {
  const b = new FileBuilder();
  const streets = new Set(['Oudegracht', 'Catharijnesingel', 'Lange Viestraat', 'Biltstraat', 'Lijnmarkt', 'Bakkerbrug']);
  const neighbourhoods = new Set(['Lombok', 'Wittevrouwen', 'Overvecht', 'Kanaleneiland', 'Leidsche Rijn', 'Zuilen', 'Tuinwijk', 'Oost']);
  // Written in the scenario's posts but not among its place variants: the festival stage on the square.
  const extra: Record<string, string[]> = { Vredenburg: ['vredenburgpodium', 'vredenburg plein'] };
  for (const place of Object.values(PLACES)) {
    // The scenario's own names; "Oost" alone is a compass point, so the neighbourhood is "Utrecht Oost".
    const name = place.name === 'Oost' ? 'Utrecht Oost' : place.name;
    const kind: PlaceKind = streets.has(place.name) ? 'street' : neighbourhoods.has(place.name) ? 'town' : place.name === 'Utrecht Centraal' ? 'station' : 'venue';
    const index = b.place(name, kind, place.lat, place.lon, municipalityCode);
    b.alias(name, index);
    for (const alias of extra[place.name] ?? []) b.alias(alias, index);
    for (const variant of place.variants) {
      // Articles are matched around the name anyway; a bare common noun ("singel", "gracht",
      // "centraal", "cs") is local shorthand that needs a cue in this area.
      const stripped = variant.replace(/^(bij de|de|het)\s+/i, '');
      if (stripped.toLowerCase() === 'oost') continue;
      const bareNoun = ['singel', 'gracht', 'centraal', 'cs', 'station', 'dom', 'hc'].includes(stripped.toLowerCase());
      if (bareNoun) b.alias(variant.replace(/^bij\s+/i, ''), index, variant.includes(' ') ? 0 : NEEDS_CUE);
      else b.alias(stripped, index);
    }
  }
  return b.file;
}

function main(): void {
  const [geojsonPath, outDir = 'data/gazetteer'] = process.argv.slice(2);
  if (geojsonPath === undefined) throw new Error('usage: gazetteer-build.ts <nl-gemeenten-2023.geojson> [outDir]');
  const features = (JSON.parse(readFileSync(geojsonPath, 'utf8')) as { features: Feature[] }).features;
  const sources = join(outDir, 'sources');
  const stations = readFileSync(join(sources, 'stations-nl-2017-01.csv'), 'utf8');
  const townsPath = join(sources, 'towns-nl.csv');
  const towns = existsSync(townsPath) ? readFileSync(townsPath, 'utf8') : null;
  const national = buildNational(features, stations, towns);
  mkdirSync(join(outDir, 'areas'), { recursive: true });
  writeFileSync(join(outDir, 'places.json'), serialise(national));
  const utrecht = features.find((f) => f.properties.gemeentenaam === 'Utrecht')!.properties.gemeentecode;
  writeFileSync(join(outDir, 'areas', 'utrecht-festival.json'), serialise(buildScenarioArea(utrecht)));
  const kinds = national.places.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p[1]]: (acc[p[1]] ?? 0) + 1 }), {});
  const unplaced = national.places.filter((p) => p[4] === null).map((p) => p[0]);
  process.stdout.write(`${JSON.stringify({ kinds, aliases: national.aliases.length, withoutMunicipality: unplaced })}\n`);
}

/** One place or alias per line: diffs stay readable and the file stays compact. */
function serialise(file: GazetteerFile): string {
  const places = file.places.map((p) => JSON.stringify(p)).join(',\n');
  const aliases = file.aliases.map((a) => JSON.stringify(a)).join(',\n');
  return `{"places":[\n${places}\n],\n"aliases":[\n${aliases}\n]}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
