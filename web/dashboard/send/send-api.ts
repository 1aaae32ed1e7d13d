import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';
import type { CategoryId } from '../../ui/taxonomy.ts';

/*
 * The dashboard's door to the send module's API (src/send/routes). Types mirror the route
 * schemas; test/web/send-composer.test.ts checks that the lists below match the server's.
 */

export const MESSAGE_STATES = ['draft', 'pending_approval', 'scheduled', 'published', 'updated', 'cancelled', 'discarded'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const CHANNEL_KINDS = ['mastodon', 'bluesky', 'cap', 'feed', 'webpush', 'email', 'sms', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type Urgency = (typeof URGENCIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Certainty = (typeof CERTAINTIES)[number];

export const DELIVERY_STATUSES = ['queued', 'in_flight', 'retrying', 'delivered', 'failed', 'gone', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** The statuses the per-channel counts report (a delivery in flight counts as queued). */
export const COUNTED_STATUSES = ['queued', 'delivered', 'retrying', 'failed', 'gone', 'skipped'] as const;
export type DeliveryCounts = Record<(typeof COUNTED_STATUSES)[number], number>;

export interface MessageContent {
  headline: string;
  body: string;
  instruction?: string;
}

export interface MessageContents {
  nl: MessageContent;
  en?: MessageContent;
}

/** An area as the API takes it (src/send/targeting/area.ts). Positions are [lon, lat]. */
export type AreaInput =
  | { kind: 'polygon'; coordinates: [number, number][][]; description?: string }
  | { kind: 'circle'; lat: number; lon: number; radiusM: number; description?: string }
  | { kind: 'municipality'; code: string; description?: string }
  | { kind: 'postcode'; postcode: string; description?: string };

/** What the composer sends: every field of a draft. */
export interface DraftBody {
  category: CategoryId;
  urgency: Urgency;
  severity: Severity;
  certainty: Certainty;
  exercise: boolean;
  topics: string[];
  channels: ChannelKind[];
  content: MessageContents;
  area: AreaInput | null;
  scheduledFor: string | null;
  expiresAt: string | null;
}

export interface SendMessage extends DraftBody {
  id: string;
  status: MessageState;
  msgType: 'Alert' | 'Update' | 'Cancel';
  referencesId: string | null;
  area: AreaInput | null;
  /** The resolved outline, kept apart from `area` (the input) so a draft round-trips unchanged. */
  areaOutline: { description: string; geometry: unknown } | null;
  author: string;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  emergency: boolean;
  emergencyReason: string | null;
  rejectionReason: string | null;
  publishedAt: string | null;
  supersededBy: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  deliveries: Partial<Record<ChannelKind, DeliveryCounts>>;
}

export interface ChannelPreview {
  channel: ChannelKind;
  language: 'nl' | 'en';
  configured: boolean;
  preview: { text: string; length: number; limit: number | null; unit: 'characters' | 'graphemes' | 'segments' | 'bytes'; problems: string[] } | null;
  problems: string[];
}

export interface MessageDetail extends SendMessage {
  previews: ChannelPreview[];
}

export interface Template {
  id: string;
  builtin: boolean;
  name: string;
  category: CategoryId;
  urgency: Urgency;
  severity: Severity;
  certainty: Certainty;
  topics: string[];
  content: MessageContents;
  placeholders: string[];
}

export interface ChannelInfo {
  kind: ChannelKind;
  configured: boolean;
  audience: 'broadcast' | 'recipient' | null;
  maxPerSecond: number | null;
}

export interface Delivery {
  idempotencyKey: string;
  channel: string;
  recipientId: string | null;
  language: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  externalId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface SendApi {
  listTemplates(options?: { signal?: AbortSignal }): Promise<Template[]>;
  listChannels(options?: { signal?: AbortSignal }): Promise<ChannelInfo[]>;
  listMessages(query?: { status?: readonly MessageState[]; before?: string | null; limit?: number; signal?: AbortSignal }): Promise<Page<SendMessage>>;
  getMessage(id: string, options?: { signal?: AbortSignal }): Promise<MessageDetail>;
  createMessage(body: DraftBody): Promise<SendMessage>;
  editMessage(id: string, body: Partial<DraftBody>): Promise<SendMessage>;
  submit(id: string): Promise<SendMessage>;
  approve(id: string): Promise<SendMessage>;
  reject(id: string, reason: string): Promise<SendMessage>;
  emergencyPublish(id: string, reason: string): Promise<SendMessage>;
  cancel(id: string, input?: { reason?: string }): Promise<SendMessage>;
  update(id: string, changes: Partial<DraftBody>): Promise<SendMessage>;
  listDeliveries(id: string, query?: { channel?: ChannelKind; status?: DeliveryStatus; after?: string | null; limit?: number; signal?: AbortSignal }): Promise<Page<Delivery>>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The server sends `area` as `{ input, description, geometry }`; the client keeps the input (what
 * the composer edits and sends back) and the outline (what the map shows) apart.
 */
export function normaliseMessage<T extends Record<string, unknown>>(raw: T): T & Pick<SendMessage, 'area' | 'areaOutline'> {
  const area = raw.area;
  if (isRecord(area) && isRecord(area.input)) {
    return { ...raw, area: area.input as unknown as AreaInput, areaOutline: { description: typeof area.description === 'string' ? area.description : '', geometry: area.geometry } };
  }
  return { ...raw, area: null, areaOutline: null };
}

/** Query string of the message list; absent filters are left out. */
export function messagesQuery(query: { status?: readonly MessageState[]; before?: string | null; limit?: number }): string {
  const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
  if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
  if (query.before) params.set('before', query.before);
  return params.toString();
}

export function createSendApi(options: { fetch?: FetchLike } = {}): SendApi {
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

  async function items<T>(path: string, signal?: AbortSignal): Promise<Page<T>> {
    const body = await call(path, signal ? { signal } : {});
    if (!Array.isArray(body.items)) throw new ApiError(200, null);
    return { items: body.items as T[], next: typeof body.next === 'string' ? body.next : null };
  }

  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const message = async (path: string, init: RequestInit = {}) => normaliseMessage(await call(path, init)) as unknown as SendMessage;
  const id = encodeURIComponent;

  return {
    listTemplates: async ({ signal } = {}) => (await items<Template>('/api/send/templates', signal)).items,
    listChannels: async ({ signal } = {}) => (await items<ChannelInfo>('/api/send/channels', signal)).items,
    listMessages: async (query = {}) => {
      const page = await items<Record<string, unknown>>(`/api/send/messages?${messagesQuery(query)}`, query.signal);
      return { items: page.items.map((m) => normaliseMessage(m) as unknown as SendMessage), next: page.next };
    },
    getMessage: async (message_, { signal } = {}) => normaliseMessage(await call(`/api/send/messages/${id(message_)}`, signal ? { signal } : {})) as unknown as MessageDetail,
    createMessage: (body) => message('/api/send/messages', json('POST', body)),
    editMessage: (message_, body) => message(`/api/send/messages/${id(message_)}`, json('PATCH', body)),
    submit: (message_) => message(`/api/send/messages/${id(message_)}/submit`, { method: 'POST' }),
    approve: (message_) => message(`/api/send/messages/${id(message_)}/approve`, { method: 'POST' }),
    reject: (message_, reason) => message(`/api/send/messages/${id(message_)}/reject`, json('POST', { reason })),
    emergencyPublish: (message_, reason) => message(`/api/send/messages/${id(message_)}/emergency-publish`, json('POST', { reason })),
    cancel: (message_, input = {}) => message(`/api/send/messages/${id(message_)}/cancel`, json('POST', input)),
    update: (message_, changes) => message(`/api/send/messages/${id(message_)}/update`, json('POST', changes)),
    listDeliveries: (message_, query = {}) => {
      const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
      if (query.channel) params.set('channel', query.channel);
      if (query.status) params.set('status', query.status);
      if (query.after) params.set('after', query.after);
      return items<Delivery>(`/api/send/messages/${id(message_)}/deliveries?${params.toString()}`, query.signal);
    },
  };
}
