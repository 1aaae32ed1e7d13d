import type { MessageArea, MessageLanguage, OutgoingMessage } from '../channels/channel.ts';
import { EXERCISE_MARKER, markedHeadline } from '../channels/text.ts';
import { capDateTime } from './cap-time.ts';
import { element, xmlText } from './xml.ts';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_MEDIA_TYPE = 'application/cap+xml';

export interface CapAlertOptions {
  /** CAP sender: a stable id of the organisation, e.g. `waakzaam.utrecht.nl` (no spaces, commas, < or &). */
  sender: string;
  /** Time zone the times are written in (their offset), default Europe/Amsterdam. */
  timeZone?: string;
  /** A circle to add beside the polygons (CAP writes it `lat,lon radius` with the radius in km). */
  circle?: { lat: number; lon: number; radiusMeters: number };
}

/** CAP 1.2 categories for the taxonomy's categories (docs/taxonomy.md); `Other` for the rest. */
const CAP_CATEGORY: Record<string, string> = {
  fire: 'Fire',
  violence_weapons: 'Security',
  robbery_burglary: 'Security',
  suspicious: 'Security',
  drugs: 'Security',
  public_order: 'Safety',
  crowd_safety: 'Safety',
  traffic_transport: 'Transport',
  medical: 'Health',
  missing_person: 'Rescue',
  call_for_help: 'Rescue',
  infrastructure_outage: 'Infra',
  weather: 'Met',
  rumour: 'Other',
};

/** CAP `event`: the kind of event in words, per language. */
const EVENT_NAME: Record<string, Record<MessageLanguage, string>> = {
  fire: { nl: 'Brand', en: 'Fire' },
  violence_weapons: { nl: 'Geweld', en: 'Violence' },
  robbery_burglary: { nl: 'Overval of inbraak', en: 'Robbery or burglary' },
  suspicious: { nl: 'Verdachte situatie', en: 'Suspicious situation' },
  drugs: { nl: 'Drugs', en: 'Drugs' },
  public_order: { nl: 'Openbare orde', en: 'Public order' },
  crowd_safety: { nl: 'Drukte', en: 'Crowding' },
  traffic_transport: { nl: 'Verkeer en openbaar vervoer', en: 'Traffic and public transport' },
  medical: { nl: 'Medische noodsituatie', en: 'Medical emergency' },
  missing_person: { nl: 'Vermissing', en: 'Missing person' },
  call_for_help: { nl: 'Hulpvraag', en: 'Call for help' },
  infrastructure_outage: { nl: 'Uitval van voorzieningen', en: 'Infrastructure outage' },
  weather: { nl: 'Weersgevaar', en: 'Weather hazard' },
  rumour: { nl: 'Gerucht', en: 'Rumour' },
};

const EXERCISE_NOTE: Record<MessageLanguage, string> = {
  nl: 'OEFENING. Dit bericht hoort bij een oefening; er is geen echt gevaar.',
  en: 'EXERCISE. This message is part of an exercise; there is no real danger.',
};

/**
 * CAP `identifier` of a message: unique per sender, without spaces, commas, `<` or `&`
 * (characters the message id could in principle hold are replaced).
 */
export function capIdentifier(messageId: string): string {
  return `waakzaam-${messageId.replace(/[^A-Za-z0-9._:-]/g, '_')}`;
}

/**
 * One CAP 1.2 alert for a message (SPEC S3), one `<info>` per language version given (the
 * versions share id, type, status and area). Elements follow the schema's order; an Update or
 * Cancel names the earlier alerts as `sender,identifier,sent` triples; an exercise has status
 * Exercise, a note and "OEFENING"/"EXERCISE" in every headline. The output validates against
 * cap12.xsd (test/send/cap).
 */
