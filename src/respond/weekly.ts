import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A weekly repeating window in Dutch local time, e.g. `{ days: ['sat','sun'], from: '08:00', to: '20:00' }`.
 * `to` at or before `from` runs over midnight into the next day; `from == to` is the whole day.
 * A list of windows is available when any window covers the moment; `null` means always.
 */
export interface WeeklyWindow {
  days: Weekday[];
  from: string;
  to: string;
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const weeklyWindowSchema = z.object({
  days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  from: z.string().regex(TIME, 'HH:MM, 00:00–23:59'),
  to: z.string().regex(TIME, 'HH:MM, 00:00–24:00'),
});

export const weeklyWindowsSchema = z.array(weeklyWindowSchema).max(50).nullable();

const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Minute-of-week ranges [start, end) (end may pass the week's end; wrap is handled by the check). */
export function windowRanges(windows: readonly WeeklyWindow[]): number[] {
  const ranges: number[] = [];
  for (const w of windows) {
    const from = minutes(w.from);
    const to = minutes(w.to);
    const length = to === from ? MINUTES_PER_DAY : (to - from + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
    for (const day of w.days) {
      const start = WEEKDAYS.indexOf(day) * MINUTES_PER_DAY + from;
      ranges.push(start, start + length);
    }
  }
  return ranges;
}

/** True when `weekMinute` (0 = Monday 00:00 local) falls in one of the ranges. */
export function inRanges(ranges: readonly number[], weekMinute: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    const start = ranges[i]!;
    const end = ranges[i + 1]!;
    if (weekMinute >= start && weekMinute < end) return true;
    if (end > MINUTES_PER_WEEK && weekMinute < end - MINUTES_PER_WEEK) return true; // Sunday night into Monday
  }
  return false;
}

/** True when the windows (null = always) cover the moment. */
export function isOpen(windows: readonly WeeklyWindow[] | null, weekMinute: number): boolean {
  return windows === null || inRanges(windowRanges(windows), weekMinute);
}

/** Dutch local time of an instant: the date (YYYY-MM-DD) and the minute of the week (Monday 00:00 = 0). */
export interface LocalMoment {
  /** Epoch milliseconds. */
  now: number;
  localDate: string;
  weekMinute: number;
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Windows, qualification dates and AED hours are Dutch local time (Europe/Amsterdam, with summer time). */
export function localMoment(at: Date): LocalMoment {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) parts[part.type] = part.value;
  const weekMinute = WEEKDAY_INDEX[parts.weekday!]! * MINUTES_PER_DAY + Number(parts.hour) * 60 + Number(parts.minute);
  return { now: at.getTime(), localDate: `${parts.year}-${parts.month}-${parts.day}`, weekMinute };
}
