import type { ExplanationFeature } from './api-types.ts';
import type { MessageKey } from './i18n/catalogue.ts';

/*
 * The "why" of a classification in words and bars. The classifier names its features
 * `kind:value` ("stem:reanim", "hashtag:stroomstoring", "bigram:geen stroom"); the panel shows
 * the strongest ones as "stam: reanim" / "hashtag: #stroomstoring" with a bar per weight.
 */

/** Features shown at most; the rest add little and make the chart hard to read. */
export const MAX_FEATURES = 8;

const KIND_LABELS: Readonly<Record<string, MessageKey>> = {
  stem: 'feature.stem',
  word: 'feature.word',
  token: 'feature.word',
  hashtag: 'feature.hashtag',
  tag: 'feature.hashtag',
  mention: 'feature.mention',
  emoji: 'feature.emoji',
  url: 'feature.url',
  domain: 'feature.url',
  place: 'feature.place',
  bigram: 'feature.bigram',
  ngram: 'feature.ngram',
  char: 'feature.ngram',
  chars: 'feature.ngram',
  lexicon: 'feature.lexicon',
  keyword: 'feature.lexicon',
  lang: 'feature.language',
  language: 'feature.language',
  source: 'feature.source',
  number: 'feature.number',
  cue: 'feature.cue',
  p2000: 'feature.p2000',
  prior: 'feature.prior',
  bias: 'feature.prior',
  intercept: 'feature.prior',
};

export interface DescribedFeature {
  /** The translated kind, or null when the kind is unknown (the raw name is shown then). */
  readonly kindKey: MessageKey | null;
  readonly value: string;
}

/** Splits `kind:value` (or `kind=value`) and normalises hashtags and mentions. */
export function describeFeature(feature: string): DescribedFeature {
  const match = /^([a-z_][a-z0-9_]*)[:=](.*)$/i.exec(feature.trim());
  const kindKey = match ? KIND_LABELS[(match[1] ?? '').toLowerCase()] : undefined;
  if (!match || !kindKey) {
    return { kindKey: null, value: feature.trim() };
  }
  let value = (match[2] ?? '').trim();
  if (kindKey === 'feature.hashtag') {
    value = `#${value.replace(/^#+/, '')}`;
  } else if (kindKey === 'feature.mention') {
    value = `@${value.replace(/^@+/, '')}`;
  }
  return { kindKey, value };
}

/** "stam: reanim"; an unknown kind is shown as the classifier named it. */
export function formatFeature(feature: string, t: (key: MessageKey) => string): string {
  const { kindKey, value } = describeFeature(feature);
  if (!kindKey) {
    return value;
  }
  return kindKey === 'feature.prior' && value === '' ? t(kindKey) : `${t(kindKey)}: ${value}`;
}

/** The strongest features by absolute weight, strongest first; zero weights are left out. */
export function strongestFeatures(features: readonly ExplanationFeature[], max: number = MAX_FEATURES): ExplanationFeature[] {
  return features
    .filter((f) => Number.isFinite(f.weight) && f.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1))
    .slice(0, max);
}

export interface Bar {
  readonly feature: string;
  readonly weight: number;
  /** Left edge and width in the chart's units (0..width). */
  readonly x: number;
  readonly width: number;
  readonly positive: boolean;
}

/**
 * Bar geometry. With only positive weights the bars start at the left; with negative weights too
 * the axis moves to the middle, positive bars going right and negative ones left. The strongest
 * feature fills its side; a non-zero weight is at least 1 unit wide so it stays visible.
 */
export function explanationBars(features: readonly ExplanationFeature[], width: number): { bars: Bar[]; axis: number } {
  const hasNegative = features.some((f) => f.weight < 0);
  const axis = hasNegative ? width / 2 : 0;
  const room = hasNegative ? width / 2 : width;
  const strongest = Math.max(0, ...features.map((f) => Math.abs(f.weight)));
  const bars = features.map((f) => {
    const length = strongest === 0 ? 0 : Math.max(1, (Math.abs(f.weight) / strongest) * room);
    const positive = f.weight >= 0;
    return { feature: f.feature, weight: f.weight, x: positive ? axis : axis - length, width: length, positive };
  });
  return { bars, axis };
}

/** 0.8734 → 87 (percent, rounded, clamped to 0..100). */
export function toPercent(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0)) * 100);
}

/**
 * A weight with its sign ("+2,3", "−0,42"): two decimals below 1, one above, since weights are
 * read relative to each other. The minus is U+2212, which screen readers read as "min".
 */
export function formatWeight(weight: number, locale: string): string {
  const magnitude = Math.abs(weight);
  const digits = magnitude < 1 ? 2 : 1;
  const text = magnitude.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${weight > 0 ? '+' : weight < 0 ? '\u2212' : ''}${text}`;
}