export function buildCapAlert(versions: OutgoingMessage | readonly OutgoingMessage[], options: CapAlertOptions): string {
  const all: readonly OutgoingMessage[] = Array.isArray(versions) ? versions : [versions as OutgoingMessage];
  const first = all[0];
  if (first === undefined) throw new Error('buildCapAlert needs at least one message version');
  if (/[\s,<&]/.test(options.sender) || options.sender === '') throw new Error('CAP sender must not be empty or contain spaces, commas, < or &');
  const tz = options.timeZone;
  const references = first.msgType === 'Alert' ? [] : first.references.filter((r) => r.messageId !== first.id).map((r) => `${options.sender},${capIdentifier(r.messageId)},${capDateTime(r.sentAt, tz)}`);
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${CAP_NAMESPACE}">\n`;
  xml += element('identifier', capIdentifier(first.id), '  ');
  xml += element('sender', options.sender, '  ');
  xml += element('sent', capDateTime(first.sentAt, tz), '  ');
  xml += element('status', first.status, '  ');
  xml += element('msgType', first.msgType, '  ');
  xml += element('source', 'Waakzaam', '  ');
  xml += element('scope', 'Public', '  ');
  if (first.status === 'Exercise') xml += element('note', EXERCISE_NOTE[first.language], '  ');
  if (references.length > 0) xml += element('references', references.join(' '), '  ');
  for (const message of all) xml += info(message, options);
  return `${xml}</alert>\n`;
}

function info(message: OutgoingMessage, options: CapAlertOptions): string {
  const tz = options.timeZone;
  const i = '    ';
  let xml = '  <info>\n';
  xml += element('language', message.language === 'nl' ? 'nl-NL' : 'en-GB', i);
  xml += element('category', CAP_CATEGORY[message.category] ?? 'Other', i);
  xml += element('event', EVENT_NAME[message.category]?.[message.language] ?? (message.language === 'nl' ? 'Melding' : 'Notice'), i);
  if (message.msgType === 'Cancel') xml += element('responseType', 'AllClear', i);
  xml += element('urgency', message.urgency, i);
  xml += element('severity', message.severity, i);
  xml += element('certainty', message.certainty, i);
  xml += element('effective', capDateTime(message.sentAt, tz), i);
  if (message.expiresAt) xml += element('expires', capDateTime(message.expiresAt, tz), i);
  xml += element('senderName', message.senderName, i);
  xml += element('headline', markedHeadline(message), i);
  xml += element('description', message.status === 'Exercise' ? `${EXERCISE_MARKER[message.language]}. ${message.body}` : message.body, i);
  if (message.instruction) xml += element('instruction', message.instruction, i);
  xml += element('web', message.url, i);
  for (const media of message.media) {
    xml += `${i}<resource>\n${element('resourceDesc', media.description || media.url, `${i}  `)}${element('mimeType', /^[a-z]+\/[A-Za-z0-9.+-]+$/.test(media.mimeType) ? media.mimeType : 'application/octet-stream', `${i}  `)}${element('uri', media.url, `${i}  `)}${i}</resource>\n`;
  }
  if (message.area) xml += area(message.area, options);
  return `${xml}  </info>\n`;
}

function area(value: MessageArea, options: CapAlertOptions): string {
  const i = '      ';
  let xml = `    <area>\n${element('areaDesc', value.description, i)}`;
  for (const ring of outerRings(value.geometry)) xml += `${i}<polygon>${capPolygon(ring)}</polygon>\n`;
  if (options.circle) xml += `${i}<circle>${xmlText(capCircle(options.circle))}</circle>\n`;
  return `${xml}    </area>\n`;
}

/** The outer rings: CAP polygons have no holes, so a hole is left out (the area is then larger, never smaller). */
function outerRings(geometry: MessageArea['geometry']): number[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.coordinates.map((polygon) => polygon[0] ?? []);
}

/**
 * A CAP polygon: `lat,lon` pairs (GeoJSON has them the other way round) separated by spaces,
 * a closed ring of at least four points.
 */
export function capPolygon(ring: readonly (readonly number[])[]): string {
  const points = ring.map(([lon, lat]) => `${round(lat!)},${round(lon!)}`);
  if (points.length > 0 && points[0] !== points[points.length - 1]) points.push(points[0]!);
  if (points.length < 4) throw new Error('a CAP polygon needs a closed ring of at least four points');
  return points.join(' ');
}

/** A CAP circle: `lat,lon radius` with the radius in kilometres. */
export function capCircle(circle: { lat: number; lon: number; radiusMeters: number }): string {
  return `${round(circle.lat)},${round(circle.lon)} ${Number((circle.radiusMeters / 1000).toFixed(3))}`;
}

function round(value: number): string {
  return String(Number(value.toFixed(6)));
}
