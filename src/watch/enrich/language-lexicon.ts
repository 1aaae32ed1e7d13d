import { wordHash } from './tokenize.ts';
import { WordTable } from './word-table.ts';

/**
 * Marker words for the language prior (docs/decisions/0006-language-detection.md): frequent
 * function words, verbs and the slang of Dutch and English social-media posts that are rare in
 * the other language. Words both languages use ("is", "was", "in", "we", "so", "top", "omg",
 * "haha", "bro") are deliberately absent. Matched against token `norm` (lower case, folded).
 */
const DUTCH = `
de het een ik je jij jou jouw mijn mn m'n zijn zn z'n haar hun jullie wij ze zij hij mij ons onze
niet geen wel ook nog maar al dan als want dus toch even ff effe gewoon echt heel erg zeer nu hier
daar waar wat wie waarom hoe wanneer welke deze dit dat er en van op bij naar met voor uit om te
tot door tegen zonder ja nee nou joh hè hoor jaloers gezellig lekker mooi druk stampvol vet sws
wollah kaulo osso mattie broer jongens meiden iedereen iemand niemand alles niks niets veel weer
vanavond vandaag morgen gisteren straks zometeen ben bent heb hebt heeft hebben kan kun kunt kunnen
moet moeten ga gaat gaan kom komt komen sta staat staan zit zitten zie ziet zien weet weten zeg zegt
zeggen doe doet doen wil wilt willen wordt worden zou zouden mag mogen waren geweest gedaan klopt
precies inderdaad idd eindelijk helemaal nergens ergens overal iets wacht hoezo jeetje tis 't 'k
kheb ofzo enzo zeker misschien eigenlijk omdat terwijl zodat toen nadat alsof mensen politie
brandweer gemeente trein stroom storing uitgang ingang rij buurt straat brug plein binnenstad
vuurwerk regen onweer gewond aangehouden gezocht kwijt vermist helpen hulp bedankt dank dankjewel
doei hoi hallo goed slecht gaaf leuk stom raar eng bang zich hele grote kleine laat vroeg
allemaal beetje blijf blijkbaar horen hoorde gezien gehoord pas buiten binnen
`;

const ENGLISH = `
the and to for with at on it it's its i i'm im you your you're ur my they them their she his this
that these those there here what where who why how when which not no yes just really very too also
but or if then than been being be are were do does did don't doesn't didn't can't cannot won't will
would should could have has had get got gonna wanna gotta going go come coming see saw know anyone
someone everyone people guys tonight today tomorrow now near from about after before because please
pls plz thanks thank thx sorry ngl tbh idk fr brb crazy busy stay safe food best ever great good
nice love like still out up down off one all some any every what's that's there's let's heard
saying happened happening train police fire stabbed power cut crowd crowded exit queue line
finally anybody somebody nobody everything nothing something again around way our us him her
`;

/** Words that point to German, French, Turkish or Polish and so send a post to the n-gram model. */
const OTHER = `
der und ist nicht ich das wir sind auf mit ein eine auch sehr fur le la les est et une des
c'est il elle nous vous avec pour dans ve bir bu cok icin nie jest sie
`;

export const DUTCH_MARKER = 1;
export const ENGLISH_MARKER = 2;
export const OTHER_MARKER = 3;

/** Marker kind per word; the lists are disjoint (a word in two lists would be no marker). */
export const MARKERS: ReadonlyMap<string, number> = build();

/** MARKERS by word hash, for tokens (`Token.hash`). */
export const MARKER_WORDS: WordTable<number> = new WordTable<number>(MARKERS.size);
for (const [word, marker] of MARKERS) MARKER_WORDS.set(wordHash(word), word, marker);

function build(): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of OTHER.split(/\s+/)) if (w) map.set(w, OTHER_MARKER);
  for (const w of ENGLISH.split(/\s+/)) if (w) map.set(w, ENGLISH_MARKER);
  for (const w of DUTCH.split(/\s+/)) if (w) map.set(w, DUTCH_MARKER);
  return map;
}
