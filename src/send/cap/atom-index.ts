import type { OutgoingMessage } from '../channels/channel.ts';
import { markedHeadline } from '../channels/text.ts';
import { CAP_MEDIA_TYPE, CAP_NAMESPACE } from './build-alert.ts';
import { capDateTime } from './cap-time.ts';
import { element, xmlText } from './xml.ts';

export interface CapIndexEntry {
  message: OutgoingMessage;
  /** Public URL of the entry's CAP document. */
  capUrl: string;
}

export interface CapIndexOptions {
  /** Public URL of this index (its Atom id and self link). */
  feedUrl: string;
  title: string;
  /** The organisation's name (Atom author). */
  author: string;
  timeZone?: string;
}

/**
 * An organisation's CAP index feed (OASIS "CAP Feeds" practice, the NWS index style): an Atom 1.0
 * feed with one entry per alert, linking to the full CAP document with `type="application/cap+xml"`
 * and carrying the main CAP fields as `cap:` elements, newest first. Consumers such as Google
 * Public Alerts and the IFRC Alert Hub poll it.
 */
export function buildCapAtomIndex(entries: readonly CapIndexEntry[], options: CapIndexOptions): string {
  const tz = options.timeZone;
  const sorted = [...entries].sort((a, b) => Date.parse(b.message.sentAt) - Date.parse(a.message.sentAt));
  const updated = sorted[0] ? capDateTime(sorted[0].message.sentAt, tz) : capDateTime(new Date(0), tz);
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="${CAP_NAMESPACE}">\n`;
  xml += element('id', options.feedUrl, '  ');
  xml += element('title', options.title, '  ');
  xml += element('updated', updated, '  ');
  xml += `  <author>\n${element('name', options.author, '    ')}  </author>\n`;
  xml += `  <link rel="self" type="application/atom+xml" href="${xmlText(options.feedUrl)}"/>\n`;
  xml += element('generator', 'Waakzaam', '  ');
  for (const { message, capUrl } of sorted) {
    const sent = capDateTime(message.sentAt, tz);
    xml += '  <entry>\n';
    xml += element('id', capUrl, '    ');
    xml += element('title', markedHeadline(message), '    ');
    xml += element('updated', sent, '    ');
    xml += element('published', sent, '    ');
    xml += `    <author>\n${element('name', message.senderName, '      ')}    </author>\n`;
    xml += `    <link rel="alternate" type="${CAP_MEDIA_TYPE}" href="${xmlText(capUrl)}"/>\n`;
    xml += `    <link rel="related" type="text/html" href="${xmlText(message.url)}"/>\n`;
    xml += element('summary', message.body, '    ');
    xml += element('cap:effective', sent, '    ');
    if (message.expiresAt) xml += element('cap:expires', capDateTime(message.expiresAt, tz), '    ');
    xml += element('cap:status', message.status, '    ');
    xml += element('cap:msgType', message.msgType, '    ');
    xml += element('cap:urgency', message.urgency, '    ');
    xml += element('cap:severity', message.severity, '    ');
    xml += element('cap:certainty', message.certainty, '    ');
    if (message.area) xml += element('cap:areaDesc', message.area.description, '    ');
    xml += '  </entry>\n';
  }
  return `${xml}</feed>\n`;
}
