import type { Role } from './dispatch.ts';

export type Language = 'nl' | 'en';

/** The two alert texts of SPEC R2 (HartslagNu's messages A and B), in Dutch and English. */
const templates = {
  nl: {
    direct: 'Reanimatie-oproep: ga naar het slachtoffer op {victim} en start de reanimatie.',
    via_aed: 'Reanimatie-oproep: haal de AED op bij {aed} en ga dan naar {victim}.',
    stoodDown: 'De oproep voor {victim} is ingetrokken: u hoeft niet (meer) te gaan. Dank u wel.',
  },
  en: {
    direct: 'Cardiac arrest alert: go to the victim at {victim} and start CPR.',
    via_aed: 'Cardiac arrest alert: fetch the AED at {aed}, then go to {victim}.',
    stoodDown: 'The alert for {victim} has been withdrawn: you do not need to go. Thank you.',
  },
} as const satisfies Record<Language, Record<Role | 'stoodDown', string>>;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? '');
}

/** The alert text for a role: "go to the victim and start CPR" or "fetch the AED at … then go to …". */
export function alertMessage(language: Language, role: Role, victim: string, aed: string | null): string {
  return fill(templates[language][role === 'via_aed' && aed !== null ? 'via_aed' : 'direct'], { victim, aed: aed ?? '' });
}

/** Both languages at once (events carry both; the channel picks the volunteer's). */
export function alertMessages(role: Role, victim: string, aed: string | null): Record<Language, string> {
  return { nl: alertMessage('nl', role, victim, aed), en: alertMessage('en', role, victim, aed) };
}

export function standDownMessages(victim: string): Record<Language, string> {
  return { nl: fill(templates.nl.stoodDown, { victim }), en: fill(templates.en.stoodDown, { victim }) };
}

/** CPR instructions shown in the responder app after accepting (Dutch Resuscitation Council order of steps). */
export const CPR_STEPS: Record<Language, readonly string[]> = {
  nl: [
    'Controleer of het veilig is en spreek het slachtoffer aan.',
    'Reageert het slachtoffer niet en ademt het niet normaal: 112 is al gebeld, begin direct.',
    'Leg het slachtoffer op de rug op een harde ondergrond.',
    'Druk 30 keer midden op de borst, 5 tot 6 cm diep, 100 tot 120 keer per minuut.',
    'Geef 2 keer beademing als u dat kunt; anders alleen borstcompressies.',
    'Is er een AED: zet hem aan en volg de gesproken aanwijzingen. Ga door tot de ambulance het overneemt.',
  ],
  en: [
    'Check that it is safe and talk to the victim.',
    'If the victim does not respond and does not breathe normally: 112 has been called, start at once.',
    'Lay the victim on their back on a firm surface.',
    'Push 30 times in the middle of the chest, 5 to 6 cm deep, 100 to 120 times a minute.',
    'Give 2 rescue breaths if you can; otherwise chest compressions only.',
    'When an AED arrives: switch it on and follow its spoken instructions. Go on until the ambulance takes over.',
  ],
};
