/**
 * The urgency code of a P2000 pager message: the Dutch emergency services' alerting network,
 * relayed publicly (feeds, apps, webhooks) and read by every control room and local news desk.
 * Its messages are machine-written and start with the urgency:
 *
 * - ambulance: `A0`/`A1` (urgent, lights and siren), `A2` (urgent, within 30 minutes),
 *   `B1`/`B2` (planned patient transport: not an incident), then `AMBU`, a unit (`09-119`) or a
 *   ride number, e.g. "A1 (DIA: ja) AMBU 09-107 Reanimatie Neude 3512AE Utrecht bon 61234";
 * - fire brigade: `P 1`/`PRIO 1` (urgent, lights and siren), `P 2` (urgent, without), `P 3`
 *   (not urgent), then a unit code (`BDH-06`, `BRT`) or the kind of call, e.g.
 *   "P 2 BDH-06 Buitenbrand (container) Vondellaan 3521 Utrecht 091932".
 *
 * The code says more about priority than any word in the message ("Besteld vervoer" to a
 * hospital reads like an emergency to a word model), so the classifier gets it as a feature of
 * its own (docs/taxonomy.md, "P2000"). Only the head of the text is read, and a post has to look
 * like a pager message (the code and a unit, `AMBU` or a kind of call), so that "A2 staat vast"
 * (the motorway) or "B1-niveau" are not taken for one.
 */
export type P2000Urgency = 'A1' | 'A2' | 'B' | 'P1' | 'P2' | 'P3';

/** The first characters a message is looked at: the code, a unit and the kind of call. */
const HEAD = 80;

const AMBULANCE = /^(A0|A1|A2|B1|B2)(?:\s+\([^)]{0,24}\))?\s+(?:AMBU\b|\d{2}-\d{3}\b|Rit\s+\d)/;
const FIRE = /^(?:P\s?|PRIO\s?|Prio\s)([123])\s+(?:\([^)]{0,24}\)\s+)?(?:[A-Z]{2,4}-\d{2}\b|BRT\b|BR\b|.{0,40}?\b(?:[Bb]rand|[Bb]uitenbrand|[Gg]ebouwbrand|[Ww]oningbrand|Dienstverlening|Hulpverlening|Ongeval|OMS|Liftopsluiting|Nacontrole|Assistentie|Ass\.|Waterongeval|Stormschade|Gaslekkage|Rookmelder|Reanimatie))/;

/** The urgency of a P2000 message, or null when the text does not start like one. */
export function p2000Urgency(text: string): P2000Urgency | null {
  const first = text.charCodeAt(0);
  // A, B or P: nearly every post is turned away here.
  if (first !== 0x41 && first !== 0x42 && first !== 0x50) return null;
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  if (first !== 0x50) {
    const code = AMBULANCE.exec(head)?.[1];
    if (code === undefined) return null;
    return code === 'A2' ? 'A2' : code.startsWith('A') ? 'A1' : 'B';
  }
  const level = FIRE.exec(head)?.[1];
  return level === '1' ? 'P1' : level === '2' ? 'P2' : level === '3' ? 'P3' : null;
}
