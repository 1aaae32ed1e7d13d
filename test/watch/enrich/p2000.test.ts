import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { p2000Urgency } from '#watch/enrich/p2000.ts';

describe('P2000 urgency codes', () => {
  it('reads the code of ambulance and fire-brigade pager messages as relays show them', () => {
    expect(p2000Urgency('A1 AMBU 09-124 Croeselaan 3521 Utrecht bon 68198')).toBe('A1');
    expect(p2000Urgency('A1 (DIA: ja) AMBU 09-107 Reanimatie Neude 3512AE Utrecht bon 61234')).toBe('A1');
    expect(p2000Urgency('A0 AMBU 17-102 Reanimatie Kerkstraat Gouda')).toBe('A1');
    expect(p2000Urgency('A2 AMBU 09-106 Ongeval wegvervoer Oudenoord 3513 Utrecht bon 65432')).toBe('A2');
    expect(p2000Urgency('A2 13-142 Rit 34567 Stationsweg Leiden')).toBe('A2');
    expect(p2000Urgency('B1 AMBU 09-119 Besteld vervoer Weerdsingel 3513 Utrecht bon 67042')).toBe('B');
    expect(p2000Urgency('B2 AMBU 05-701 Besteld vervoer Kerkstraat 7411 Deventer bon 12345')).toBe('B');
    expect(p2000Urgency('P 1 BDH-01 Buitenbrand (foodtruck) Jaarbeursplein 3521 Utrecht 091931')).toBe('P1');
    expect(p2000Urgency('P 2 BDH-06 Dienstverlening (liftopsluiting) Weerdsingel 3513 Utrecht 091932')).toBe('P2');
    expect(p2000Urgency('P 3 BDH-02 Nacontrole brand Kerkstraat Zwolle 151234')).toBe('P3');
    expect(p2000Urgency('PRIO 1 BR woning (Rookmelder) Dorpsstraat Ede')).toBe('P1');
    expect(p2000Urgency('P1 Gebouwbrand Kerkstraat Haarlem 121314')).toBe('P1');
    expect(p2000Urgency('Prio 2 Ass. Ambulance Stationsweg Leiden')).toBe('P2');
  });

  it('does not take posts that merely start with such letters for pager messages', () => {
    for (const text of [
      'A2 staat weer eens vast bij Utrecht',
      'A1 kwaliteit dit concert',
      'B1-niveau Nederlands gehaald!',
      'P 2 gaat vanavond niet door',
      'Prio 1 is veiligheid, zegt de burgemeester',
      'Politie bij de Neude',
      'AMBU A1 09-124',
      'a1 ambu 09-124 croeselaan',
      '',
    ]) expect(p2000Urgency(text), text).toBeNull();
  });

  it('never throws, reads only the head of the text, and answers only for texts that start with A, B or P (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('A1 AMBU 09-1', 'P 1 BDH-0', 'B2 ', 'PRIO 3 ').chain((head) => fc.string({ maxLength: 120 }).map((rest) => head + rest))), (text) => {
        const code = p2000Urgency(text);
        if (code !== null) expect('ABP').toContain(text[0]);
        expect(p2000Urgency(text.slice(0, 80))).toBe(code);
      }),
    );
  });
});
