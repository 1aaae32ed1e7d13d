import type { Language } from './i18n/catalogue.ts';

/*
 * Formatting of untrusted post fields for display. Everything here returns plain strings that
 * React renders as text; nothing is ever turned into HTML.
 */

/** Staff work in Dutch time whatever the browser's zone is (a laptop set to UTC must not shift times). */
export const DISPLAY_TIME_ZONE = 'Europe/Amsterdam';

const LOCALES: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

// Intl objects are costly to build and a feed formats hundreds of times per render.
const absoluteFormats = new Map<Language, Intl.DateTimeFormat>();
const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const languageNames = new Map<Language, Intl.DisplayNames>();

function cached<T>(map: Map<Language, T>, language: Language, build: () => T): T {
  let value = map.get(language);
  if (value === undefined) {
    value = build();
    map.set(language, value);
  }
  return value;
}

/** E.g. "29 nov 2026, 21:04:05 CET" — always in Europe/Amsterdam, with the zone named. */
export function formatAbsoluteTime(iso: string, language: Language): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return iso;
  }
  const format = cached(
    absoluteFormats,
    language,
    () =>
      new Intl.DateTimeFormat(localeOf(language), {
        timeZone: DISPLAY_TIME_ZONE,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
      }),
  );
  return format.format(time);
}

const dayTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * "3 min. geleden" / "3 min ago" within a day, the Amsterdam date and time ("4 jul, 20:13")
 * after that. Times slightly in the future (clock skew between a source and us) and anything
 * under 45 seconds read as "just now".
 */
export function formatRelativeTime(iso: string, nowMs: number, language: Language, justNow: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return iso;
  }
  const seconds = Math.round((nowMs - time) / 1000);
  if (seconds < 45) {
    return justNow;
  }
  const format = cached(
    relativeFormats,
    language,
    () => new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto', style: 'short' }),
  );
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return format.format(-minutes, 'minute');
  }
  const hours = Math.round(minutes / 60);
  if (hours < 24) {
    return format.format(-hours, 'hour');
  }
  // Older posts (a replayed evening, yesterday's history) read better as the clock time of
  // the event than as "5 months ago".
  return cached(
    dayTimeFormats,
    language,
    () => new Intl.DateTimeFormat(localeOf(language), { timeZone: DISPLAY_TIME_ZONE, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  ).format(time);
}

export function formatNumber(value: number, language: Language, fractionDigits: 0 | 1 = 0): string {
  const key = `${language}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: fractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** The language of a post by name in the UI language ("Nederlands", "Dutch"); null if unknown. */
export function languageName(code: string | null, language: Language): string | null {
  if (!code) {
    return null;
  }
  try {
    const names = cached(languageNames, language, () => new Intl.DisplayNames([localeOf(language)], { type: 'language' }));
    return names.of(code) ?? code;
  } catch {
    // A malformed tag from a source (e.g. "und-xx-?") must not break the card.
    return code;
  }
}

/** Pseudonyms are long keyed hashes; eight characters are enough to tell authors apart at a glance. */
export function shortPseudonym(pseudonym: string, length = 8): string {
  return pseudonym.slice(0, length);
}

/**
 * The URL if it is an absolute http(s) URL, else null. Posts come from the outside world: a
 * `javascript:` or `data:` URL in a link would run or render attacker content.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Hashtags arrive with or without the '#'; shown always with exactly one. */
export function hashtagLabel(tag: string): string {
  return `#${tag.replace(/^#+/, '')}`;
}

/** Coordinates with five decimals (about a metre), in the UI's number format. */
export function formatCoordinate(value: number, language: Language): string {
  return value.toLocaleString(localeOf(language), { minimumFractionDigits: 5, maximumFractionDigits: 5 });
}
