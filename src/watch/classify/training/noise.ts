import { pick } from './template.ts';

/**
 * Makes a clean phrase read like a real post: chat abbreviations, typos, casing, interjections,
 * emoji and hashtags. Each step fires with its own probability, so most posts get two or three.
 */
export interface NoiseContext {
  language: 'nl' | 'en';
  relevant: boolean;
  emoji: readonly string[];
  hashtags: readonly string[];
  city: string;
}

const CHAT: Record<'nl' | 'en', Record<string, string>> = {
  nl: { mijn: 'mn', even: 'ff', niet: 'nie', dat: 'da', ik: 'k', het: "'t", wat: 'wa', iemand: 'iemant', heel: 'heel erg', gewoon: 'gwn', politie: 'pliesie' },
  en: { you: 'u', are: 'r', because: 'bc', people: 'ppl', tonight: 'tonite', really: 'rly', "don't": 'dont', "i'm": 'im', "can't": 'cant', what: 'wat', please: 'pls', anyone: 'any1' },
};

const OPENERS = {
  nl: { relevant: ['wtf ', 'jezus ', 'serieus ', 'omg ', 'pfff ', 'huh ', 'yo ', 'ok dus ', 'jeetje ', 'damn '], none: ['haha ', 'lol ', 'nou ', 'oke ', 'ahh ', 'yes ', 'pff '] },
  en: { relevant: ['omg ', 'wtf ', 'ok so ', 'damn ', 'yikes ', 'uh ', 'jesus '], none: ['lol ', 'haha ', 'ok ', 'yay ', 'ngl '] },
};
const CLOSERS = {
  nl: [' sws', ' echt', ' man', ' hoor', ' lol', ' pff', ' ofzo', ' gek', ' toch'],
  en: [' lol', ' smh', ' fr', ' tbh', ' ngl', ' rn', ' tho'],
};
const GENERIC_EMOJI = ['😂', '🙈', '😅', '👀', '🙏', '😳', '🤷', '💯', '👍'];

export function addNoise(text: string, ctx: NoiseContext, random: () => number): string {
  let s = text;
  if (random() < 0.4) s = chat(s, ctx.language, random);
  if (random() < 0.15) s = typo(s, random);
  if (random() < 0.12) s = pick(ctx.relevant ? OPENERS[ctx.language].relevant : OPENERS[ctx.language].none, random) + s;
  if (random() < 0.1) s = s.replace(/[.!]?$/, pick(CLOSERS[ctx.language], random));
  const casing = random();
  if (casing < 0.35) s = s.toLowerCase();
  else if (casing < 0.39 && ctx.relevant) s = s.toUpperCase();
  else if (casing < 0.6) s = s.charAt(0).toUpperCase() + s.slice(1);
  if (random() < 0.5) s = s.replace(/\.$/, '');
  if (ctx.relevant && random() < 0.15) s = s.replace(/[.!]*$/, random() < 0.5 ? '!!' : '!!!');
  if (random() < 0.35) {
    const bank = random() < 0.8 && ctx.emoji.length > 0 ? ctx.emoji : GENERIC_EMOJI;
    s += ` ${pick(bank, random)}${random() < 0.4 ? pick(bank, random) : ''}`;
  }
  if (random() < 0.2 && ctx.hashtags.length > 0) s += ` ${pick(ctx.hashtags, random)}`;
  if (random() < 0.08) s += ` #${ctx.city.toLowerCase().replace(/\s+/g, '')}`;
  return s;
}

function chat(s: string, language: 'nl' | 'en', random: () => number): string {
  const table = CHAT[language];
  return s.replace(/[\p{L}']+/gu, (word) => {
    const swap = table[word.toLowerCase()];
    return swap !== undefined && random() < 0.5 ? swap : word;
  });
}

/** One typo in one longer word: two letters swapped, one dropped or one doubled. */
function typo(s: string, random: () => number): string {
  const words = [...s.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return s;
  const match = pick(words, random);
  const word = match[0];
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  let changed: string;
  if (kind < 0.4) changed = word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
  else if (kind < 0.7) changed = word.slice(0, at) + word.slice(at + 1);
  else changed = word.slice(0, at) + word[at]! + word.slice(at);
  return s.slice(0, match.index) + changed + s.slice(match.index + word.length);
}
