import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';
import type { CategoryId, Priority } from '../../ui/taxonomy.ts';

/*
 * The dashboard's door to the ask module's API (src/ask/routes). Types mirror the route schemas
 * (schemas.ts); test/web/ask-appeal-form.test.ts checks that the lists below match the server's.
 */

export const APPEAL_KINDS = ['suspect', 'vehicle', 'missing_person', 'witness_call'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_STATUSES = ['draft', 'active', 'closed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_OUTCOMES = ['found', 'arrested', 'resolved', 'not_found', 'withdrawn'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const TIP_STATUSES = ['new', 'in_review', 'useful', 'not_useful', 'forwarded'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
export const CONSENT_METHODS = ['in_person', 'phone', 'written'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** An appeal's area as the API takes it: a circle, or a GeoJSON polygon's rings of [lon, lat]. */
export type AppealArea = { type: 'circle'; center: { lat: number; lon: number }; radiusM: number } | { type: 'polygon'; coordinates: [number, number][][] };

export interface AppealDraft {
  kind: AppealKind;
  title: string;
  description: string;
  area: AppealArea;
  responseInstructions: string;
  durationMinutes: number;
}

export interface ConsentInput {
  givenBy: string;
  relation: string;
  method: ConsentMethod;
  note: string | null;
}

export interface Appeal extends AppealDraft {
  id: string;
  status: AppealStatus;
  consent: (ConsentInput & { recordedAt: string; recordedBy: string }) | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  endsAt: string | null;
  closedAt: string | null;
  outcome: AppealOutcome | null;
  outcomeText: string | null;
  publishMessageId: string | null;
  closeMessageId: string | null;
  photoIds: string[];
}

export interface AppealFigures {
  reach: number | null;
  closingReach: number | null;
  tips: number;
  usefulTips: number;
  secondsToFirstUsefulTip: number | null;
  secondsToFirstTip: number | null;
}

export interface Photo {
  id: string;
  status: 'pending' | 'processed' | 'rejected';
  contentType: string;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
  phash: string | null;
  groupId: string | null;
  groupSize: number;
  exif: { takenAt: string | null; lat: number | null; lon: number | null };
  rejectReason: string | null;
  processedAt: string | null;
  thumbnailUrl: string;
  displayUrl: string;
  originalUrl: string;
}

export interface Tip {
  id: string;
  appealId: string | null;
  incidentId: string | null;
  text: string;
  location: { lat: number; lon: number; accuracyM: number | null } | null;
  observedAt: string | null;
  receivedAt: string;
  anonymous: boolean;
  contact: { name?: string; email?: string; phone?: string } | null;
  language: string | null;
  category: CategoryId | null;
  priority: Priority | null;
  relevance: number | null;
  priorityScore: number;
  triagedAt: string | null;
  status: TipStatus;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  photoCount: number;
  photos: Photo[];
}

export interface AskApi {
  listTips(query?: { status?: readonly TipStatus[]; appealId?: string; limit?: number; cursor?: string | null; signal?: AbortSignal }): Promise<{ items: Tip[]; nextCursor: string | null }>;
  updateTip(id: string, change: { status?: TipStatus; appealId?: string | null }): Promise<Tip>;
  listAppeals(query?: { status?: readonly AppealStatus[]; limit?: number; signal?: AbortSignal }): Promise<Appeal[]>;
  getAppeal(id: string, options?: { signal?: AbortSignal }): Promise<Appeal & { figures: AppealFigures }>;
  createAppeal(draft: AppealDraft): Promise<Appeal>;
  updateAppeal(id: string, change: Partial<AppealDraft>): Promise<Appeal>;
  addAppealPhoto(id: string, file: Blob, name: string): Promise<{ mediaId: string }>;
  recordConsent(id: string, consent: ConsentInput): Promise<Appeal>;
  publishAppeal(id: string): Promise<Appeal>;
  closeAppeal(id: string, outcome: AppealOutcome, text: string | null): Promise<Appeal>;
}

/** The live queue (Server-Sent Events: `tip` with the tip's current state). */
export const TIPS_STREAM_URL = '/api/tips/stream';

/** Where the public sees an appeal (the citizen app's appeal page). */
export function publicAppealUrl(id: string): string {
  return `/citizen/oproep/${encodeURIComponent(id)}`;
}

/** Where staff see one of an appeal's own photos (the public, metadata-free copy). */
export function appealPhotoUrl(appealId: string, mediaId: string): string {
  return `/api/public/appeals/${encodeURIComponent(appealId)}/photos/${encodeURIComponent(mediaId)}`;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function createAskApi(options: { fetch?: FetchLike } = {}): AskApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError(error instanceof Error ? error.message : 'network error');
    }
    let body: unknown = null;
    if ((response.headers.get('content-type') ?? '').includes('json')) body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, parseProblem(body, response.status));
    if (!isRecord(body)) throw new ApiError(response.status, null);
    return body;
  }

  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const id = encodeURIComponent;

  return {
    listTips: async (query = {}) => {
      const params = new URLSearchParams({ limit: String(query.limit ?? 100) });
      if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
      if (query.appealId) params.set('appealId', query.appealId);
      if (query.cursor) params.set('cursor', query.cursor);
      const body = await call(`/api/tips?${params.toString()}`, query.signal ? { signal: query.signal } : {});
      if (!Array.isArray(body.items)) throw new ApiError(200, null);
      return { items: body.items as Tip[], nextCursor: typeof body.nextCursor === 'string' ? body.nextCursor : null };
    },
    updateTip: async (tip, change) => (await call(`/api/tips/${id(tip)}`, json('PATCH', change))) as unknown as Tip,
    listAppeals: async (query = {}) => {
      const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
      if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
      const body = await call(`/api/appeals?${params.toString()}`, query.signal ? { signal: query.signal } : {});
      if (!Array.isArray(body.items)) throw new ApiError(200, null);
      return body.items as Appeal[];
    },
    getAppeal: async (appeal, { signal } = {}) => (await call(`/api/appeals/${id(appeal)}`, signal ? { signal } : {})) as unknown as Appeal & { figures: AppealFigures },
    createAppeal: async (draft) => (await call('/api/appeals', json('POST', draft))) as unknown as Appeal,
    updateAppeal: async (appeal, change) => (await call(`/api/appeals/${id(appeal)}`, json('PATCH', change))) as unknown as Appeal,
    addAppealPhoto: async (appeal, file, name) => {
      const form = new FormData();
      form.append('photo', file, name);
      const body = await call(`/api/appeals/${id(appeal)}/photos`, { method: 'POST', body: form });
      return { mediaId: String(body.mediaId) };
    },
    recordConsent: async (appeal, consent) => (await call(`/api/appeals/${id(appeal)}/consent`, json('POST', consent))) as unknown as Appeal,
    publishAppeal: async (appeal) => (await call(`/api/appeals/${id(appeal)}/publish`, { method: 'POST' })) as unknown as Appeal,
    closeAppeal: async (appeal, outcome, text) => (await call(`/api/appeals/${id(appeal)}/close`, json('POST', { outcome, text }))) as unknown as Appeal,
  };
}
