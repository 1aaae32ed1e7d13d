import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '#watch/connectors/rss/dates.ts';
import { decodeHtmlEntities, htmlToText } from '#watch/connectors/rss/html-text.ts';

describe('htmlToText', () => {
  it('drops tags, comments, scripts and styles; keeps text; turns blocks into line breaks', () => {
    expect(htmlToText('<p>Brand in <b>Utrecht</b></p><script>alert("x<p>")</script><style>p{}</style><!-- c -->Na<br/>regel')).toBe('Brand in Utrecht\nNa\nregel');
    expect(htmlToText('a < b en c > d')).toBe('a < b en c > d');
    expect(htmlToText('tekst <p unterminated')).toBe('tekst <p unterminated');
    expect(htmlToText('&eacute;&Euml;&#233;&#x1F525;&hellip;&nbsp;x &unknown; &#0;')).toBe('éËé🔥… x &unknown; \uFFFD');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (html) => void htmlToText(html)), { numRuns: 500 });
  });

  it('drops the body of a script element between any texts', () => {
    const text = fc.string({ maxLength: 60 }).map((s) => s.replace(/[<&]/g, ''));
    fc.assert(
      fc.property(text, fc.string({ maxLength: 30 }), text, (before, body, after) => {
        const result = htmlToText(`${before}<script>${body.replace(/<\//g, '')}SECRET</script>${after}`);
        expect(result.includes('SECRET')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on hostile markup', () => {
    // Many unterminated constructs: a quadratic scanner would take minutes here.
    expect(htmlToText('<a '.repeat(100_000))).toBe('<a '.repeat(100_000).trim());
    expect(htmlToText('x<!--'.repeat(100_000))).toBe('x');
    expect(htmlToText('x<script>'.repeat(100_000))).toBe('x');
    expect(htmlToText('<b>x</b>'.repeat(100_000))).toBe('x'.repeat(100_000));
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes each reference once', () => {
    expect(decodeHtmlEntities('&amp;lt; &lt;')).toBe('&lt; <');
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Sat, 04 Jul 2026 21:15:00 +0200', '2026-07-04T19:15:00.000Z'],
    ['Sat, 4 Jul 2026 19:15:00 GMT', '2026-07-04T19:15:00.000Z'],
    ['04 Jul 2026 19:15 EST', '2026-07-05T00:15:00.000Z'],
    ['Sat, 04 Jul 26 19:15:00 Z', '2026-07-04T19:15:00.000Z'],
    ['za, 04 okt 2026 19:15:00 CEST', '2026-10-04T17:15:00.000Z'],
    ['4 mrt 2026 09:00:00 +0100', '2026-03-04T08:00:00.000Z'],
    ['2026-07-04T21:15:00+02:00', '2026-07-04T19:15:00.000Z'],
    ['2026-07-04T19:15:00.123Z', '2026-07-04T19:15:00.123Z'],
    ['2026-07-04T19:15Z', '2026-07-04T19:15:00.000Z'],
    ['2026-07-04', '2026-07-04T00:00:00.000Z'],
    ['2026-07-04 19:15:00', '2026-07-04T19:15:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso);
  });

  it.each(['', 'gisteren', '1', '2026-02-30T10:00:00Z', '2026-13-01', 'Sat, 32 Jul 2026 10:00:00 GMT', '04 Foo 2026 10:00:00 GMT', '2026-07-04T25:00:00Z', '04 Jul 2026 10:00:00 +2500'])('rejects %j', (text) => {
    expect(parseFeedDate(text)).toBeNull();
  });

  it('reads back every instant written as RFC 822 (toUTCString) or ISO 8601', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(parseFeedDate(seconds.toUTCString())).toBe(seconds.toISOString());
        expect(parseFeedDate(date.toISOString())).toBe(date.toISOString());
      }),
      { numRuns: 500 },
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => void parseFeedDate(text)), { numRuns: 500 });
  });
});
