import { z } from 'zod';

/** Frames (and REST statuses) above this size are reported as malformed and skipped. */
export const MAX_FRAME_BYTES = 1024 * 1024;

// Mastodon ids are integers cast to strings; other servers speaking the API use flake ids or ULIDs.
const statusId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a status id');
const datetime = z.iso.datetime({ offset: true }).refine((s) => Number.isFinite(Date.parse(s)), 'a valid date');
const link = z.string().max(4096);

const account = z.object({ acct: z.string().min(1).max(400) });
const mention = z.object({ acct: z.string().min(1).max(400) });
const tag = z.object({ name: z.string().min(1).max(300) });
const media = z.object({ type: z.string().max(32), url: link.nullable().optional(), remote_url: link.nullable().optional() });

const statusFields = {
  id: statusId,
  uri: link,
  url: link.nullable().optional(),
  created_at: datetime,
  content: z.string().max(MAX_FRAME_BYTES),
  spoiler_text: z.string().max(10_000).optional(),
  visibility: z.string().max(32),
  language: z.string().max(35).nullable().optional(),
  in_reply_to_id: statusId.nullable().optional(),
  account,
  mentions: z.array(mention).max(1000).optional(),
  tags: z.array(tag).max(1000).optional(),
  media_attachments: z.array(media).max(100).optional(),
  // Quote (4.4+): the full quoted status, or only its id (ShallowQuote); read loosely in normalise.ts.
  quote: z.unknown().optional(),
};

const innerStatus = z.object(statusFields);

/** The fields of a Status entity that Waakzaam reads; unknown fields are ignored. */
export const statusSchema = z.object({ ...statusFields, reblog: innerStatus.nullable().optional() });

export type MastodonStatus = z.infer<typeof statusSchema>;

export type StatusResult = { ok: true; status: MastodonStatus } | { ok: false; reason: string };

/** Validates one Status entity (from a stream payload or a REST page); never throws. */
export function parseStatus(value: unknown): StatusResult {
  const parsed = statusSchema.safeParse(value);
  if (parsed.success) return { ok: true, status: parsed.data };
  return { ok: false, reason: describe(parsed.error, 'status') };
}

const eventFrame = z.object({ stream: z.array(z.string().max(200)).max(8).optional(), event: z.string().max(64), payload: z.string().optional() });
const errorFrame = z.object({ error: z.string().max(1000), status: z.number().optional() });

export type StreamFrame =
  | { kind: 'status'; event: 'update' | 'status.update'; status: MastodonStatus }
  | { kind: 'delete'; id: string }
  /** A well-formed event Waakzaam has no use for (notifications, announcements, filters…). */
  | { kind: 'other'; event: string }
  /** The server refused the subscription (for example an unknown stream). */
  | { kind: 'error'; message: string }
  | { kind: 'malformed'; reason: string };

/**
 * Parses one frame of the WebSocket streaming API: `{ stream, event, payload }`, where the payload
 * of `update` and `status.update` is a Status encoded as a JSON string. Never throws.
 */
export function parseStreamFrame(text: string): StreamFrame {
  if (text.length > MAX_FRAME_BYTES || Buffer.byteLength(text, 'utf8') > MAX_FRAME_BYTES) {
    return { kind: 'malformed', reason: `frame larger than ${MAX_FRAME_BYTES} bytes` };
  }
  const json = parseJson(text);
  if (!json.ok) return { kind: 'malformed', reason: `not JSON: ${json.reason}` };
  const refused = errorFrame.safeParse(json.value);
  if (refused.success) return { kind: 'error', message: refused.data.error };
  const frame = eventFrame.safeParse(json.value);
  if (!frame.success) return { kind: 'malformed', reason: describe(frame.error, 'frame') };
  const { event, payload } = frame.data;
  if (event === 'delete') {
    const id = statusId.safeParse(payload);
    return id.success ? { kind: 'delete', id: id.data } : { kind: 'malformed', reason: 'delete: the payload is not a status id' };
  }
  if (event !== 'update' && event !== 'status.update') return { kind: 'other', event };
  if (payload === undefined) return { kind: 'malformed', reason: `${event}: no payload` };
  const inner = parseJson(payload);
  if (!inner.ok) return { kind: 'malformed', reason: `${event}: the payload is not JSON: ${inner.reason}` };
  const status = parseStatus(inner.value);
  return status.ok ? { kind: 'status', event, status: status.status } : { kind: 'malformed', reason: `${event}: ${status.reason}` };
}

/** Orders status ids: by length, then character by character (right for integers and for ULIDs). */
export function compareStatusIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The id of a REST item that failed validation, if it has a usable one (so the catch-up can move on). */
export function rawStatusId(value: unknown): string | undefined {
  const id = statusId.safeParse((value as { id?: unknown } | null)?.id);
  return id.success ? id.data : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: (error as Error).message.slice(0, 120) };
  }
}

function describe(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0]!;
  return `${[prefix, ...issue.path.map(String)].join('.')}: ${issue.message}`.slice(0, 300);
}
