import type { Language } from '../../ui/i18n/catalogue.ts';
import { DISPLAY_TIME_ZONE, localeOf } from '../../ui/format.ts';

/*
 * Times on the message page the way people say them: "20:14" for today, "4 juli 2026" and
 * "20:14" for another day, always in Dutch time (a phone set to another zone must not shift a
 * warning's time). Pure, so the page stays a matter of layout.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, kind: 'time' | 'date' | 'day'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let value = formats.get(key);
  if (!value) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : kind === 'date' ? { day: 'numeric', month: 'long', year: 'numeric' } : { year: 'numeric', month: '2-digit', day: '2-digit' };
    value = new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: DISPLAY_TIME_ZONE });
    formats.set(key, value);
  }
  return value;
}

export interface MessageTime {
  /** E.g. "20:14". */
  time: string;
  /** E.g. "4 juli 2026", or null when it is today (in Dutch time). */
  date: string | null;
}

/** When `iso` was, as a time and (unless it is today) a date. */
export function messageTime(iso: string, language: Language, nowMs: number): MessageTime | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const sameDay = format(language, 'day').format(at) === format(language, 'day').format(nowMs);
  return { time: format(language, 'time').format(at), date: sameDay ? null : format(language, 'date').format(at) };
}

/** "20:14" today, "4 juli 2026 20:14" another day. */
export function whenText(iso: string, language: Language, nowMs: number): string {
  const when = messageTime(iso, language, nowMs);
  if (!when) return iso;
  return when.date ? `${when.date} ${when.time}` : when.time;
}
