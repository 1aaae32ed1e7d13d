import type { Bank } from './bank.ts';

/*
 * Dutch P2000 pager messages, as public relays show them (see src/watch/enrich/p2000.ts): the
 * urgency code first, then the unit, the kind of call, the street, postcode, town and a ride or
 * capcode number. Machine-written, so they get no noise. Planned patient transport (`B1`, `B2`)
 * and exercises are not incidents (`none`); otherwise the urgency sets the priority, and
 * resuscitation or people in danger make it critical (docs/taxonomy.md, "P2000"). Streets are
 * generic ones, none of the demo scenario's.
 */
const AMBU = 'AMBU $pager_unit';
const WHERE = '$pager_street $pager_pc $city';
const BON = 'bon $pager_bon';
const BDH = 'BDH-0{1|2|3|4|5|6|7|8}';
const CAPCODE = '$pager_capcode';

function bank(label: Bank['label'], priority: Bank['priority'], count: number, templates: string[]): Bank {
  return { label, language: 'nl', priority, count, emoji: [], hashtags: [], machine: true, templates };
}

export const NL_P2000: Bank[] = [
  bank('medical', 'high', 48, [
    `!c A1 (DIA: ja) ${AMBU} Reanimatie ${WHERE} ${BON}`,
    `!c A1 ${AMBU} {Reanimatie|Niet ademen|Verdrinking} ${WHERE} ${BON}`,
    `A1 ${AMBU} ${WHERE} ${BON}`,
    `A1 ${AMBU} $pager_street $city ${BON}`,
    `A1 ${AMBU} {Letsel|Wond|Snijwond|Bloeding} ${WHERE} ${BON}`,
    `A1 ${AMBU} {Val|Onwel|Benauwdheid|Pijn op de borst|Bewusteloos|Wegraking|Val van hoogte} ${WHERE} ${BON}`,
    `!m A2 ${AMBU} ${WHERE} ${BON}`,
    `!m A2 ${AMBU} {Val|Onwel|Wond|Buikpijn|Koorts} ${WHERE} ${BON}`,
    `A1 $pager_unit Rit $pager_bon $pager_street $city`,
    `!m A2 $pager_unit Rit $pager_bon $pager_street $city`,
  ]),
  bank('none', null, 30, [
    `B1 ${AMBU} Besteld vervoer ${WHERE} ${BON}`,
    `B2 ${AMBU} Besteld vervoer ${WHERE} ${BON}`,
    `B1 ${AMBU} {Overplaatsing|Ontslag ziekenhuis|Vervoer naar ziekenhuis|Poliklinisch vervoer} $city ${BON}`,
    `B2 $pager_unit Rit $pager_bon {Ziekenhuis|Verpleeghuis|Revalidatiecentrum} $city`,
    `P 3 ${BDH} {Oefening|Test|Proefalarm} $city ${CAPCODE}`,
  ]),
  bank('fire', 'medium', 36, [
    `!h P 1 ${BDH} {Brand woning|Gebouwbrand|Brand bedrijfspand|Brand winkel|Woningbrand|Brand schuur} ${WHERE} ${CAPCODE}`,
    `!c P 1 ${BDH} {Brand woning (persoon in woning)|Gebouwbrand (personen in gevaar)|Uitslaande brand|Brand flat (meerdere verdiepingen)} $pager_street $city ${CAPCODE}`,
    `P 1 ${BDH} {Brandgerucht binnen|Brandgerucht|Brandmelding} ${WHERE} ${CAPCODE}`,
    `!h P 1 ${BDH} {Rookontwikkeling|Rook uit dak|Rookontwikkeling woning} ${WHERE} ${CAPCODE}`,
    `!h P 1 ${BDH} {Autobrand|Voertuigbrand|Brand bestelbus} $pager_street $city ${CAPCODE}`,
    `!l P 2 ${BDH} {Buitenbrand (container)|Buitenbrand (afval)|Bermbrand|Buitenbrand (prullenbak)|Buitenbrand (struiken)} ${WHERE} ${CAPCODE}`,
    `PRIO 1 {BR woning (Rookmelder)|OMS (automatische melding)|BR gebouw (Rookmelder)} $pager_street $city`,
    `!l P 3 ${BDH} Nacontrole {brand|woning} $pager_street $city ${CAPCODE}`,
  ]),
  bank('call_for_help', 'low', 22, [
    `P 2 ${BDH} Dienstverlening (liftopsluiting) ${WHERE} ${CAPCODE}`,
    `P 2 ${BDH} {Dienstverlening (dier in problemen)|Dienstverlening (dier te water)|Dienstverlening (deur openen)} $pager_street $city ${CAPCODE}`,
    `P 2 ${BDH} Assistentie {ambulance|politie} (tillen) ${WHERE} ${CAPCODE}`,
    `P 3 ${BDH} Dienstverlening {(afhijsen)|(persoon in woning)|(kat in boom)} $pager_street $city ${CAPCODE}`,
    `Prio 2 Ass. {Ambulance|Politie} $pager_street $city`,
  ]),
  bank('traffic_transport', 'medium', 24, [
    `A2 ${AMBU} Ongeval wegvervoer ${WHERE} ${BON}`,
    `!h A1 ${AMBU} Ongeval wegvervoer {letsel|motor|fietser|voetganger} ${WHERE} ${BON}`,
    `!h P 1 ${BDH} Ongeval wegvervoer {(letsel)|(beknelling)|(voertuig te water)} $pager_street $city ${CAPCODE}`,
    `!l P 2 ${BDH} Ongeval wegvervoer (materieel) $pager_street $city ${CAPCODE}`,
    `A2 ${AMBU} Ongeval {fiets|scooter|eenzijdig} ${WHERE} ${BON}`,
  ]),
  bank('weather', 'medium', 14, [
    `P 2 ${BDH} Stormschade {(boom op weg)|(dakdelen)|(losse bouwdelen)|(steiger)} $pager_street $city ${CAPCODE}`,
    `!l P 3 ${BDH} {Wateroverlast (kelder)|Stormschade (boom)|Wateroverlast (straat)} $pager_street $city ${CAPCODE}`,
    `!h P 1 ${BDH} Stormschade {(boom op auto)|(boom op woning)|(dak eraf)} $pager_street $city ${CAPCODE}`,
  ]),
  bank('infrastructure_outage', 'high', 14, [
    `P 1 ${BDH} Gaslekkage {buiten|binnen|(gasleiding geraakt)} ${WHERE} ${CAPCODE}`,
    `!m P 2 ${BDH} {Gaslekkage (gaslucht)|Waterleiding gesprongen|Wateroverlast (leiding)} $pager_street $city ${CAPCODE}`,
    `P 1 ${BDH} {Gaslekkage (woning ontruimd)|Stroomstoring (persoon vast)} $pager_street $city ${CAPCODE}`,
  ]),
];
