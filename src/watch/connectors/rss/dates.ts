const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Dutch abbreviations: some Dutch sites localise pubDate although RFC 822 says English.
  mrt: 3, mei: 5, okt: 10, maa: 3,
};

const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120, met: 60, mest: 120, wet: 0, west: 60, bst: 60,
};

const RFC822 = /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A feed date (RFC 822 as in RSS pubDate, ISO 8601 / RFC 3339 as in Atom and dc:date) as an ISO
 * string in UTC; null when the text is not a valid date. Strict about ranges: Date.parse's
 * leniency would turn garbage into plausible dates. A date without a zone is read as UTC.
 */
export function parseFeedDate(text: string | undefined): string | null {
  if (text === undefined) return null;
  const s = text.trim();
  if (s.length > 64) return null;
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone = 'Z'] = iso;
    return build(+y!, +mo!, +d!, +h, +mi, +sec, Math.round(Number(`0.${frac || '0'}`) * 1000), isoOffset(zone));
  }
  const rfc = RFC822.exec(s);
  if (rfc) {
    const [, d, monthName, yearText, h, mi, sec = '0', zone = 'GMT'] = rfc;
    const month = MONTHS[monthName!.slice(0, 3).toLowerCase()] ?? MONTHS[monthName!.toLowerCase()];
    const offset = rfcOffset(zone);
    if (month === undefined || offset === null) return null;
    let year = +yearText!;
    if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
    else if (yearText!.length === 3) return null;
    return build(year, month, +d!, +h!, +mi!, +sec, 0, offset);
  }
  return null;
}

function isoOffset(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function rfcOffset(zone: string): number | null {
  if (/^[+-]/.test(zone)) {
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    return minutes > 14 * 60 ? null : (zone[0] === '-' ? -1 : 1) * minutes;
  }
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  // RFC 822 military zones are unreliable (RFC 1123 §5.2.14 says treat them as +0000).
  return zone.length === 1 ? 0 : null;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMinutes: number): string | null {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  if (Math.abs(offsetMinutes) > 14 * 60) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}
