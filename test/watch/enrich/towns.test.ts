import { describe, expect, it } from 'vitest';
import { Gazetteer } from '#watch/enrich/gazetteer.ts';
import { tokenize } from '#watch/enrich/tokenize.ts';

const gazetteer = Gazetteer.load();
const places = (text: string) => gazetteer.match(tokenize(text), text).map((p) => `${p.kind}:${p.name}`);

describe('towns (GeoNames) in the gazetteer', () => {
  it('finds towns that are not municipalities', () => {
    expect(places('Ongeluk bij Maarssen, file richting Utrecht')).toContain('town:Maarssen');
    expect(places('Stroomstoring in Driebergen-Rijsenburg')).toEqual(expect.arrayContaining([expect.stringMatching(/Driebergen/)]));
  });

  it('does not take everyday words for hamlets of that name', () => {
    expect(places('er is brand bij de Dom, veel rook')).not.toContain('town:Brand');
    expect(places('dit is de best beveiligde plek ooit')).not.toContain('town:Best');
  });
});
