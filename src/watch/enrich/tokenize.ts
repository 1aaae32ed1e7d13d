import { FNV_PRIME, finishHash, HASH_START, hashRange } from '#core/hash.ts';
import { charClass, isApostrophe, DIGIT, EMOJI, EMOJI_GLUE, LETTER, MARK, MODIFIER, REGIONAL, SPACE } from './char-class.ts';

export type TokenKind = 'word' | 'hashtag' | 'mention' | 'url' | 'emoji' | 'number';

/**
 * One token of a post. `start`/`end` are UTF-16 offsets into the text (`text.slice(start, end)`
 * is `text`). `norm` is what matching uses: words lower-cased with diacritics folded, curly
 * apostrophes made straight and letters repeated three or more times squeezed to two
 * ("drukkkk" → "drukk"); hashtags the same without '#'; mentions lower-cased without the
 * leading '@'; numbers, urls and emoji as written.
 */
export interface Token {
  text: string;
  norm: string;
  kind: TokenKind;
  start: number;
  end: number;
  /**
   * `wordHash(norm)`, a 32-bit integer: stages look the word up by it instead of hashing the
   * string again.
   */
  hash: number;
}

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;
const COMBINING_MARKS = /\p{M}/gu;
const CURLY_APOSTROPHES = /[\u2018\u2019]/g;
/** Elisions written with a leading apostrophe: 't, 'n, 's (also 's-Hertogenbosch), 'k, 'r, 'm. */
const ELIDED = new Set(['t', 'n', 's', 'k', 'r', 'm', 'T', 'N', 'S', 'K', 'R', 'M']);
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '\u2019', '\u201d']);

/**
 * Splits a post into words, hashtags, mentions, urls, emoji and numbers. Handles Dutch
 * elisions and contractions ('t, d'r, m'n, zo'n, 's-Hertogenbosch), hyphenated words,
 * dotted abbreviations (z.s.m., i.v.m.), times and numbers (22:30, 1.000, 3,5), fediverse
 * mentions (@user@instance), Bluesky handles, Unicode hashtags and emoji sequences (ZWJ,
 * skin tones, flags, keycaps, tag sequences). Punctuation is dropped. Never throws.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      i++;
      continue;
    }
    const cp = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code;
    const cls = charClass(cp);
    let end = -1;
    if (cls === LETTER) {
      end = scanWord(text, i, i, tokens);
    } else if (cls === DIGIT || code === 0x23 || code === 0x2a) {
      const keycap = keycapEnd(text, i);
      if (keycap > 0) {
        const key = text.slice(i, keycap);
        tokens.push(newToken(key, key, 'emoji', i, keycap, hashSpan(text, i, keycap)));
        end = keycap;
      } else if (cls === DIGIT) {
        end = scanNumber(text, i, tokens);
      } else if (code === 0x23 && !isWordChar(text, i - 1)) {
        end = scanHashtag(text, i, tokens);
      }
    } else if (cls === EMOJI || cls === REGIONAL || cls === MODIFIER) {
      end = scanEmoji(text, i, cls, tokens);
    } else if (code === 0x40 && !isWordChar(text, i - 1)) {
      end = scanMention(text, i, tokens);
    } else if (isApostrophe(code) && !isWordChar(text, i - 1) && isElision(text, i)) {
      end = scanWord(text, i, i + 1, tokens);
    }
    if (end < 0) i += cp > 0xffff ? 2 : 1;
    else i = end;
  }
  return tokens;
}

function isWordChar(text: string, at: number): boolean {
  if (at < 0) return false;
  const cls = charClass(text.charCodeAt(at));
  return cls === LETTER || cls === DIGIT || cls === MARK || text.charCodeAt(at) === 0x5f;
}

function isElision(text: string, at: number): boolean {
  const letter = text[at + 1];
  if (letter === undefined || !ELIDED.has(letter)) return false;
  const after = text.charCodeAt(at + 2);
  if (Number.isNaN(after)) return true;
  return after === 0x2d || charClass(after) !== LETTER;
}

function urlStart(text: string, at: number): boolean {
  const c = text.charCodeAt(at) | 0x20;
  if (c === 0x68) {
    // http:// or https://, any case, compared without making a lower-case copy.
    if (!startsWithFolded(text, at, 'http')) return false;
    const after = (text.charCodeAt(at + 4) | 0x20) === 0x73 ? at + 5 : at + 4;
    return text.charCodeAt(after) === 0x3a && text.charCodeAt(after + 1) === 0x2f && text.charCodeAt(after + 2) === 0x2f;
  }
  if (c === 0x77) return startsWithFolded(text, at, 'www') && text.charCodeAt(at + 3) === 0x2e && charClass(text.charCodeAt(at + 4)) === LETTER;
  return false;
}

/** Whether `text` has the lower-case ASCII letters `word` at `at`, in any case. */
function startsWithFolded(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

function scanUrl(text: string, start: number, tokens: Token[]): number {
  let j = start;
  let parens = 0;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code === 0x3c || code === 0x3e || code === 0x22) break;
    const cls = charClass(text.codePointAt(j)!);
    if (cls === SPACE || cls === EMOJI || cls === REGIONAL) break;
    if (code === 0x28) parens++;
    else if (code === 0x29) parens--;
    j++;
  }
  while (j > start) {
    const last = text[j - 1]!;
    if (URL_TRAILING.has(last) || (last === ')' && parens < 0)) {
      if (last === ')') parens++;
      j--;
    } else break;
  }
  const url = text.slice(start, j);
  tokens.push(newToken(url, url, 'url', start, j, hashSpan(text, start, j)));
  return j;
}

