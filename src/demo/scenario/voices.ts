import type { Rng } from './random.ts';
import type { Lang, Persona } from './types.ts';

/**
 * How people actually type: slang and abbreviations, dropped capitals, typos, emoji and
 * hashtags, each at a rate that belongs to the writer. Applied after a phrase is expanded, so
 * that two people saying the same thing never produce quite the same line.
 */
export type Mood = 'happy' | 'party' | 'fireworks' | 'shock' | 'worry' | 'sad' | 'angry' | 'laugh' | 'rain' | 'heat' | 'food' | 'pray' | 'neutral';

export const EMOJI: Readonly<Record<Mood, readonly string[]>> = {
  happy: ['😍', '🥰', '✨', '🙌', '❤️', '😊', '☀️', '💛'],
  party: ['🎉', '🥳', '💃', '🕺', '🔥', '🎶', '🍻', '🙌'],
  fireworks: ['🎆', '🎇', '✨', '😍', '🔥', '🤩', '💥'],
  shock: ['😱', '😳', '😨', '🤯', '😮', '‼️', '⚠️'],
  worry: ['😬', '😟', '🙏', '😰', '🫣', '😕'],
  sad: ['😢', '💔', '😞', '🥺'],
  angry: ['😡', '🤬', '🙄', '😤', '🤦'],
  laugh: ['😂', '🤣', '💀', '😅', '😆'],
  rain: ['🌧️', '☔', '⛈️', '💦', '🌩️'],
  heat: ['🥵', '☀️', '🔥', '😎', '💦'],
  food: ['🤤', '🍟', '🍺', '🍔', '😋', '🍦'],
  pray: ['🙏', '🙏', '🤞', '💙', '❤️‍🩹'],
  neutral: ['👀', '🤷', '😶', '👍', '🤔'],
};

interface Rule {
  pattern: RegExp;
  replacements: readonly string[];
  /** Chance that a matching word is replaced when the writer uses slang at all. */
  p: number;
}

const rule = (pattern: RegExp, replacements: readonly string[], p = 0.5): Rule => ({ pattern, replacements, p });

const DUTCH_SLANG: readonly Rule[] = [
  rule(/\bniet\b/gi, ['nie', 'nie', 'ni']),
  rule(/\beven\b/gi, ['ff'], 0.8),
  rule(/\bik\b/gi, ['k'], 0.3),
  rule(/\bhet\b/gi, ["'t", 't'], 0.3),
  rule(/\bmijn\b/gi, ['mn', "m'n", 'me'], 0.7),
  rule(/\bwaarschijnlijk\b/gi, ['wss'], 0.8),
  rule(/\binderdaad\b/gi, ['idd'], 0.8),
  rule(/\bgewoon\b/gi, ['gwn'], 0.5),
  rule(/\becht\b/gi, ['egt', 'echtt', 'echt echt'], 0.3),
  rule(/\bwat\b/gi, ['wa'], 0.3),
  rule(/\bdat\b/gi, ['da'], 0.25),
  rule(/\bjongens\b/gi, ['jonguh', 'guys', 'mensen'], 0.5),
  rule(/\bheel\b/gi, ['heeel', 'heeeel', 'super'], 0.4),
  rule(/\bweet ik niet\b/gi, ['weetnie', 'idk', 'weet ik veel'], 0.7),
  rule(/\bhelemaal\b/gi, ['hlml', 'helemaaaal'], 0.4),
  rule(/\bwaarom\b/gi, ['wrm', 'waarom??'], 0.5),
  rule(/\bvoor\b/gi, ['vr'], 0.15),
  rule(/\bnu\b/gi, ['nu', 'nu nu', 'nuu'], 0.2),
  rule(/\bmensen\b/gi, ['mense', 'mensen', 'ppl'], 0.3),
  rule(/\bgaat\b/gi, ['gaat', 'gaatie'], 0.1),
  rule(/\bgezellig\b/gi, ['gezelluh', 'gezellig', 'gzlg'], 0.4),
];

