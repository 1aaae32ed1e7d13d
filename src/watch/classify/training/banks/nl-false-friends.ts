import type { Bank } from './bank.ts';

/*
 * Dutch posts whose words look like a hazard's but are not one: "branden" is also what a lamp or
 * a candle does and what the sun and your eyes do, so "de lantaarnpaal brandt niet" is a dark
 * street, not a fire. A dark street or a broken street light is a municipal report about public
 * lighting (low); the rest is not about safety. Appended after the other banks, like the P2000
 * banks, so that every earlier post stays as it was.
 *
 * The second `none` bank (seventh session) is the everyday figurative use of violence and
 * explosion words, each of which the model took for a high-priority incident: a phone or a group
 * chat that "explodeert"/"ontploft" with messages, the tax office's "aanslag" (an assessment),
 * photos "geschoten", a wasp that "stak", a cat that holds you "in gijzeling", "schiet op",
 * "bomvol", "dood van het lachen". NL_PRAISE below is praise in the words of danger: an audience
 * that "stond in brand" or "in vuur en vlam", a "knaller van een feest", "stormachtig applaus", a
 * band that played "het dak eraf", food that is "verdacht lekker".
 */
export const NL_FALSE_FRIENDS: Bank[] = [
  {
    label: 'infrastructure_outage',
    language: 'nl',
    priority: 'low',
    count: 14,
    emoji: ['💡', '🌑', '😕'],
    hashtags: ['#straatverlichting', '#gemeente'],
    templates: [
      '{de|De} {lantaarnpaal|straatlantaarn|lantaarn} {in mijn straat|bij ons voor de deur|op de hoek van $street} brandt al {een week|dagen|twee weken} niet',
      '{straatverlichting|Straatverlichting|De straatverlichting} {in|op} $street {doet het niet|brandt niet meer|is al dagen uit}, {pikkedonker hier|wie moet ik bellen?|gemeente weet het}',
      '{hele|Hele} {straat|stoep|fietspad} {donker|pikdonker}, {alle lantaarnpalen|de lampen} {branden|doen het} niet {meer|sinds gisteren}',
      '{melding gedaan|Gemeld bij de gemeente}: {lantaarnpaal|lamp} {kapot|brandt niet} {bij|op} $street',
    ],
  },
  {
    label: 'none',
    language: 'nl',
    priority: null,
    count: 18,
    emoji: ['🕯️', '☀️', '😎', '🥵', '❤️'],
    hashtags: ['#zomer', '#rip', '#zon'],
    templates: [
      '{een kaarsje|kaarsjes} {branden|aangestoken} voor {oma|opa|mijn vader|iedereen die er niet meer is} ❤️',
      '{de zon brandt|zon brandt echt} {vandaag|vanmiddag} {op het terras|op het strand|in de tuin}, {smeren mensen|insmeren!|lekker}',
      '{mijn ogen branden|ogen branden} {van het chloor|van de rook van de bbq|na een nacht doorhalen}',
      '{het licht|De lamp|De verlichting} in {de gang|de keuken|de woonkamer} brandt {de hele nacht|nog|weer}, {vergeten uit te doen|oeps}',
      '{brandend maagzuur|Brandend maagzuur} {na die shoarma|na het eten}, {nooit meer|pff}',
    ],
  },
  {
    label: 'none',
    language: 'nl',
    priority: null,
    count: 40,
    emoji: ['😂', '🙄', '📱', '😅', '🐝', '🐱'],
    hashtags: ['#festival', '#maandag', '#belastingdienst'],
    templates: [
      '{mijn telefoon|mn telefoon|De groepsapp|de familie-app} {explodeert|ontploft} {van de berichten|sinds die foto|want iedereen wil weten waar we staan}',
      '{de aanslag|De voorlopige aanslag|Een aanslag} van de belastingdienst {is binnen|viel vandaag op de mat|alweer}, {pff|daar gaat mijn vakantiegeld|aanslag op mijn portemonnee}',
      "{mooie|Prachtige|Zoveel} {foto's|plaatjes|beelden} {geschoten|gemaakt} {bij|op} {de main stage|het podium|$place}, {dank aan de fotograaf|wat een avond|moet je zien}",
      '{wesp|Een wesp|Die mug} {heeft me gestoken|stak me}, {au|mijn arm is helemaal dik|nu jeukt alles}',
      '{mijn kat|De kat|Onze hond} houdt me {in gijzeling|gegijzeld} op de bank, {kan niet opstaan|geen ontkomen aan}',
      '{schiet op|Schiet nou op|Opschieten}, {we missen de act|de trein gaat zo|het begint om $time}',
      '{het is hier|Het is} {bomvol|bommetje vol|propvol} {bij de bar|in het café|op het terras}, {gezellig|geen stoel meer vrij|maar wel sfeer}',
      '{ik ga dood|Ik lig dood} van het lachen {om die video|om mijn broertje|hierom} 😂',
      '{schiet mij maar lek|Geen idee}, {ik weet het ook niet|vraag het aan $name}',
      '{we hebben|Ik heb} {de kermis|het concert|de wedstrijd} {gesloopt|helemaal kapot gemaakt}, {wat een avond|nooit meer zo laat}',
      "{de fotograaf|onze fotograaf|We} {heeft|hebben} {honderden|een paar vette|prachtige} {foto's|plaatjes} geschoten {tijdens de show|van de optredens|bij $place}, {binnenkort online|kijk op de site|zo trots}",
      "{net|Vanavond} {een paar|wat} {foto's|kiekjes|filmpjes} geschoten {bij|van} {de zonsondergang|het podium|$place} 📸",
    ],
  },
];

/**
 * Praise in the words of danger (its own bank, appended after the English false friends so that
 * they stay as they were).
 */
export const NL_PRAISE: Bank[] = [
  {
    label: 'none',
    language: 'nl',
    priority: null,
    count: 30,
    emoji: ['🔥', '🙌', '🎶', '😍', '👏'],
    hashtags: ['#festival', '#concert', '#livemuziek'],
    templates: [
      '{het publiek|de zaal|het hele veld|iedereen} stond {echt|helemaal|gewoon} in brand {bij het laatste nummer|tijdens de toegift|vanavond|toen de DJ begon}',
      '{de zaal|het publiek|het hele plein} stond in vuur en vlam {bij de toegift|tijdens het optreden|vanavond}, {kippenvel|wat een sfeer|onvergetelijk}',
      '{wat een|Wat een|Echt een} knaller van {een feest|een avond|een optreden}, {volgend jaar weer|dank aan de organisatie|top}',
      '{stormachtig applaus|Stormachtig applaus|Een daverend applaus} voor {de band|de headliner|het koor|de dj}',
      '{ze hebben|De band heeft|Die gasten hebben} het dak eraf gespeeld {vanavond|in de grote tent|bij $place}',
      '{verdacht lekker|Verdacht goed|Verdacht lekker} {die friet hier|dat optreden|de koffie bij de kraam}, {aanrader|zeker doen|nog een keer}',
    ],
  },
];