/**
 * A run of letters, marks and digits with inner apostrophes (zo'n, it's) and hyphens
 * (Bergen-op-Zoom, covid-19). `from` is past a leading elision apostrophe when there is one.
 */
function scanWord(text: string, start: number, from: number, tokens: Token[]): number {
  if (from === start && urlStart(text, start) && !isWordChar(text, start - 1)) return scanUrl(text, start, tokens);
  const abbreviation = abbreviationEnd(text, from);
  if (abbreviation > 0 && from === start) {
    const raw = text.slice(start, abbreviation);
    pushToken(tokens, raw, fold(raw.replaceAll('.', ''), false, false), 'word', start, abbreviation);
    return abbreviation;
  }
  const n = text.length;
  let j = from;
  let ascii = true;
  let upper = false;
  let squeeze = false;
  let last = -1;
  let repeats = 0;
  // The norm's hash (`wordHash`), made on the way for plain ASCII words, lower-cased as fold would.
  let h = HASH_START;
  for (let k = start; k < from; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  // Lower-case ASCII letters and digits, most of every word, without the general loop's checks.
  for (; j < n; j++) {
    const code = text.charCodeAt(j);
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) break;
    h = Math.imul(h ^ code, FNV_PRIME);
    if (code === last) {
      if (++repeats >= 3) squeeze = true;
    } else {
      last = code;
      repeats = 1;
    }
  }
  while (j < n) {
    const code = text.charCodeAt(j);
    const cp = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(j)! : code;
    const cls = charClass(cp);
    if (cls === LETTER || cls === MARK || cls === DIGIT) {
      if (cp >= 0x80) ascii = false;
      else if (cp <= 0x5a && cp >= 0x41) upper = true;
      h = Math.imul(h ^ (cp <= 0x5a && cp >= 0x41 ? cp | 0x20 : cp), FNV_PRIME);
      if (cp === last) {
        if (++repeats >= 3) squeeze = true;
      } else {
        last = cp;
        repeats = 1;
      }
      j += cp > 0xffff ? 2 : 1;
      continue;
    }
    if ((isApostrophe(code) || code === 0x2d || code === 0x2010) && j > from) {
      const next = text.charCodeAt(j + 1);
      const nextCls = Number.isNaN(next) ? -1 : charClass(next);
      const joins = isApostrophe(code) ? nextCls === LETTER : nextCls === LETTER || nextCls === DIGIT;
      if (joins) {
        if (code !== 0x27 && code !== 0x2d) ascii = false;
        h = Math.imul(h ^ code, FNV_PRIME);
        last = code;
        repeats = 1;
        j++;
        continue;
      }
    }
    break;
  }
  if (j === from) return -1;
  const raw = text.slice(start, j);
  const plain = ascii && text.charCodeAt(start) < 0x80;
  if (plain && !squeeze) {
    // Most words are plain ASCII: the hash is made, and a lower-case word's norm is its text, one string for both.
    tokens.push(newToken(raw, upper ? raw.toLowerCase() : raw, 'word', start, j, finishHash(h)));
  } else {
    pushToken(tokens, raw, fold(raw, squeeze, plain), 'word', start, j);
  }
  return j;
}

/** z.s.m., i.v.m., o.a.: single letters each followed by a dot, at least two of them. */
function abbreviationEnd(text: string, at: number): number {
  if (text.charCodeAt(at + 1) !== 0x2e) return -1;
  let j = at;
  let groups = 0;
  while (j + 1 < text.length && charClass(text.charCodeAt(j)) === LETTER && text.charCodeAt(j + 1) === 0x2e) {
    if (j > at && isWordChar(text, j - 1)) break;
    groups++;
    j += 2;
  }
  if (groups < 2 || isWordChar(text, j)) return -1;
  return j;
}

/**
 * Lower-cases and, unless the text is plain ASCII, folds diacritics and compatibility forms
 * (é → e, ĳ → ij) and straightens curly apostrophes.
 */
function fold(raw: string, squeeze: boolean, ascii: boolean): string {
  let norm = raw.toLowerCase();
  if (!ascii) norm = norm.normalize('NFKD').replace(COMBINING_MARKS, '').replace(CURLY_APOSTROPHES, "'");
  return squeeze ? squeezeRepeats(norm) : norm;
}

/** Squeezes any character repeated three or more times to two: "drukkkk" → "drukk". */
export function squeezeRepeats(s: string): string {
  let out = '';
  let last = '';
  let count = 0;
  for (const ch of s) {
    if (ch === last) {
      if (++count > 2) continue;
    } else {
      last = ch;
      count = 1;
    }
    out += ch;
  }
  return out;
}

