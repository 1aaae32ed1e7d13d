import { allText, childElements, parseXml, type XmlElement } from '../xml.ts';
import { parseCircle, parsePolygon, type CapCircle, type LatLon } from './geometry.ts';
import { validateCapAlert, type MSG_TYPE, type STATUS } from './schema.ts';

export interface CapPair {
  valueName: string;
  value: string;
}

export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

export interface CapArea {
  areaDesc: string;
  polygons: LatLon[][];
  circles: CapCircle[];
  geocodes: CapPair[];
}

export interface CapResource {
  resourceDesc: string;
  mimeType: string;
  uri: string | null;
}

export interface CapInfo {
  /** As written, default en-US (the schema's default). */
  language: string;
  categories: string[];
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  eventCodes: CapPair[];
  expires: string | null;
  senderName: string | null;
  headline: string | null;
  description: string | null;
  instruction: string | null;
  web: string | null;
  resources: CapResource[];
  areas: CapArea[];
}

/** A CAP alert (OASIS CAP 1.2), with the fields Waakzaam uses. */
export interface CapAlert {
  identifier: string;
  sender: string;
  /** As written (CAP form, e.g. 2026-07-04T21:30:00+02:00). */
  sent: string;
  status: (typeof STATUS)[number];
  msgType: (typeof MSG_TYPE)[number];
  scope: string;
  note: string | null;
  references: CapReference[];
  incidents: string[];
  infos: CapInfo[];
  /** Problems that do not invalidate the alert (an unreadable polygon, a malformed reference). */
  warnings: string[];
}

export type CapResult = { ok: true; alert: CapAlert } | { ok: false; reason: string };

/** Parses and validates a CAP document; never throws. DTDs (hence XXE) are refused by parseXml. */
export function parseCapDocument(text: string): CapResult {
  const xml = parseXml(text);
  if (!xml.ok) return xml;
  return parseCapElement(xml.root);
}

/** Validates an <alert> element (standalone or embedded in a feed) and reads it. */
export function parseCapElement(element: XmlElement): CapResult {
  const verdict = validateCapAlert(element);
  if (!verdict.ok) return verdict;
  const warnings: string[] = [];
  const ns = element.ns;
  const text = (parent: XmlElement, name: string): string | null => {
    const child = childElements(parent, name, ns)[0];
    const value = child ? allText(child).trim() : '';
    return value === '' ? null : value;
  };
  const texts = (parent: XmlElement, name: string) => childElements(parent, name, ns).map((c) => allText(c).trim());
  const pairsOf = (parent: XmlElement, name: string): CapPair[] =>
    childElements(parent, name, ns).map((p) => ({ valueName: text(p, 'valueName') ?? '', value: text(p, 'value') ?? '' }));

  const infos = childElements(element, 'info', ns).map((info, i): CapInfo => ({
    language: text(info, 'language') ?? 'en-US',
    categories: texts(info, 'category'),
    event: text(info, 'event') ?? '',
    urgency: text(info, 'urgency')!,
    severity: text(info, 'severity')!,
    certainty: text(info, 'certainty')!,
    eventCodes: pairsOf(info, 'eventCode'),
    expires: text(info, 'expires'),
    senderName: text(info, 'senderName'),
    headline: text(info, 'headline'),
    description: text(info, 'description'),
    instruction: text(info, 'instruction'),
    web: text(info, 'web'),
    resources: childElements(info, 'resource', ns).map((r) => ({ resourceDesc: text(r, 'resourceDesc') ?? '', mimeType: text(r, 'mimeType') ?? '', uri: text(r, 'uri') })),
    areas: childElements(info, 'area', ns).map((area, a): CapArea => {
      const where = `alert/info[${i + 1}]/area[${a + 1}]`;
      const polygons: LatLon[][] = [];
      for (const [p, raw] of texts(area, 'polygon').entries()) {
        const polygon = parsePolygon(raw);
        if (polygon.ok) polygons.push(polygon.points);
        else warnings.push(`${where}/polygon[${p + 1}]: ${polygon.reason}; ignored`);
      }
      const circles: CapCircle[] = [];
      for (const [c, raw] of texts(area, 'circle').entries()) {
        const circle = parseCircle(raw);
        if (circle.ok) circles.push(circle.circle);
        else warnings.push(`${where}/circle[${c + 1}]: ${circle.reason}; ignored`);
      }
      return { areaDesc: text(area, 'areaDesc') ?? '', polygons, circles, geocodes: pairsOf(area, 'geocode') };
    }),
  }));

  return {
    ok: true,
    alert: {
      identifier: text(element, 'identifier')!,
      sender: text(element, 'sender')!,
      sent: text(element, 'sent')!,
      status: text(element, 'status') as CapAlert['status'],
      msgType: text(element, 'msgType') as CapAlert['msgType'],
      scope: text(element, 'scope')!,
      note: text(element, 'note'),
      references: parseReferences(text(element, 'references'), warnings),
      incidents: (text(element, 'incidents') ?? '').split(/\s+/).filter((s) => s !== ''),
      infos,
      warnings,
    },
  };
}

/** `references`: whitespace-separated "sender,identifier,sent" triples; malformed ones are skipped with a warning. */
function parseReferences(value: string | null, warnings: string[]): CapReference[] {
  if (value === null) return [];
  const references: CapReference[] = [];
  for (const triple of value.split(/\s+/).filter((s) => s !== '')) {
    const parts = triple.split(',');
    if (parts.length === 3 && parts.every((p) => p !== '')) references.push({ sender: parts[0]!, identifier: parts[1]!, sent: parts[2]! });
    else warnings.push(`alert/references: "${triple.slice(0, 80)}" is not a sender,identifier,sent triple; ignored`);
  }
  return references;
}

/** The sent time of a CAP alert as an ISO instant in UTC. */
export function capTimeToIso(value: string): string {
  return new Date(value).toISOString();
}
