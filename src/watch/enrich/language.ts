import { eld as eldSmall } from 'eld/small';
import { loadEldSubset, type EldSubset, type SubsetScores } from './eld-subset.ts';
import { DUTCH_MARKER, ENGLISH_MARKER, MARKER_WORDS, OTHER_MARKER } from './language-lexicon.ts';
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
/** How far a language other than Dutch or English must lead the runner-up to be believed. */
const FOREIGN_MARGIN = 0.05;

/**
 * Builds a detector over an n-gram model. Marker words decide alone when at least two point one
 * way and none the other, which covers most posts at a fraction of the model's cost; the model
 * (eld, restricted to DETECTED_LANGUAGES and fed only the words, so handles and urls do not
 * mislead it) decides the rest, nudged by the markers. Exported for the benchmark's comparison.
 */
export function createLanguageDetector(model: NgramModel): (text: string, tokens?: Token[]) => DetectedLanguage {
  const scorer = modelScorer(model);
  return (text, tokens) => detect(scorer, text, tokens ?? tokenize(text));
}

/** The model's verdict on a post's words: reliable or not, and per DETECTED_LANGUAGES entry its score (NaN: none). */
type NgramScorer = (words: string) => SubsetScores;

/** An eld instance restricted to DETECTED_LANGUAGES, as an NgramScorer. */
function modelScorer(model: NgramModel): NgramScorer {
  const instance = model.newInstance();
  instance.setLanguageSubset([...DETECTED_LANGUAGES]);
  const result: SubsetScores = { reliable: false, scores: new Float64Array(DETECTED_LANGUAGES.length) };
  return (words) => {
    const detected = instance.detect(words);
    result.reliable = detected.isReliable();
    if (result.reliable) {
      const all = detected.getScores();
      DETECTED_LANGUAGES.forEach((code, p) => (result.scores[p] = all[code] ?? NaN));
    }
    return result;
  };
}

function detect(scorer: NgramScorer, _text: string, tokens: Token[]): DetectedLanguage {
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
    const marker = MARKER_WORDS.get(t.hash, t.norm);
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
  const result = scorer(clean);
  if (!result.reliable) return markersOnly(nl, en);
  let best: string | null = null;
  let bestScore = 0;
  let second = 0;
  for (let p = 0; p < DETECTED_LANGUAGES.length; p++) {
    const raw = result.scores[p]!;
    if (Number.isNaN(raw)) continue;
    const code = DETECTED_LANGUAGES[p]!;
    const score = raw + MARKER_WEIGHT * (code === 'nl' ? nl : code === 'en' ? en : 0);
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = code;
    } else if (score > second) second = score;
  }
  if (best === null) return NONE;
  // A language other than Dutch or English, nearly tied with the runner-up, is eld guessing on a
  // few words ("so jealous", "schoenen vies, boeie" came out German): treated as unreliable.
  if (best !== 'nl' && best !== 'en' && bestScore - second < FOREIGN_MARGIN) return markersOnly(nl, en);
  return { code: best, confidence: Math.min(0.95, 0.5 + (bestScore - second)) };
}

/** The markers' majority, for when the model cannot tell; null when they are even. */
function markersOnly(nl: number, en: number): DetectedLanguage {
  if (nl > en) return { code: 'nl', confidence: 0.6 };
  if (en > nl) return { code: 'en', confidence: 0.6 };
  return NONE;
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

/**
 * eld small's scoring re-implemented for DETECTED_LANGUAGES (eld-subset.ts: the same answers at a
 * tenth of the cost), with eld itself for the rare text the re-implementation leaves to it, and
 * for everything when eld's database files cannot be read.
 */
const eldSubset: EldSubset | null = await loadEldSubset(DETECTED_LANGUAGES);
const eldSmallScorer = modelScorer(eldSmall);
const smallScorer: NgramScorer = eldSubset === null ? eldSmallScorer : (words) => eldSubset.score(words) || eldSmallScorer(words);

/**
 * The language of a short post: nl, en, de, fr, tr, ar or pl, or null when unsure (emoji only,
 * fewer than three letters of words, no clear winner). Pass the post's tokens when they are at
 * hand to save tokenising twice. Never throws.
 */
export function detectLanguage(text: string, tokens?: Token[]): DetectedLanguage {
  return detect(smallScorer, text, tokens ?? tokenize(text));
}