function scanNumber(text: string, start: number, tokens: Token[]): number {
  const n = text.length;
  let j = start + 1;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (charClass(code) === DIGIT) {
      j++;
      continue;
    }
    // 22:30, 1.000, 3,5, 06-1234, 4/7: a separator counts only between digits.
    const sep = code === 0x3a || code === 0x2e || code === 0x2c || code === 0x2d || code === 0x2f;
    if (sep && j + 1 < n && charClass(text.charCodeAt(j + 1)) === DIGIT) {
      j += 2;
      continue;
    }
    break;
  }
  const raw = text.slice(start, j);
  tokens.push(newToken(raw, raw, 'number', start, j, hashSpan(text, start, j)));
  return j;
}

function scanHashtag(text: string, start: number, tokens: Token[]): number {
  const n = text.length;
  let j = start + 1;
  let letters = 0;
  let ascii = true;
  while (j < n) {
    const cp = text.codePointAt(j)!;
    const cls = charClass(cp);
    if (cls === LETTER) letters++;
    else if (cls !== DIGIT && cls !== MARK && cp !== 0x5f) break;
    if (cp >= 0x80) ascii = false;
    j += cp > 0xffff ? 2 : 1;
  }
  if (letters === 0) return -1;
  const raw = text.slice(start, j);
  const body = raw.slice(1);
  pushToken(tokens, raw, fold(body, false, ascii), 'hashtag', start, j);
  return j;
}

function isHandleChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** @user, @user@instance.example (fediverse) and @name.bsky.social (Bluesky handles). */
function scanMention(text: string, start: number, tokens: Token[]): number {
  const n = text.length;
  let j = start + 1;
  if (j >= n || !isHandleChar(text.charCodeAt(j))) return -1;
  let domainAt = false;
  while (j < n) {
    const code = text.charCodeAt(j);
    if (isHandleChar(code) || code === 0x2e || code === 0x2d) {
      j++;
    } else if (code === 0x40 && !domainAt && j + 1 < n && isHandleChar(text.charCodeAt(j + 1))) {
      domainAt = true;
      j++;
    } else break;
  }
  while (j > start + 1 && (text.charCodeAt(j - 1) === 0x2e || text.charCodeAt(j - 1) === 0x2d)) j--;
  const raw = text.slice(start, j);
  pushToken(tokens, raw, raw.slice(1).toLowerCase(), 'mention', start, j);
  return j;
}

/** '1️⃣', '#️⃣', '*⃣': a keycap base followed by an optional VS16 and the keycap mark. */
function keycapEnd(text: string, at: number): number {
  const next = text.charCodeAt(at + 1);
  if (next === KEYCAP) return at + 2;
  if (next === VS16 && text.charCodeAt(at + 2) === KEYCAP) return at + 3;
  return -1;
}

/** One emoji grapheme: a flag (two regional indicators) or a pictograph with its modifiers and ZWJ chain. */
function scanEmoji(text: string, start: number, cls: number, tokens: Token[]): number {
  const n = text.length;
  const first = text.codePointAt(start)!;
  let j = start + (first > 0xffff ? 2 : 1);
  if (cls === REGIONAL) {
    if (j < n && charClass(text.codePointAt(j)!) === REGIONAL) j += 2;
  } else {
    while (j < n) {
      const cp = text.codePointAt(j)!;
      const c = charClass(cp);
      if (cp === ZWJ) {
        const after = j + 1 < n ? text.codePointAt(j + 1)! : -1;
        const afterCls = after < 0 ? -1 : charClass(after);
        if (afterCls === EMOJI || afterCls === MODIFIER) {
          j += 1 + (after > 0xffff ? 2 : 1);
          continue;
        }
        break;
      }
      if (c === MODIFIER || c === EMOJI_GLUE) {
        j += cp > 0xffff ? 2 : 1;
        continue;
      }
      break;
    }
  }
  const raw = text.slice(start, j);
  tokens.push(newToken(raw, raw, 'emoji', start, j, hashSpan(text, start, j)));
  return j;
}

function newToken(text: string, norm: string, kind: TokenKind, start: number, end: number, hash: number): Token {
  return { text, norm, kind, start, end, hash };
}

function pushToken(tokens: Token[], text: string, norm: string, kind: TokenKind, start: number, end: number): void {
  tokens.push(newToken(text, norm, kind, start, end, wordHash(norm)));
}

/**
 * The hash every stage looks words up by: FNV-1a over the UTF-16 units, finished with murmur3's
 * fmix32 so that the low bits depend on every character. A signed 32-bit integer, which V8 keeps
 * unboxed in a token (an unsigned one above 2^31 would be a heap number per token); readers that
 * want the bits as unsigned use `>>> 0`.
 */
export function wordHash(s: string): number {
  return hashSpan(s, 0, s.length);
}

/** `wordHash(text.slice(from, to))`, read from the text itself. */
function hashSpan(text: string, from: number, to: number): number {
  return finishHash(hashRange(HASH_START, text, from, to));
}
