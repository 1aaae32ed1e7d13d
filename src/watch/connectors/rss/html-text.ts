/**
 * HTML to plain text for feed summaries: tags dropped, script/style content dropped, block
 * elements become line breaks, entities decoded. A hand-written linear scanner, not a regular
 * expression over the whole input, so that hostile markup cannot make it slow; the result is text
 * only and is never rendered as HTML.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const lower = html.toLowerCase();
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      out.push(html.slice(at));
      break;
    }
    out.push(html.slice(at, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9:-]{0,30})/.exec(html.slice(lt, lt + 34));
    if (!tag && !html.startsWith('<!', lt) && !html.startsWith('<?', lt)) {
      out.push('<');
      at = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // An unterminated tag: the rest is text. Stopping here keeps the scan linear.
      out.push(html.slice(lt));
      break;
    }
    at = gt + 1;
    const name = tag?.[2]?.toLowerCase() ?? '';
    if (!tag?.[1] && (name === 'script' || name === 'style' || name === 'template')) {
      const close = lower.indexOf(`</${name}`, at);
      at = close < 0 ? html.length : (html.indexOf('>', close) + 1 || html.length);
      continue;
    }
    if (BLOCK.has(name)) out.push('\n');
    else if (name === 'td' || name === 'th' || name === 'img') out.push(' ');
  }
  return tidyText(decodeHtmlEntities(out.join('')));
}

const BLOCK = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'dd', 'dt']);

/** Collapses spaces within lines and blank lines between paragraphs; trims. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// The entities feeds actually use: markup, typography, and the accented letters of Dutch,
// French and German. Unknown names are left as written.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', bull: '•', middot: '·', euro: '€', pound: '£', copy: '©', reg: '®', trade: '™', deg: '°',
  times: '×', divide: '÷', para: '¶', sect: '§', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ', iexcl: '¡', iquest: '¿',
  zwj: '\u200d', zwnj: '\u200c', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
};
const COMBINING: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030a', cedil: '\u0327' };
for (const [letter, marks] of Object.entries({ a: 'grave acute circ tilde uml ring', e: 'grave acute circ uml', i: 'grave acute circ uml', o: 'grave acute circ tilde uml', u: 'grave acute circ uml', y: 'acute uml', n: 'tilde', c: 'cedil' })) {
  for (const mark of marks.split(' ')) {
    const composed = `${letter}${COMBINING[mark]}`.normalize('NFC');
    NAMED[`${letter}${mark}`] = composed;
    NAMED[`${letter.toUpperCase()}${mark}`] = composed.toUpperCase();
  }
}
Object.assign(NAMED, { szlig: 'ß', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', eth: 'ð', thorn: 'þ', ijlig: 'ĳ', IJlig: 'Ĳ' });

/** Decodes named (common set), decimal and hexadecimal character references. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? whole;
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(code);
  });
}
