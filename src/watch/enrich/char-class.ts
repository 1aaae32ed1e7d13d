/**
 * Character classes for the tokeniser, looked up in a table instead of testing Unicode property
 * regexes per character: the table below 0x20000 is filled lazily (one regex test per distinct
 * code point, ever), so the hot path is an array read.
 */
export const OTHER = 0;
export const LETTER = 1;
export const DIGIT = 2;
export const MARK = 3;
export const EMOJI = 4;
export const SPACE = 5;
export const REGIONAL = 6;
export const MODIFIER = 7;
/** Zero-width joiner, variation selectors, the keycap mark and tag characters: glue inside emoji. */
export const EMOJI_GLUE = 8;

export type CharClass = number;

const UNKNOWN = 255;
const TABLE_SIZE = 0x20000;
const table = new Uint8Array(TABLE_SIZE).fill(UNKNOWN);

const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{Nd}$/u;
const MARK_RE = /^\p{M}$/u;
const PICTO_RE = /^\p{Extended_Pictographic}$/u;
const SPACE_RE = /^[\s\p{Z}\p{Cc}]$/u;

function compute(cp: number): CharClass {
  // Past the end of a string charCodeAt gives NaN: not a character of any class.
  if (!(cp >= 0 && cp <= 0x10ffff)) return OTHER;
  if (cp === 0x200d || cp === 0xfe0f || cp === 0xfe0e || cp === 0x20e3) return EMOJI_GLUE;
  if (cp >= 0xe0020 && cp <= 0xe007f) return EMOJI_GLUE;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return REGIONAL;
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return MODIFIER;
  const ch = String.fromCodePoint(cp);
  if (LETTER_RE.test(ch)) return LETTER;
  if (DIGIT_RE.test(ch)) return DIGIT;
  if (MARK_RE.test(ch)) return MARK;
  // ASCII '#', '*' and digits carry the Emoji property but are text unless a keycap follows.
  if (cp >= 0x80 && PICTO_RE.test(ch)) return EMOJI;
  if (SPACE_RE.test(ch)) return SPACE;
  return OTHER;
}

for (let cp = 0; cp < 0x80; cp++) table[cp] = compute(cp);

/** The class of a code point (not a UTF-16 unit). */
export function charClass(cp: number): CharClass {
  if (cp < TABLE_SIZE) {
    const cached = table[cp]!;
    if (cached !== UNKNOWN) return cached;
    const c = compute(cp);
    table[cp] = c;
    return c;
  }
  return compute(cp);
}

/** True for the apostrophes people type: ASCII ', and the typographic ’ and ‘. */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018;
}
