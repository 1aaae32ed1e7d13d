const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  copy: '©',
};

/** Elements whose end (or start) is a line break in the text. */
const BLOCK = new Set(['p', 'div', 'blockquote', 'li', 'ul', 'ol', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article']);
/** Elements whose content is never text. */
const SKIP = new Set(['script', 'style', 'template', 'head', 'title', 'noscript']);

/** Decodes character references (`&amp;`, `&#39;`, `&#x1F600;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z]{2,10});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The `>` that ends the tag starting before `from`, skipping quoted attribute values; -1 if none. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/**
 * The plain text of a status's HTML content (Mastodon sends HTML, sanitised by the origin server
 * but not by us). One linear pass: tags are dropped, `<br>` becomes a newline, paragraphs and
 * other blocks become blank lines, script-like elements are dropped with their content, and
 * character references are decoded. The result holds no markup from the input; a `<` in it was
 * written as `&lt;` by the author.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) {
      parts.push(decodeEntities(html.slice(i)));
      break;
    }
    const next = html[open + 1] ?? '';
    if (!/[A-Za-z/!?]/.test(next)) {
      // A lone `<` (as in "a < b") is text in HTML.
      parts.push(decodeEntities(html.slice(i, open + 1)));
      i = open + 1;
      continue;
    }
    parts.push(decodeEntities(html.slice(i, open)));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const close = tagEnd(html, open + 1);
    if (close === -1) break; // an unfinished tag runs to the end: nothing after it is text
    const name = /^\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(open + 1, Math.min(close, open + 40)))?.[1]?.toLowerCase() ?? '';
    const closing = next === '/';
    i = close + 1;
    if (name === 'br') parts.push('\n');
    else if (BLOCK.has(name)) parts.push('\n\n');
    else if (SKIP.has(name) && !closing) {
      const end = lower.indexOf(`</${name}`, i);
      const endClose = end === -1 ? -1 : html.indexOf('>', end);
      i = endClose === -1 ? html.length : endClose + 1;
    }
  }
  return parts
    .join('')
    .replace(/[ \t\f\v\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
