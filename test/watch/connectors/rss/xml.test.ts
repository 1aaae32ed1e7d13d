import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allText, attribute, childElement, decodeXmlBytes, parseXml, XML_NS, type XmlElement } from '#watch/connectors/xml.ts';

function root(text: string): XmlElement {
  const result = parseXml(text);
  if (!result.ok) throw new Error(result.reason);
  return result.root;
}

describe('parseXml', () => {
  it('resolves namespaces of elements and prefixed attributes; unprefixed attributes have none', () => {
    const doc = root('<a:feed xmlns:a="urn:a" xmlns="urn:d" x="1" a:y="2"><t xml:lang="nl">x</t><a:u/></a:feed>');
    expect(doc).toMatchObject({ name: 'feed', ns: 'urn:a' });
    expect(attribute(doc, 'x')).toBe('1');
    expect(attribute(doc, 'y', 'urn:a')).toBe('2');
    expect(attribute(childElement(doc, 't', 'urn:d')!, 'lang', XML_NS)).toBe('nl');
    expect(childElement(doc, 'u', 'urn:a')).toBeDefined();
  });

  it('decodes predefined entities and character references once, and keeps CDATA literal', () => {
    const doc = root('<a b="&lt;&#233;&amp;amp;">x &amp; &lt;y&gt; caf&#233; &#x1F525; &amp;lt; &nbsp;<c><![CDATA[<p>&amp;</p>]]></c></a>');
    expect(attribute(doc, 'b')).toBe('<é&amp;');
    expect(doc.children[0]).toBe('x & <y> café 🔥 &lt; &nbsp;');
    expect(allText(childElement(doc, 'c')!)).toBe('<p>&amp;</p>');
  });

  it('takes element names that are JavaScript property names in its stride', () => {
    const doc = root('<r><__proto__>1</__proto__><constructor a="1"/><toString/><prototype>2</prototype></r>');
    expect(doc.children.map((c) => (typeof c === 'string' ? c : c.name))).toEqual(['__proto__', 'constructor', 'toString', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses any DTD or entity declaration, naming the line, without resolving anything', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>';
    const result = parseXml(xxe);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/DOCTYPE declaration at line 2.*XML external entity \(XXE\)/) });
    expect(parseXml('<r><!ENTITY x "y"></r>')).toEqual({ ok: false, reason: expect.stringMatching(/markup declaration <!ENTITY at line 1/) });
    // The same text inside a comment or CDATA is harmless and accepted.
    expect(parseXml('<r><!-- <!DOCTYPE x> --><![CDATA[<!DOCTYPE html>]]></r>').ok).toBe(true);
  });

  it('reports malformed documents with line and column', () => {
    expect(parseXml('<a>\n<b></a>')).toEqual({ ok: false, reason: expect.stringMatching(/^malformed XML at line 2, column \d+: Expected closing tag 'b'/) });
    expect(parseXml('')).toEqual({ ok: false, reason: expect.stringMatching(/^malformed XML/) });
    expect(parseXml('<a/><b/>')).toEqual({ ok: false, reason: expect.stringMatching(/more than one root element/) });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseXml(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on XML-ish input built from markup fragments', () => {
    const fragment = fc.constantFrom('<a>', '</a>', '<b x="1">', '</b>', '<c/>', '&amp;', '&#0;', '&#xD800;', '&bogus;', '<![CDATA[', ']]>', '<!--', '-->', '<?pi x?>', '<!DOCTYPE', '<!ENTITY', 'xmlns:p="u"', '<p:q>', '</p:q>', '<__proto__>', '</__proto__>', 'text', ' ', '"', "'", '=', '>', '<');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const result = parseXml(parts.join(''));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('parses any well-formed tree it is given, text intact', () => {
    // eslint-disable-next-line no-control-regex
    const text = fc.string({ maxLength: 20 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s) && !/[\ud800-\udfff]/.test(s));
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 10 }), (texts) => {
        const doc = root(`<r>${texts.map((t, i) => `<e${i % 3}>${escape(t)}</e${i % 3}>`).join('')}</r>`);
        expect(doc.children.map((c) => (typeof c === 'string' ? c : allText(c)))).toEqual(texts.map((t) => t.replace(/\r\n?/g, '\n')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeXmlBytes', () => {
  it('honours the byte-order mark, then the HTTP charset, then the XML declaration', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\u00e9</a>', 'latin1');
    expect(decodeXmlBytes(latin1)).toContain('café');
    expect(decodeXmlBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>é</a>')]))).toBe('<a>é</a>');
    expect(decodeXmlBytes(Buffer.from('<a>é</a>', 'latin1'), 'iso-8859-1')).toBe('<a>é</a>');
    expect(decodeXmlBytes(Buffer.from('<a>é</a>'), 'no-such-charset')).toBe('<a>é</a>');
  });
});
