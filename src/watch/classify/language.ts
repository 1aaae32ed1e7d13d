import type { Token } from '#watch/enrich/tokenize.ts';
import type { StemLanguage } from '#watch/enrich/stem.ts';

/*
 * Function words that tell Dutch from English in a short post. Words shared by both languages
 * ("is", "in", "we", "op") are left out: they would vote for both.
 */
const DUTCH = new Set(
  'de het een en niet bij van ik je jij we wij wat er zijn naar dat die met voor hier nu maar ook nog wel geen mijn zo al echt heel weer hoe waar waarom iemand iets mensen ze zij hij deze dit daar komt gaat heb hebben wordt worden kan kun moet moeten zit staat ligt om uit tot wordt jullie ons onze nou toch even gewoon eens nee ja zijn'.split(' '),
);
const ENGLISH = new Set(
  'the a and of to at on i you what there are with for here now but also still my so just really very this it its was were be been have has do does not no yes someone people they he she these that where why how anyone get got can should would could from out up'.split(' '),
);

/**
 * A quick guess between Dutch and English from function words, used only when the post carries
 * no language (SPEC W3's detector fills it in the pipeline). Ties go to Dutch, the language of
 * the organisations this serves.
 */
export function guessLanguage(tokens: readonly Token[]): StemLanguage {
  let score = 0;
  for (const t of tokens) if (t.kind === 'word') score += languageVote(t.norm);
  return score >= 0 ? 'nl' : 'en';
}

/** +1 for a Dutch function word, −1 for an English one, 0 otherwise. */
export function languageVote(norm: string): number {
  return DUTCH.has(norm) ? 1 : ENGLISH.has(norm) ? -1 : 0;
}

/** Maps a language tag ("nl", "nl-NL", "en-GB") to a stemmer language, or null for anything else. */
export function stemLanguageOf(tag: string | null | undefined): StemLanguage | null {
  if (!tag || tag.length < 2) return null;
  // Compared by character code, case-insensitively: this runs for every post classified.
  const a = tag.charCodeAt(0) | 0x20;
  const b = tag.charCodeAt(1) | 0x20;
  if (a === 0x6e && b === 0x6c) return 'nl';
  if (a === 0x65 && b === 0x6e) return 'en';
  return null;
}
