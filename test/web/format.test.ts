import { describe, expect, it } from 'vitest';
import {
  formatAbsoluteTime,
  formatRelativeTime,
  hashtagLabel,
  languageName,
  safeHttpUrl,
  shortPseudonym,
} from '../../web/ui/format.ts';

describe('safeHttpUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '/relative', '//evil.example', 'ftp://x', '', null, undefined])(
    'rejects %s',
    (url) => {
      expect(safeHttpUrl(url)).toBeNull();
    },
  );
});

describe('time formatting', () => {
  // 20:30 UTC on 29 November is 21:30 in Amsterdam (CET, UTC+1).
  const iso = '2026-11-29T20:30:15.000Z';

  it('shows absolute times in Europe/Amsterdam whatever the machine zone', () => {
    expect(formatAbsoluteTime(iso, 'nl')).toContain('21:30:15');
    expect(formatAbsoluteTime(iso, 'en')).toContain('21:30:15');
    // Summer time: 12:00 UTC on 1 July is 14:00 in Amsterdam (CEST).
    expect(formatAbsoluteTime('2026-07-01T12:00:00.000Z', 'nl')).toContain('14:00:00');
  });

  it('shows relative times, with "just now" for the last moments and for clock skew', () => {
    const now = Date.parse(iso);
    expect(formatRelativeTime(iso, now + 10_000, 'nl', 'zojuist')).toBe('zojuist');
    expect(formatRelativeTime(iso, now - 60_000, 'en', 'just now')).toBe('just now');
    // The exact abbreviation differs between ICU versions ("5 min ago" / "5 min. ago").
    expect(formatRelativeTime(iso, now + 5 * 60_000, 'en', 'just now')).toMatch(/^5 min\.? ago$/);
    expect(formatRelativeTime(iso, now + 3 * 3_600_000, 'nl', 'zojuist')).toMatch(/^3 uur geleden$/);
  });

  it('shows posts older than a day with their Amsterdam date and time', () => {
    expect(formatRelativeTime('2026-07-04T18:13:00Z', Date.parse('2026-11-29T10:00:00Z'), 'nl', 'zojuist')).toMatch(/^4 jul\.?,? 20:13$/);
  });

  it('returns an unparseable time unchanged instead of "Invalid Date"', () => {
    expect(formatAbsoluteTime('yesterday', 'nl')).toBe('yesterday');
    expect(formatRelativeTime('yesterday', 0, 'nl', 'zojuist')).toBe('yesterday');
  });
});

describe('small formatters', () => {
  it('shortens pseudonyms to eight characters', () => {
    expect(shortPseudonym('0123456789abcdef')).toBe('01234567');
  });

  it('shows hashtags with exactly one #', () => {
    expect(hashtagLabel('brand')).toBe('#brand');
    expect(hashtagLabel('#brand')).toBe('#brand');
  });

  it('names languages in the interface language and survives junk', () => {
    expect(languageName('nl', 'nl')).toBe('Nederlands');
    expect(languageName('nl', 'en')).toBe('Dutch');
    expect(languageName(null, 'nl')).toBeNull();
    expect(languageName('%%', 'nl')).toBe('%%');
  });
});
