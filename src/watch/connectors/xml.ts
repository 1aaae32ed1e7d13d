import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element with its namespace resolved; the tree the feed and CAP parsers read. */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI; '' when the element has none. */
  ns: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

export interface XmlAttribute {
  name: string;
  ns: string;
  value: string;
}

export type XmlNode = XmlElement | string;

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; reason: string };

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Longest document parsed (in characters); the HTTP layer limits bytes before this. */
export const MAX_XML_CHARS = 10 * 1024 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // A '<' prefix keeps element names such as __proto__ or constructor from being object keys the
  // parser refuses; the prefix is stripped again when the tree is built.
  transformTagName: (name) => `<${name}`,
  cdataPropName: '#cdata',
  // Entities are decoded here (decodeXmlEntities): the library leaves numeric references as they are.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 100,
});

/**
 * Parses an XML document into a namespace-resolved tree; never throws. A document with a DOCTYPE
 * or any other markup declaration (ENTITY, ELEMENT, ATTLIST, NOTATION) is refused outright: that
 * rules out external entities (XXE), remote DTDs and entity expansion ("billion laughs") without
 * relying on the parser's settings. Nothing is ever fetched or resolved.
 */
export function parseXml(text: string): XmlParseResult {
  if (text.length > MAX_XML_CHARS) return { ok: false, reason: `document longer than ${MAX_XML_CHARS} characters` };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const declaration = findMarkupDeclaration(source);
  if (declaration) return { ok: false, reason: declaration };
  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(source);
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${messageOf(error)}` };
  }
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    return { ok: false, reason: `malformed XML at line ${line}${col ? `, column ${col}` : ''}: ${msg}` };
  }
  let nodes: unknown;
  try {
    nodes = parser.parse(source);
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${messageOf(error)}` };
  }
  const elements = Array.isArray(nodes) ? nodes.map((n) => toNode(n, new Map([['xml', XML_NS]]))).filter(isElement) : [];
  const root = elements[0];
  if (!root) return { ok: false, reason: 'malformed XML: no root element' };
  if (elements.length > 1) return { ok: false, reason: `malformed XML: more than one root element (<${root.name}>, <${elements[1]!.name}>)` };
  return { ok: true, root };
}

/**
 * The first markup declaration outside comments and CDATA, described as a rejection reason; null
 * when there is none. Linear in the length of the document.
 */
function findMarkupDeclaration(text: string): string | null {
  let at = 0;
  for (;;) {
    const i = text.indexOf('<!', at);
    if (i < 0) return null;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return null; // unterminated: the validator reports it
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) return null;
      at = end + 3;
    } else {
      const keyword = /^<!([A-Za-z]*)/.exec(text.slice(i, i + 20))?.[1] ?? '';
      const line = lineAt(text, i);
      const what = keyword.toUpperCase() === 'DOCTYPE' ? 'a DOCTYPE declaration' : `a markup declaration <!${keyword}`;
      return `refused: the document contains ${what} at line ${line}; documents with a DTD or entity declarations are not accepted, to rule out XML external entity (XXE) and entity-expansion attacks (nothing was resolved)`;
    }
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

type Scope = ReadonlyMap<string, string>;

function toNode(raw: unknown, scope: Scope): XmlNode | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  if ('#text' in record) return decodeXmlEntities(textValue(record['#text']));
  if ('#cdata' in record) {
    const parts = record['#cdata'];
    return Array.isArray(parts) ? parts.map((p) => textValue((p as Record<string, unknown>)['#text'])).join('') : '';
  }
  const key = Object.keys(record).find((k) => k !== ':@');
  if (key === undefined) return null;
  const qname = key.replace(/^<+/, '');
  const rawAttributes = (record[':@'] ?? {}) as Record<string, unknown>;
  const declared = new Map(scope);
  const attributes: { qname: string; value: string }[] = [];
  for (const [name, value] of Object.entries(rawAttributes)) {
    const attribute = name.slice(1);
    const decoded = decodeXmlEntities(textValue(value));
    if (attribute === 'xmlns') declared.set('', decoded);
    else if (attribute.startsWith('xmlns:')) declared.set(attribute.slice(6), decoded);
    else attributes.push({ qname: attribute, value: decoded });
  }
  const [prefix, name] = splitName(qname);
  const children = record[key];
  return {
    name,
    ns: resolve(declared, prefix),
    // Unprefixed attributes belong to no namespace (Namespaces in XML §6.2).
    attributes: attributes.map((a) => {
      const [p, local] = splitName(a.qname);
      return { name: local, ns: p === '' ? '' : resolve(declared, p), value: a.value };
    }),
    children: Array.isArray(children) ? children.map((c) => toNode(c, declared)).filter((c): c is XmlNode => c !== null) : [],
  };
}

function textValue(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function splitName(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

function resolve(scope: Scope, prefix: string): string {
  const uri = scope.get(prefix);
  if (uri !== undefined) return uri;
  return prefix === '' ? '' : `urn:undeclared-prefix:${prefix}`;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references; anything else (an undeclared
 * entity) stays as written. Invalid code points become U+FFFD.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g, (whole, body: string) => {
    if (body[0] !== '#') return PREDEFINED[body] ?? whole;
    const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return isXmlChar(code) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

export function isElement(node: XmlNode | null | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** Child elements with this local name (and namespace, when given). */
export function childElements(element: XmlElement, name?: string, ns?: string | readonly string[]): XmlElement[] {
  return element.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name) && nsMatches(c.ns, ns));
}

export function childElement(element: XmlElement, name: string, ns?: string | readonly string[]): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => isElement(c) && c.name === name && nsMatches(c.ns, ns));
}

function nsMatches(actual: string, wanted: string | readonly string[] | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? actual === wanted : wanted.includes(actual);
}

/** The value of an attribute by local name; unprefixed attributes unless `ns` is given. */
export function attribute(element: XmlElement, name: string, ns = ''): string | undefined {
  return element.attributes.find((a) => a.name === name && a.ns === ns)?.value;
}

/** The text directly inside the element (not of its child elements). */
export function ownText(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}

/** All text inside the element, its descendants' included, in document order. */
export function allText(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : allText(c))).join('');
}

/** The trimmed text of a child element, or undefined when the child is absent or empty. */
export function childText(element: XmlElement, name: string, ns?: string | readonly string[]): string | undefined {
  const child = childElement(element, name, ns);
  const text = child ? allText(child).trim() : '';
  return text === '' ? undefined : text;
}

/**
 * Decodes the bytes of an XML document to text (RFC 7303 order: byte-order mark, then the HTTP
 * charset, then the XML declaration, then UTF-8). Unknown encodings fall back to UTF-8.
 */
export function decodeXmlBytes(bytes: Uint8Array, httpCharset?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  if (httpCharset) return decodeAs(bytes, httpCharset);
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  return decodeAs(bytes, declared ?? 'utf-8');
}

function decodeAs(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder(label.trim().toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
