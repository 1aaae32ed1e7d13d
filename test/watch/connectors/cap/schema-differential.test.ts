import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCapDocument } from '#watch/connectors/cap/parse.ts';
import { xmllintVerdictsOfTexts } from './xmllint.ts';

/**
 * Differential test: generated CAP 1.2 alerts, valid or damaged in the ways real feeds damage
 * them (missing, repeated, reordered and unknown elements, bad enumerations, dates, numbers and
 * language tags, stray text), must get the same verdict from our validator as from xmllint with
 * the OASIS schema.
 */

interface Node {
  name: string;
  text?: string;
  children?: Node[];
}

const leaf = (name: string, text: fc.Arbitrary<string>) => text.map((t): Node => ({ name, text: t }));
const optional = (node: fc.Arbitrary<Node>) => fc.option(node, { nil: undefined });
const repeat = (node: fc.Arbitrary<Node>, min: number, max: number) => fc.array(node, { minLength: min, maxLength: max });
const group = (name: string, parts: fc.Arbitrary<(Node | Node[] | undefined)[]>) =>
  parts.map((list): Node => ({ name, children: list.flat().filter((n): n is Node => n !== undefined) }));

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .'()-]{0,15}$/).map((s) => s.trim() || 'x');
const id = fc.stringMatching(/^[A-Za-z0-9._:@/-]{1,24}$/);
const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const capDate = fc
  .tuple(fc.integer({ min: 1900, max: 2100 }), two(1, 12), two(1, 28), two(0, 23), two(0, 59), two(0, 59), fc.constantFrom('+00:00', '-00:00', '+02:00', '-05:00', '+14:00', '-12:00', '+05:30'))
  .map(([y, mo, d, h, mi, s, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
const decimal = fc.double({ min: -1000, max: 1000, noNaN: true }).map((n) => n.toFixed(2));
const pair = (name: string) => group(name, fc.tuple(leaf('valueName', word), leaf('value', word)));
const oneOf = (...values: string[]) => fc.constantFrom(...values);

const area = group('area', fc.tuple(leaf('areaDesc', word), optional(leaf('polygon', fc.constant('52.1,5.1 52.2,5.1 52.2,5.2 52.1,5.1'))), optional(leaf('circle', fc.constant('52.09,5.12 2.5'))), optional(pair('geocode')), optional(leaf('altitude', decimal)), optional(leaf('ceiling', decimal))));
const resource = group('resource', fc.tuple(leaf('resourceDesc', word), leaf('mimeType', oneOf('image/jpeg', 'text/html')), optional(leaf('size', fc.nat().map(String))), optional(leaf('uri', fc.constant('https://example.nl/a.jpg')))));
const info = group(
  'info',
  fc.tuple(
    optional(leaf('language', oneOf('nl-NL', 'en', 'fr-CA', 'de'))),
    repeat(leaf('category', oneOf('Geo', 'Met', 'Safety', 'Fire', 'Health', 'CBRNE', 'Other')), 1, 2),
    leaf('event', word),
    repeat(leaf('responseType', oneOf('Shelter', 'Evacuate', 'AllClear', 'None')), 0, 2),
    leaf('urgency', oneOf('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
    leaf('severity', oneOf('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
    leaf('certainty', oneOf('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
    optional(leaf('audience', word)),
    repeat(pair('eventCode'), 0, 1),
    optional(leaf('effective', capDate)),
    optional(leaf('onset', capDate)),
    optional(leaf('expires', capDate)),
    optional(leaf('senderName', word)),
    optional(leaf('headline', word)),
    optional(leaf('description', word)),
    optional(leaf('instruction', word)),
    optional(leaf('web', fc.constant('https://example.nl/'))),
    optional(leaf('contact', word)),
    repeat(pair('parameter'), 0, 1),
    repeat(resource, 0, 1),
    repeat(area, 0, 2),
  ),
);
const alert = group(
  'alert',
  fc.tuple(
    leaf('identifier', id),
    leaf('sender', id),
    leaf('sent', capDate),
    leaf('status', oneOf('Actual', 'Exercise', 'System', 'Test', 'Draft')),
    leaf('msgType', oneOf('Alert', 'Update', 'Cancel', 'Ack', 'Error')),
    optional(leaf('source', word)),
    leaf('scope', oneOf('Public', 'Restricted', 'Private')),
    optional(leaf('restriction', word)),
    optional(leaf('addresses', word)),
    repeat(leaf('code', word), 0, 2),
    optional(leaf('note', word)),
    optional(leaf('references', fc.constant('a@b.nl,x-1,2026-07-04T21:00:00+02:00'))),
    optional(leaf('incidents', word)),
    repeat(info, 0, 2),
  ),
);

const BAD_VALUES = ['', 'Bogus', 'actual', '2026-07-04T21:30:00Z', '2026-07-04T21:30:00.5+02:00', '2026-02-30T10:00:00+01:00', '2026-07-04T21:30:00+14:30', '0000-01-01T00:00:00+00:00', '12.5', 'abc', '-3', 'nl_NL', 'x-y-z'];
// Identifier and sender are checked more strictly than the schema does (no spaces or commas), by design.
const STRICTER = new Set(['identifier', 'sender']);

type Edit = (tree: Node) => void;

/** Every single edit of a tree: remove, repeat, swap, corrupt, wrap, or insert before each element. */
function singleEdits(tree: Node): Edit[] {
  const edits: Edit[] = [];
  const visit = (path: number[], node: Node) => {
    if (!node.children) return;
    node.children.forEach((child, i) => {
      const at = (t: Node) => path.reduce((n, k) => n.children![k]!, t).children!;
      edits.push((t) => void at(t).splice(i, 1));
      edits.push((t) => void at(t).splice(i, 0, structuredClone(at(t)[i]!)));
      edits.push((t) => void at(t).splice(i, 0, { name: 'bogus', text: 'x' }));
      edits.push((t) => void at(t).splice(i, 0, { name: '#text', text: 'stray' }));
      if (i + 1 < node.children!.length) edits.push((t) => void at(t).splice(i, 2, at(t)[i + 1]!, at(t)[i]!));
      if (child.text !== undefined) {
        edits.push((t) => void (at(t)[i]!.children = [{ name: 'b', text: 'x' }]));
        if (!STRICTER.has(child.name)) for (const bad of BAD_VALUES) edits.push((t) => void (at(t)[i]!.text = bad));
      }
      visit([...path, i], child);
    });
  };
  visit([], tree);
  return edits;
}

/** An alert with every element of the schema present once (lists twice where the schema allows). */
function fullAlert(): Node {
  const l = (name: string, text: string): Node => ({ name, text });
  const g = (name: string, ...children: Node[]): Node => ({ name, children });
  const p = (name: string) => g(name, l('valueName', 'SAME'), l('value', 'FIR'));
  return g(
    'alert',
    l('identifier', 'VRU-2026-1'), l('sender', 'vru@example.nl'), l('sent', '2026-07-04T21:30:00+02:00'), l('status', 'Actual'), l('msgType', 'Update'),
    l('source', 'meldkamer'), l('scope', 'Restricted'), l('restriction', 'hulpdiensten'), l('addresses', 'a b'), l('code', 'NL-1'), l('code', 'NL-2'),
    l('note', 'n'), l('references', 'vru@example.nl,VRU-2026-0,2026-07-04T21:00:00+02:00'), l('incidents', 'i1'),
    g(
      'info',
      l('language', 'nl-NL'), l('category', 'Fire'), l('category', 'Safety'), l('event', 'Brand'), l('responseType', 'Shelter'), l('urgency', 'Immediate'),
      l('severity', 'Severe'), l('certainty', 'Observed'), l('audience', 'iedereen'), p('eventCode'), l('effective', '2026-07-04T21:30:00+02:00'),
      l('onset', '2026-07-04T21:30:00+02:00'), l('expires', '2026-07-05T01:00:00+02:00'), l('senderName', 'VRU'), l('headline', 'Brand'),
      l('description', 'Rook'), l('instruction', 'Ramen dicht'), l('web', 'https://example.nl/'), l('contact', '112'), p('parameter'),
      g('resource', l('resourceDesc', 'kaart'), l('mimeType', 'image/png'), l('size', '100'), l('uri', 'https://example.nl/k.png'), l('derefUri', 'AA=='), l('digest', 'x')),
      g('area', l('areaDesc', 'Lombok'), l('polygon', '52.1,5.1 52.2,5.1 52.2,5.2 52.1,5.1'), l('circle', '52.09,5.12 2.5'), p('geocode'), l('altitude', '0'), l('ceiling', '100.5')),
    ),
  );
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function serialise(node: Node, indent = false): string {
  if (node.name === '#text') return escape(node.text ?? '');
  const inner = node.children ? node.children.map((c) => serialise(c, indent)).join(indent ? '\n  ' : '') : escape(node.text ?? '');
  return `<${node.name}>${inner}</${node.name}>`;
}

function document(tree: Node, indent = false): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(tree, indent).replace(/^<alert>/, '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">')}`;
}

/** Documents on which the two validators disagree, with our reason. */
function disagreements(docs: string[]): { doc: string; ours: boolean; reason: string | null }[] {
  const theirs = xmllintVerdictsOfTexts(docs);
  return docs.flatMap((doc, i) => {
    const ours = parseCapDocument(doc);
    return ours.ok === theirs[i] ? [] : [{ doc, ours: ours.ok, reason: ours.ok ? null : ours.reason }];
  });
}

describe('CAP validator versus xmllint with the OASIS CAP 1.2 schema', () => {
  it('agrees on a complete alert and on every single edit of it', () => {
    const base = fullAlert();
    const docs = [document(base), ...singleEdits(base).map((edit) => {
      const tree = structuredClone(base);
      edit(tree);
      return document(tree);
    })];
    expect(docs.length).toBeGreaterThan(500);
    expect(disagreements(docs).slice(0, 3)).toEqual([]);
  });

  it('agrees on generated alerts with random edits', () => {
    const seed = Date.now() % 1_000_000;
    const cases = fc.sample(fc.tuple(alert, fc.array(fc.nat(), { maxLength: 3 }), fc.boolean()), { numRuns: 400, seed });
    const docs = cases.map(([tree, picks, indent]) => {
      for (const pick of picks) {
        const edits = singleEdits(tree);
        if (edits.length > 0) edits[pick % edits.length]!(tree);
      }
      return document(tree, indent);
    });
    const accepted = docs.filter((d) => parseCapDocument(d).ok).length;
    expect({ seed, disagreements: disagreements(docs).slice(0, 3) }).toEqual({ seed, disagreements: [] });
    // Both verdicts were exercised, not just one.
    expect(accepted).toBeGreaterThan(40);
    expect(docs.length - accepted).toBeGreaterThan(40);
  });
});
