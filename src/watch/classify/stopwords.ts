/*
 * Function words get no unigram feature and no bigram of two function words: they carry little
 * about safety, and in a phrase-bank corpus they mostly echo the templates ("bij $place"), which
 * made the model call any post with "bij de" relevant. Stems of these words are listed as the
 * Snowball stemmers produce them as well as the plain words, since features use stems.
 */
const DUTCH = `de het een en of maar dus want als dan dat die dit deze daar hier er in op bij aan van voor met naar uit om
tot over onder door tegen na sinds tussen vanaf via zonder ik je jij u we wij ze zij hij haar hem ons onze mijn mn m'n
jouw jullie zijn is was waren ben bent wordt worden werd heb hebt heeft hebben had kan kun kunnen moet moeten zal zou
wil gaat ga gaan doe doet al ook nog wel niet geen nu toen zo te 't k nou toch even ff eens maar heel erg echt gewoon
wat wie waar hoe welke welk iets niets alles iemand veel meer mee weer
mar dez dar vor nar dor teg sind tuss har onz war word hebb kunn moet gan gen een hel gewon welk iet vel mer wer`;
const ENGLISH = `the a an and or but so if then that this these those there here in on at of for with to from by into over under
about after before since through via without i me my you your u we our us they them their he him his she her it its is
are was were be been being am have has had do does did can could will would shall should may might must just also still
not no very really so too what who where how which something anything everything all some more again
befor sinc doe veri realli someth anyth everyth`;

const WORDS = new Set([...DUTCH.split(/\s+/), ...ENGLISH.split(/\s+/)].filter(Boolean));

/** True when a word (its norm or its stem) is a function word. */
export function isStopword(word: string): boolean {
  return WORDS.has(word);
}
