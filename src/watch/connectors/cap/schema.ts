import { isElement, type XmlElement } from '../xml.ts';

/**
 * The structure of a CAP 1.2 alert as the OASIS schema (cap12.xsd) declares it: each element
 * an ordered sequence of children with their cardinality and value type. The validator below
 * checks a document against it and names the first violation precisely.
 */
type ValueType =
  | { kind: 'string' }
  | { kind: 'id' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'dateTime' }
  | { kind: 'decimal' }
  | { kind: 'integer' }
  | { kind: 'language' }
  | { kind: 'anyURI' };

interface ElementSpec {
  name: string;
  min: 0 | 1;
  max: number;
  value?: ValueType;
  children?: readonly ElementSpec[];
}

export const CAP_NAMESPACES = ['urn:oasis:names:tc:emergency:cap:1.2', 'urn:oasis:names:tc:emergency:cap:1.1'] as const;
const XMLDSIG = 'http://www.w3.org/2000/09/xmldsig#';

const str = { kind: 'string' } as const;
const enumOf = (...values: string[]): ValueType => ({ kind: 'enum', values });
const one = (name: string, value: ValueType = str): ElementSpec => ({ name, min: 1, max: 1, value });
const opt = (name: string, value: ValueType = str): ElementSpec => ({ name, min: 0, max: 1, value });
const many = (name: string, min: 0 | 1, value: ValueType = str): ElementSpec => ({ name, min, max: Infinity, value });
const pairs = (name: string): ElementSpec => ({ name, min: 0, max: Infinity, children: [one('valueName'), one('value')] });
const dateTime = { kind: 'dateTime' } as const;

export const STATUS = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const MSG_TYPE = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;

const AREA: readonly ElementSpec[] = [one('areaDesc'), many('polygon', 0), many('circle', 0), pairs('geocode'), opt('altitude', { kind: 'decimal' }), opt('ceiling', { kind: 'decimal' })];

const RESOURCE: readonly ElementSpec[] = [one('resourceDesc'), one('mimeType'), opt('size', { kind: 'integer' }), opt('uri', { kind: 'anyURI' }), opt('derefUri'), opt('digest')];

