/**
 * XML text for CAP and Atom documents. Message texts come from staff but may hold anything a
 * browser can paste: the five special characters are escaped, and characters XML 1.0 cannot carry
 * at all (control characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) are
 * dropped, since no escape exists for them.
 */
export function xmlText(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// eslint-disable-next-line no-control-regex -- matching exactly the control characters XML forbids
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(value: string): string {
  return value.replace(INVALID_XML, '');
}

/** `<name>text</name>`, or nothing when the value is absent. */
export function element(name: string, value: string | undefined | null, indent = ''): string {
  return value === undefined || value === null ? '' : `${indent}<${name}>${xmlText(value)}</${name}>\n`;
}
