import { eld as eldSmall } from 'eld/small';
import { DUTCH_MARKER, ENGLISH_MARKER, MARKERS, OTHER_MARKER } from './language-lexicon.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface DetectedLanguage {
  /** ISO 639-1 code, or null when the post is too short or too mixed to tell. */
  code: string | null;
  /** 0–1; how sure the detector is (1 for a source's own hint is the caller's business). */
  confidence: number;
}

/** The languages Waakzaam tells apart; anything else the model proposes is reported as null. */
export const DETECTED_LANGUAGES = ['nl', 'en', 'de', 'fr', 'tr', 'ar', 'pl'] as const;

/** The part of an eld instance used here (static entries: `eld/large`, `eld/medium`, …). */
export interface NgramModel {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
  setLanguageSubset(languages: string[] | boolean): unknown;
  newInstance(): NgramModel;
}

const NONE: DetectedLanguage = Object.freeze({ code: null, confidence: 0 });
/** Fewer letters than this in words (not mentions, urls, emoji) says nothing about language. */
const MIN_LETTERS = 3;
/** Weight of one marker word against eld's scores, which lie between about 0.3 and 0.9. */
const MARKER_WEIGHT = 0.1;

/**
 * Builds a detector over an n-gram model. Marker words decide alone when at least two point one
 * way and none the other, which covers most posts at a fraction of the model's cost; the model
 * (eld, restricted to DETECTED_LANGUAGES and fed only the words, so handles and urls do not
 * mislead it) decides the rest, nudged by the markers. Exported for the benchmark's comparison.
 */
export function createLanguageDetector(model: NgramModel): (text: string, tokens?: Token[]) => DetectedLanguage {
  const instance = model.newInstance();
  instance.setLanguageSubset([...DETECTED_LANGUAGES]);
  return (text, tokens) => detect(instance, text, tokens ?? tokenize(text));
}

function detect(model: NgramModel, _text: string, tokens: Token[]): DetectedLanguage {
  let nl = 0;
  let en = 0;
  let other = 0;
  let words = 0;
  let letters = 0;
  let arabic = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    letters += t.norm.length;
    const marker = MARKERS.get(t.norm);
    if (marker === DUTCH_MARKER) nl++;
    else if (marker === ENGLISH_MARKER) en++;
    else if (marker === OTHER_MARKER) other++;
    const first = t.text.charCodeAt(0);
    if (first >= 0x600 && first <= 0x6ff) arabic++;
  }
  if (words === 0 || letters < MIN_LETTERS) return NONE;
  if (arabic * 2 >= words) return { code: 'ar', confidence: 0.9 };
  if (other === 0) {
    if (nl >= 2 && en === 0) return MARKER_DECISIONS.nl[Math.min(nl, MARKER_SATURATION)]!;
    if (en >= 2 && nl === 0) return MARKER_DECISIONS.en[Math.min(en, MARKER_SATURATION)]!;
  }
  let clean = '';
  for (const t of tokens) if (t.kind === 'word') clean = clean.length === 0 ? t.text : `${clean} ${t.text}`;
  const result = model.detect(clean);
  if (!result.isReliable()) {
    if (nl > en) return { code: 'nl', confidence: 0.6 };
    if (en > nl) return { code: 'en', confidence: 0.6 };
    return NONE;
  }
  const scores = result.getScores();
  let best: string | null = null;
  let bestScore = 0;
  let second = 0;
  for (const code of DETECTED_LANGUAGES) {
    const raw = scores[code];
    if (raw === undefined) continue;
    const score = raw + MARKER_WEIGHT * (code === 'nl' ? nl : code === 'en' ? en : 0);
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = code;
    } else if (score > second) second = score;
  }
  if (best === null) return NONE;
  return { code: best, confidence: Math.min(0.95, 0.5 + (bestScore - second)) };
}

function markerConfidence(count: number): number {
  return Math.min(0.99, 1 - 0.5 ** count);
}

/** From this many markers on the confidence stays at its cap of 0.99. */
const MARKER_SATURATION = 7;

/**
 * The answers of the marker path, made once (frozen, like NONE): most posts end there, and a
 * fresh object per post is garbage the ingest path does not need.
 */
const MARKER_DECISIONS = {
  nl: Array.from({ length: MARKER_SATURATION + 1 }, (_, n): DetectedLanguage => Object.freeze({ code: 'nl', confidence: markerConfidence(n) })),
  en: Array.from({ length: MARKER_SATURATION + 1 }, (_, n): DetectedLanguage => Object.freeze({ code: 'en', confidence: markerConfidence(n) })),
};

const detectWithSmall = createLanguageDetector(eldSmall);

/**
 * The language of a short post: nl, en, de, fr, tr, ar or pl, or null when unsure (emoji only,
 * fewer than three letters of words, no clear winner). Pass the post's tokens when they are at
 * hand to save tokenising twice. Never throws.
 */
export function detectLanguage(text: string, tokens?: Token[]): DetectedLanguage {
  return detectWithSmall(text, tokens);
}