const INFO: readonly ElementSpec[] = [
  opt('language', { kind: 'language' }),
  many('category', 1, enumOf('Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other')),
  one('event'),
  many('responseType', 0, enumOf('Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None')),
  one('urgency', enumOf('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
  one('severity', enumOf('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
  one('certainty', enumOf('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
  opt('audience'),
  pairs('eventCode'),
  opt('effective', dateTime),
  opt('onset', dateTime),
  opt('expires', dateTime),
  opt('senderName'),
  opt('headline'),
  opt('description'),
  opt('instruction'),
  opt('web', { kind: 'anyURI' }),
  opt('contact'),
  pairs('parameter'),
  { name: 'resource', min: 0, max: Infinity, children: RESOURCE },
  { name: 'area', min: 0, max: Infinity, children: AREA },
];

const ALERT: readonly ElementSpec[] = [
  one('identifier', { kind: 'id' }),
  one('sender', { kind: 'id' }),
  one('sent', dateTime),
  one('status', enumOf(...STATUS)),
  one('msgType', enumOf(...MSG_TYPE)),
  opt('source'),
  one('scope', enumOf('Public', 'Restricted', 'Private')),
  opt('restriction'),
  opt('addresses'),
  many('code', 0),
  opt('note'),
  opt('references'),
  opt('incidents'),
  { name: 'info', min: 0, max: Infinity, children: INFO },
];

export type CapValidation = { ok: true } | { ok: false; reason: string };

/** CAP's dateTime: the xs:dateTime pattern of cap12.xsd (no "Z", no fractions), and a real date. */
export const CAP_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})[-+](\d{2}):(\d{2})$/;

/**
 * Validates an <alert> against the CAP 1.2 schema (elements, order, cardinality, enumerations,
 * dates); the reason names the element path and what is wrong. CAP 1.1 documents are checked
 * against the same structure, which 1.2 only extended. Beyond the schema, identifier and sender
 * must be non-empty and free of spaces and commas (CAP 1.2 §3.2.1), because references depend on it.
 */
export function validateCapAlert(alert: XmlElement): CapValidation {
  if (alert.name !== 'alert' || !(CAP_NAMESPACES as readonly string[]).includes(alert.ns)) {
    const hint = alert.name === 'alert' ? ` (namespace "${alert.ns}"; CAP 1.2 or 1.1 expected)` : '';
    return { ok: false, reason: `not a CAP alert: the root element is <${alert.name}>${hint}` };
  }
  return validateChildren(alert, ALERT, 'alert', alert.ns);
}

function validateChildren(element: XmlElement, specs: readonly ElementSpec[], path: string, ns: string): CapValidation {
  if (element.children.some((c) => typeof c === 'string' && c.trim() !== '')) return fail(path, 'contains text between its elements; only elements are allowed here');
  const elements = element.children.filter(isElement).filter((c) => !(path === 'alert' && c.ns === XMLDSIG));
  let i = 0;
  let last: string | undefined;
  for (let s = 0; s < specs.length; s++) {
    const spec = specs[s]!;
    let count = 0;
    while (i < elements.length && count < spec.max && elements[i]!.name === spec.name && elements[i]!.ns === ns) {
      count += 1;
      const childPath = spec.max > 1 ? `${path}/${spec.name}[${count}]` : `${path}/${spec.name}`;
      const verdict = spec.children ? validateChildren(elements[i]!, spec.children, childPath, ns) : validateValue(elements[i]!, spec.value ?? str, childPath);
      if (!verdict.ok) return verdict;
      last = spec.name;
      i += 1;
    }
    if (count < spec.min) {
      const found = elements[i];
      if (found && !isKnown(found, specs, ns)) return unexpected(found, path, ns);
      const where = [last ? `after <${last}>` : '', found ? `found <${found.name}>` : `found nothing more in <${element.name}>`].filter((w) => w !== '');
      const after = ` (${where.join(', ')})`;
      return fail(path, `required element <${spec.name}> is missing${after}`);
    }
  }
  const extra = elements[i];
  if (!extra) return { ok: true };
  if (!isKnown(extra, specs, ns)) return unexpected(extra, path, ns);
  const position = specs.findIndex((sp) => sp.name === extra.name);
  const spec = specs[position]!;
  const twice = elements.filter((e) => e.name === extra.name && e.ns === ns).length > spec.max;
  if (twice) return fail(path, `element <${extra.name}> may appear only once`);
  const next = specs.slice(position + 1).find((sp) => elements.slice(0, i).some((e) => e.name === sp.name));
  return fail(path, `element <${extra.name}> is out of order${next ? `: it must come before <${next.name}>` : ''}`);
}

function isKnown(element: XmlElement, specs: readonly ElementSpec[], ns: string): boolean {
  return element.ns === ns && specs.some((s) => s.name === element.name);
}

function unexpected(element: XmlElement, path: string, ns: string): CapValidation {
  if (element.ns !== ns) return fail(path, `element <${element.name}> of namespace "${element.ns}" is not allowed here`);
  return fail(path, `unknown element <${element.name}>`);
}

function validateValue(element: XmlElement, type: ValueType, path: string): CapValidation {
  if (element.children.some(isElement)) return fail(path, 'must contain text, not elements');
  const value = element.children.filter((c): c is string => typeof c === 'string').join('').trim();
  switch (type.kind) {
    case 'string':
      return { ok: true };
    case 'id':
      if (value === '') return fail(path, 'must not be empty');
      return /[\s,<&]/.test(value) ? fail(path, `"${clip(value)}" must not contain spaces, commas, "<" or "&"`) : { ok: true };
    case 'enum':
      return type.values.includes(value) ? { ok: true } : fail(path, `"${clip(value)}" is not one of ${type.values.join(', ')}`);
    case 'dateTime':
      return isCapDateTime(value) ? { ok: true } : fail(path, `"${clip(value)}" is not a CAP date-time such as 2026-07-04T21:30:00+02:00 (no "Z", no fractional seconds)`);
    case 'decimal':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? { ok: true } : fail(path, `"${clip(value)}" is not a decimal number`);
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? { ok: true } : fail(path, `"${clip(value)}" is not an integer`);
    case 'language':
      // An empty <language/> takes the schema's default, en-US.
      return value === '' || /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(value) ? { ok: true } : fail(path, `"${clip(value)}" is not a language tag such as nl-NL`);
    case 'anyURI':
      return isAnyUri(value) ? { ok: true } : fail(path, `"${clip(value)}" is not a URI reference`);
  }
}

/** Whether a value matches CAP's dateTime pattern and names a real instant (xs:dateTime's ranges). */
export function isCapDateTime(value: string): boolean {
  const m = CAP_DATE_TIME.exec(value);
  if (!m) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, oh = 0, om = 0] = m.slice(1).map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return y >= 1 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 59 && om <= 59 && oh * 60 + om <= 14 * 60;
}

const PCHAR = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})`;
const PATH = new RegExp(String.raw`^(?:${PCHAR}|/)*$`);
const QUERY = new RegExp(String.raw`^(?:${PCHAR}|[/?])*$`);
const USERINFO = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/;
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/**
 * xs:anyURI as libxml2 checks it: characters a URI may not hold literally (spaces, non-ASCII,
 * quotes…) are tolerated, then the value must be an RFC 3986 URI reference. Parsed in steps, not
 * with one regular expression, so that long values cannot make it slow.
 */
export function isAnyUri(raw: string): boolean {
  // eslint-disable-next-line no-control-regex
  const value = raw.replace(/[\u0000-\u001f\u007f-\uffff <>"{}|\\^`']/g, '_');
  const hash = value.indexOf('#');
  if (hash >= 0 && !QUERY.test(value.slice(hash + 1))) return false;
  const beforeFragment = hash >= 0 ? value.slice(0, hash) : value;
  const question = beforeFragment.indexOf('?');
  if (question >= 0 && !QUERY.test(beforeFragment.slice(question + 1))) return false;
  let rest = question >= 0 ? beforeFragment.slice(0, question) : beforeFragment;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    const path = slash < 0 ? '' : rest.slice(slash);
    const at = authority.indexOf('@');
    if (at >= 0 && !USERINFO.test(authority.slice(0, at))) return false;
    const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
    const host = hostPort.startsWith('[') ? /^\[[0-9A-Za-z:.\-_~!$&'()*+,;=]+\](?::\d*)?$/.test(hostPort) : REG_NAME.test(hostPort.replace(/:\d*$/, ''));
    return host && PATH.test(path);
  }
  // A relative reference's first segment may not contain a colon (it would read as a scheme).
  if (!scheme && /^[^/]*:/.test(rest)) return false;
  return PATH.test(rest);
}

function fail(path: string, problem: string): CapValidation {
  return { ok: false, reason: `${path}: ${problem}` };
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