const ENGLISH_SLANG: readonly Rule[] = [
  rule(/\bgoing to\b/gi, ['gonna'], 0.7),
  rule(/\bwant to\b/gi, ['wanna'], 0.7),
  rule(/\bI don't know\b/gi, ['idk', 'dunno'], 0.7),
  rule(/\bto be honest\b/gi, ['tbh'], 0.8),
  rule(/\boh my god\b/gi, ['omg', 'OMG'], 0.8),
  rule(/\byou\b/gi, ['u', 'ya'], 0.15),
  rule(/\breally\b/gi, ['rly', 'really really'], 0.2),
  rule(/\bpeople\b/gi, ['ppl'], 0.3),
];

// Spelling mistakes that Dutch writers really make, beside plain keyboard slips.
const DUTCH_MISTAKES: readonly Rule[] = [
  rule(/\bwordt\b/g, ['word'], 0.3),
  rule(/\bgebeurd\b/g, ['gebeurt'], 0.3),
  rule(/\bgebeurt\b/g, ['gebeurd'], 0.2),
  rule(/\bhelemaal\b/g, ['helemaals'], 0.05),
  rule(/\bbeetje\b/g, ['beetjes', 'betje'], 0.1),
  rule(/\bpolitie\b/g, ['polietie', 'poltie'], 0.05),
];

const IDENTIFIER = /[@#][^\s]+|https?:\/\/[^\s]+/g;

const INTERJECTIONS_NL = ['wollah', 'bro', 'man', 'broer', 'serieus', 'jezus', 'pff', 'ey', 'yo', 'owjee', 'sws'];
const INTERJECTIONS_EN = ['lol', 'ngl', 'honestly', 'wow', 'bruh'];

const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sqwz', b: 'vn', c: 'xv', d: 'sfe', e: 'wrd', f: 'dgr', g: 'fht', h: 'gjy', i: 'uok', j: 'hku', k: 'jli', l: 'kop', m: 'n',
  n: 'bm', o: 'ipl', p: 'ol', r: 'etf', s: 'adw', t: 'ryg', u: 'yij', v: 'cb', w: 'qes', z: 'xa',
};

export interface VoiceOptions {
  mood: Mood;
  hashtags: readonly string[];
}

/** Rewrites a clean phrase in the writer's own voice. Official accounts keep the clean text. */
export function applyVoice(text: string, persona: Persona, lang: Lang, rng: Rng, options: VoiceOptions): string {
  if (persona.official || persona.register === 'news') return text;
  // Handles, hashtags and links are identifiers: mask them so slang and typos leave them be.
  const masked: string[] = [];
  let out = text.replace(IDENTIFIER, (id) => `\uE000${masked.push(id) - 1}\uE001`);
  if (rng.chance(persona.slang)) out = applyRules(out, lang === 'nl' ? DUTCH_SLANG : ENGLISH_SLANG, rng);
  if (lang === 'nl') out = applyRules(out, DUTCH_MISTAKES, rng);
  if (rng.chance(persona.slang * 0.35)) out = interject(out, lang, rng);
  out = typos(out, persona.typoRate, rng);
  out = out.replace(/\uE000(\d+)\uE001/g, (_, i: string) => masked[Number(i)]!);
  out = casing(out, persona, options.mood, rng);
  out = punctuation(out, persona, options.mood, rng);
  if (rng.chance(persona.emojiRate)) out = `${out} ${emoji(options.mood, rng)}`;
  if (options.hashtags.length > 0 && rng.chance(persona.hashtagRate)) out = addHashtags(out, options.hashtags, rng);
  return out.trim();
}

function applyRules(text: string, rules: readonly Rule[], rng: Rng): string {
  let out = text;
  for (const r of rules) out = out.replace(r.pattern, (word) => (rng.chance(r.p) ? rng.pick(r.replacements) : word));
  return out;
}

function interject(text: string, lang: Lang, rng: Rng): string {
  const word = rng.pick(lang === 'nl' ? INTERJECTIONS_NL : INTERJECTIONS_EN);
  return rng.chance(0.5) ? `${word} ${text}` : `${text.replace(/[.!]$/, '')} ${word}`;
}

function typos(text: string, rate: number, rng: Rng): string {
  if (rate <= 0) return text;
  return text.replace(/[A-Za-zÀ-ÿ]{4,}/g, (word) => {
    if (!rng.chance(rate)) return word;
    const i = rng.int(1, word.length - 2);
    switch (rng.int(0, 3)) {
      case 0:
        return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
      case 1:
        return word.slice(0, i) + word.slice(i + 1);
      case 2:
        return word.slice(0, i) + word[i]! + word.slice(i);
      default: {
        const near = NEIGHBOURS[word[i]!.toLowerCase()];
        return near ? word.slice(0, i) + rng.pick([...near]) + word.slice(i + 1) : word;
      }
    }
  });
}

function casing(text: string, persona: Persona, mood: Mood, rng: Rng): string {
  if ((mood === 'shock' || mood === 'angry') && rng.chance(0.04 + persona.slang * 0.04)) return upperOutsideHandles(text);
  if (rng.chance(persona.lowercase)) return text.toLowerCase();
  return text;
}

function upperOutsideHandles(text: string): string {
  return text
    .split(' ')
    .map((w) => (/^[@#]|https?:/.test(w) ? w : w.toUpperCase()))
    .join(' ');
}

function punctuation(text: string, persona: Persona, mood: Mood, rng: Rng): string {
  let out = text;
  if (rng.chance(persona.lowercase * 0.6)) out = out.replace(/\.$/, '');
  const aroused = mood === 'shock' || mood === 'angry' || mood === 'party' || mood === 'fireworks';
  if (aroused && rng.chance(0.3)) out = out.replace(/!$/, rng.pick(['!!', '!!!', '!!1'])).replace(/\?$/, rng.pick(['??', '???', '?!']));
  if (persona.register === 'senior' && rng.chance(0.3)) out = out.replace(/[.!]?$/, rng.pick(['...', '..', '!!']));
  return out;
}

/** One to three emoji from the mood, sometimes the same one repeated, as people do. */
export function emoji(mood: Mood, rng: Rng): string {
  const set = EMOJI[mood];
  if (rng.chance(0.25)) return rng.pick(set).repeat(rng.int(2, 3));
  const n = rng.int(1, 3);
  let out = '';
  for (let i = 0; i < n; i++) out += rng.pick(set);
  return out;
}

function addHashtags(text: string, tags: readonly string[], rng: Rng): string {
  const lower = text.toLowerCase();
  const fresh = tags.filter((t) => !lower.includes(t.toLowerCase()));
  if (fresh.length === 0) return text;
  const first = rng.pick(fresh);
  const second = rng.chance(0.35) ? rng.pick(fresh) : first;
  return first === second ? `${text} ${first}` : `${text} ${first} ${second}`;
}
