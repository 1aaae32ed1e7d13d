import { createHash } from 'node:crypto';
import { extractHashtags } from '../../normalise.ts';
import type { IncomingPost, MediaRef, PostLocation } from '../../post.ts';
import { primaryLanguage, safeUrl } from '../rss/feed.ts';
import { htmlToText } from '../rss/html-text.ts';
import { MAX_TEXT_CHARS } from '../rss/post.ts';
import { polygonCentroid } from './geometry.ts';
import { capTimeToIso, type CapAlert, type CapArea, type CapInfo } from './parse.ts';

const MAX_SOURCE_ID = 512;
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Markers put in front of the text so that a control room never mistakes an exercise, a test,
 * an update or a cancellation for a fresh real alert. In Dutch: the operators' language.
 */
const STATUS_MARKER: Partial<Record<CapAlert['status'], string>> = { Exercise: '[OEFENING]', Test: '[TEST]' };
const MSG_TYPE_MARKER: Partial<Record<CapAlert['msgType'], string>> = { Update: '[UPDATE]', Cancel: '[INGETROKKEN]' };

export type AlertPostResult = { ok: true; post: IncomingPost } | { ok: false; skipped: string };

export interface AlertPostContext {
  /** Where the CAP document was fetched, the post's link when the alert names no web page. */
  documentUrl: string;
  now: Date;
  pseudonymise(handle: string): string;
}

/**
 * A post for a CAP alert (SPEC W10). Decisions (see docs/connectors/cap.md):
 * - source 'cap', source id `${sender}/${identifier}`, author = the sender, pseudonymised;
 * - one post per alert, from the info block in Dutch, else English, else the first;
 * - text = headline (or event) + description + instruction + area descriptions;
 * - location = centre of the first area with a polygon or circle, precision 'place', named
 *   after that area (an area is not a point);
 * - Exercise and Test alerts are kept, marked [OEFENING] / [TEST]; Update and Cancel are marked
 *   [UPDATE] / [INGETROKKEN] and quote the alert they supersede (quoteOf = its source id);
 * - System and Draft alerts (network messages and unpublished drafts) and Ack/Error messages
 *   (protocol answers) are skipped: they are not alerts to the public.
 */
export function alertToPost(alert: CapAlert, context: AlertPostContext): AlertPostResult {
  if (alert.status === 'System' || alert.status === 'Draft') return { ok: false, skipped: `status ${alert.status} is not an alert to the public` };
  if (alert.msgType === 'Ack' || alert.msgType === 'Error') return { ok: false, skipped: `msgType ${alert.msgType} is a protocol answer, not an alert` };
  const info = pickInfo(alert.infos);
  const markers = [STATUS_MARKER[alert.status], MSG_TYPE_MARKER[alert.msgType]].filter((m) => m !== undefined).join(' ');
  const body = info ? infoText(info) : (alert.note ?? `${alert.sender} ${alert.identifier}`);
  const text = `${markers ? `${markers} ` : ''}${body}`.slice(0, MAX_TEXT_CHARS);
  const createdAt = capTimeToIso(alert.sent);
  const latest = [...alert.references].sort((a, b) => Date.parse(b.sent) - Date.parse(a.sent))[0];
  return {
    ok: true,
    post: {
      source: 'cap',
      sourceId: capSourceId(alert.sender, alert.identifier),
      url: safeUrl(info?.web ?? undefined, context.documentUrl) ?? safeUrl(context.documentUrl, context.documentUrl),
      authorPseudonym: context.pseudonymise(alert.sender),
      text,
      language: info ? primaryLanguage(info.language) : null,
      createdAt: Date.parse(createdAt) > context.now.getTime() + FUTURE_SLACK_MS ? context.now.toISOString() : createdAt,
      // Translations usually share the area; when the chosen one has none, another's will do.
      location: (info && areaLocation(info.areas)) ?? areaLocation(alert.infos.flatMap((i) => i.areas)),
      hashtags: extractHashtags(text),
      mentions: [],
      media: info ? resourceMedia(info, context.documentUrl) : [],
      replyTo: null,
      repostOf: null,
      quoteOf: latest ? capSourceId(latest.sender, latest.identifier) : null,
    },
  };
}

/** The source id of an alert: sender and identifier together identify it (CAP 1.2 §3.2.1). */
export function capSourceId(sender: string, identifier: string): string {
  const id = `${sender}/${identifier}`;
  return id.length > MAX_SOURCE_ID ? `sha256:${createHash('sha256').update(id).digest('hex')}` : id;
}

function pickInfo(infos: readonly CapInfo[]): CapInfo | undefined {
  const byLanguage = (lang: string) => infos.find((i) => primaryLanguage(i.language) === lang);
  return byLanguage('nl') ?? byLanguage('en') ?? infos[0];
}

function infoText(info: CapInfo): string {
  const parts = [info.headline ?? info.event, info.description, info.instruction].map((p) => (p ? htmlToText(p) : ''));
  const areas = [...new Set(info.areas.map((a) => a.areaDesc.trim()).filter((d) => d !== ''))].join('; ');
  return [...parts, areas].filter((p) => p !== '').join('\n\n');
}

function areaLocation(areas: readonly CapArea[]): PostLocation | null {
  const area = areas.find((a) => a.polygons.length > 0 || a.circles.length > 0);
  if (!area) return null;
  const centre = area.polygons[0] ? polygonCentroid(area.polygons[0]) : area.circles[0]!.center;
  return { lat: round6(centre.lat), lon: round6(centre.lon), precision: 'place', placeName: area.areaDesc.slice(0, 200) || null };
}

function resourceMedia(info: CapInfo, base: string): MediaRef[] {
  const media: MediaRef[] = [];
  for (const resource of info.resources) {
    const url = safeUrl(resource.uri ?? undefined, base);
    if (url) media.push({ url, type: resource.mimeType.slice(0, 64) || 'application/octet-stream' });
  }
  return media.slice(0, 20);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
