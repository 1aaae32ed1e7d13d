import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Gazetteer, NEEDS_CUE, type PlaceMatch } from '#watch/enrich/gazetteer.ts';
import { outlineCentroid, outlineContains } from '#watch/enrich/gazetteer-geometry.ts';
import { tokenize } from '#watch/enrich/tokenize.ts';
import { PLACES } from '#demo/scenario/places.ts';
import { scenarioLines } from './support/scenario.ts';

const gazetteer = Gazetteer.load();
const names = (text: string): string[] => gazetteer.match(tokenize(text), text).map((m) => m.name);
const first = (text: string): PlaceMatch | undefined => gazetteer.match(tokenize(text), text)[0];

describe('Gazetteer', () => {
  it('holds every municipality of 2023 and the railway stations', () => {
    expect(gazetteer.size).toBeGreaterThanOrEqual(343 + 400);
    expect(first('brand in Súdwest-Fryslân')).toMatchObject({ name: 'Súdwest-Fryslân', kind: 'municipality', municipalityCode: 'GM1900' });
    expect(first('storing bij Amsterdam Sloterdijk')).toMatchObject({ kind: 'station', municipalityCode: 'GM0363' });
  });

  it('matches multi-word names case- and diacritics-insensitively, longest first', () => {
    expect(names('file bij bergen op zoom')).toEqual(['Bergen op Zoom']);
    expect(names('trein naar Den Bosch valt uit')).toEqual(["'s-Hertogenbosch"]);
    expect(names("in 's-Hertogenbosch")).toEqual(["'s-Hertogenbosch"]);
    expect(names('sudwest-fryslan')).toEqual(['Súdwest-Fryslân']);
  });

  it('knows station aliases and keeps a town name for the town', () => {
    expect(names('storing Utrecht CS en Amsterdam Centraal')).toEqual(['Utrecht Centraal', 'Amsterdam Centraal']);
    expect(first('station Gouda is dicht')).toMatchObject({ name: 'Gouda', kind: 'station' });
    expect(first('weer file in Gouda')).toMatchObject({ name: 'Gouda', kind: 'municipality' });
  });

  it('needs a cue or a capital inside a sentence for names that are common words', () => {
    expect(names('Best dag ooit')).toEqual([]);
    expect(names('dit is de best georganiseerde avond')).toEqual([]);
    expect(names('ik woon in Best')).toEqual(['Best']);
    expect(names('naar hoorn')).toEqual(['Hoorn']);
    expect(names('gisteren was Hoorn mooi')).toEqual(['Hoorn']);
    expect(names('HOORN')).toEqual([]);
    expect(names('dom gedoe')).toEqual([]);
  });

  it('scores more specific places higher', () => {
    const station = first('Utrecht Centraal')!;
    const municipality = first('Utrecht')!;
    expect(station.score).toBeGreaterThan(municipality.score);
    expect(first('op het Vredenburg')!.score).toBeGreaterThan(station.score);
  });

  it('reads area codes as a city only in a hashtag or after a cue', () => {
    expect(names('op het Vredenburg #030')).toEqual(['Vredenburg', 'Utrecht']);
    expect(names('bel 030 1234567')).toEqual([]);
  });

  it('finds the festival venues of the scenario as the scenario writes them', () => {
    for (const place of Object.values(PLACES)) {
      const expected = place.name === 'Oost' ? 'Utrecht Oost' : place.name;
      const written = place.name === 'Oost' ? 'utrecht oost' : place.variants[0]!;
      expect(names(`we staan bij ${written}`), written).toEqual([expected]);
    }
    // Of the scenario lines that name a venue in its proper spelling, nearly all are found.
    const venues = Object.values(PLACES).filter((p) => p.name.length > 5 && p.name !== 'Utrecht Centraal');
    let named = 0;
    let found = 0;
    for (const line of scenarioLines()) {
      const venue = venues.find((v) => new RegExp(`\\b${v.name}\\b`, 'i').test(line.text));
      if (venue === undefined) continue;
      named++;
      if (names(line.text).includes(venue.name)) found++;
    }
    expect(named).toBeGreaterThan(300);
    expect(found / named).toBeGreaterThanOrEqual(0.98);
  });

  it('matches a multi-word name only over adjacent words, not across an emoji, url or hashtag', () => {
    expect(names('file bij bergen 🚗 op zoom')).not.toContain('Bergen op Zoom');
    expect(names('file bij bergen #op zoom')).not.toContain('Bergen op Zoom');
    expect(names('file bij Bergen-op-Zoom')).toEqual(['Bergen op Zoom']);
  });

  it('reads a line break or a full stop as a sentence start for common-word names', () => {
    expect(names('mooi weer.\nHoorn is druk')).toEqual([]);
    expect(names('mooi weer. Hoorn is druk')).toEqual([]);
    expect(names('mooi weer en Hoorn is druk')).toEqual(['Hoorn']);
  });

  it('loads areas from files given at run time', () => {
    const g = Gazetteer.fromFiles([{ places: [['Markt', 'street', 51.5, 5.1, null]], aliases: [['markt', 0, NEEDS_CUE]] }]);
    expect(g.match(tokenize('op de markt'))[0]).toMatchObject({ name: 'Markt', text: 'markt' });
    expect(g.match(tokenize('markt vol'))).toEqual([]);
  });

  it('never throws and gives matches inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        for (const m of gazetteer.match(tokenize(text), text)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('outline geometry', () => {
  const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
  const holed = { type: 'Polygon' as const, coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] };

  it('finds the area-weighted centroid, with holes taken out whatever their winding', () => {
    expect(outlineCentroid(square)).toEqual({ lon: 1, lat: 1 });
    const c = outlineCentroid(holed);
    expect(c.lon).toBeCloseTo(14 / 6, 10);
    expect(c.lat).toBeCloseTo(14 / 6, 10);
  });

  it('tells inside from outside and from holes', () => {
    expect(outlineContains(square, 1, 1)).toBe(true);
    expect(outlineContains(square, 3, 1)).toBe(false);
    expect(outlineContains(holed, 1, 1)).toBe(false);
    expect(outlineContains(holed, 3, 3)).toBe(true);
    expect(outlineContains({ type: 'MultiPolygon', coordinates: [square.coordinates, [[[5, 5], [6, 5], [6, 6], [5, 5]]]] }, 5.2, 5.8)).toBe(true);
  });
});
