import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';
import type { Language } from '../../ui/i18n/catalogue.ts';

/*
 * The citizen app's call to GET /api/public/messages/:id, and what it answers read defensively:
 * the page renders only fields that have the expected shape. No cookie is sent: reading a public
 * warning needs no account.
 */

export interface MessageVersion {
  headline: string;
  body: string;
  instruction: string | null;
}

/** GeoJSON rings as [lon, lat] pairs: one list of rings per polygon. */
export type Polygons = [number, number][][][];

export interface PublicMessage {
  id: string;
  organisationName: string;
  msgType: 'Alert' | 'Update' | 'Cancel';
  exercise: boolean;
  category: string;
  content: { nl: MessageVersion; en: MessageVersion | null };
  area: { description: string; polygons: Polygons } | null;
  publishedAt: string;
  expiresAt: string | null;
  replacesId: string | null;
  supersededBy: { id: string; kind: 'Update' | 'Cancel' } | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function parseVersion(value: unknown): MessageVersion | null {
  if (!isRecord(value) || typeof value.headline !== 'string' || typeof value.body !== 'string') return null;
  return { headline: value.headline, body: value.body, instruction: str(value.instruction) };
}

function isPosition(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]) && Math.abs(value[0] as number) <= 180 && Math.abs(value[1] as number) <= 90;
}

function parsePolygon(value: unknown): [number, number][][] | null {
  if (!Array.isArray(value)) return null;
  const rings = value.filter((ring): ring is unknown[] => Array.isArray(ring)).map((ring) => ring.filter(isPosition).map(([lon, lat]) => [lon, lat] as [number, number]));
  return rings.length > 0 && rings[0]!.length >= 3 ? rings : null;
}

/** The polygons of a GeoJSON Polygon or MultiPolygon; anything else draws nothing. */
export function parsePolygons(geometry: unknown): Polygons {
  if (!isRecord(geometry)) return [];
  if (geometry.type === 'Polygon') {
    const polygon = parsePolygon(geometry.coordinates);
    return polygon ? [polygon] : [];
  }
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    return geometry.coordinates.map(parsePolygon).filter((p): p is [number, number][][] => p !== null);
  }
  return [];
}

function parseRef(value: unknown): PublicMessage['supersededBy'] {
  if (!isRecord(value) || typeof value.id !== 'string' || (value.kind !== 'Update' && value.kind !== 'Cancel')) return null;
  return { id: value.id, kind: value.kind };
}

/** The message, or null when the body is not one. */
export function parsePublicMessage(body: unknown): PublicMessage | null {
  if (!isRecord(body) || typeof body.id !== 'string' || typeof body.publishedAt !== 'string' || !isRecord(body.content)) return null;
  const nl = parseVersion(body.content.nl);
  if (!nl) return null;
  const msgType = body.msgType === 'Update' || body.msgType === 'Cancel' ? body.msgType : 'Alert';
  const area = isRecord(body.area) && typeof body.area.description === 'string' ? { description: body.area.description, polygons: parsePolygons(body.area.geometry) } : null;
  return {
    id: body.id,
    organisationName: str(body.organisationName) ?? '',
    msgType,
    exercise: body.exercise === true,
    category: str(body.category) ?? '',
    content: { nl, en: parseVersion(body.content.en) },
    area,
    publishedAt: body.publishedAt,
    expiresAt: str(body.expiresAt),
    replacesId: str(body.replacesId),
    supersededBy: parseRef(body.supersededBy),
  };
}

/** The version in the reader's language, falling back to Dutch (which every message has). */
export function versionFor(message: PublicMessage, language: Language): { version: MessageVersion; language: Language } {
  return language === 'en' && message.content.en ? { version: message.content.en, language: 'en' } : { version: message.content.nl, language: 'nl' };
}

export async function fetchPublicMessage(id: string, signal?: AbortSignal): Promise<PublicMessage> {
  let response: Response;
  try {
    response = await fetch(`/api/public/messages/${encodeURIComponent(id)}`, { credentials: 'omit', headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error instanceof Error ? error.message : 'network error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parseProblem(body, response.status));
  const message = parsePublicMessage(body);
  if (!message) throw new ApiError(response.status, null);
  return message;
}
