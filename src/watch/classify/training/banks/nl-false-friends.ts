import type { Bank } from './bank.ts';

/*
 * Dutch posts whose words look like a hazard's but are not one: "branden" is also what a lamp or
 * a candle does and what the sun and your eyes do, so "de lantaarnpaal brandt niet" is a dark
 * street, not a fire. A dark street or a broken street light is a municipal report about public
 * lighting (low); the rest is not about safety. Appended after the other banks, like the P2000
 * banks, so that every earlier post stays as it was.
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
];
