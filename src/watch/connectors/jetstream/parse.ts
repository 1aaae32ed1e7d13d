import { z } from 'zod';
import { POST_COLLECTION, REPOST_COLLECTION } from './config.ts';

/** Frames above this size are reported as malformed and skipped. */
export const MAX_FRAME_BYTES = 1024 * 1024;

const did = z.string().max(2048).regex(/^did:[a-z]+:[A-Za-z0-9._:%-]+$/, 'a DID');
const timeUs = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const nsid = z.string().max(317).regex(/^[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+$/, 'a collection NSID');
const rkey = z.string().regex(/^[A-Za-z0-9._:~-]{1,512}$/, 'a record key');
const atUri = z.string().max(8192).regex(/^at:\/\/\S+$/, 'an at:// URI');
// atproto datetimes always carry a time zone; Date.parse is the final judge of the calendar.
const datetime = z.iso.datetime({ offset: true }).refine((s) => Number.isFinite(Date.parse(s)), 'a valid date');
const strongRef = z.object({ uri: atUri, cid: z.string().max(256).optional() });

const envelope = z.object({ did, time_us: timeUs, kind: z.string().max(64) });

const commit = z.object({
  rev: z.string().max(128),
  operation: z.enum(['create', 'update', 'delete']),
  collection: nsid,
  rkey,
  record: z.record(z.string(), z.unknown()).optional(),
  cid: z.string().max(256).optional(),
});
const commitBody = z.object({ commit });

/** An `app.bsky.feed.post` record; embeds and facets are read leniently in normalise.ts. */
export const postRecordSchema = z.object({
  text: z.string().max(30_000),
  createdAt: datetime,
  langs: z.array(z.string().max(64)).max(10).optional(),
  reply: z.object({ root: strongRef, parent: strongRef }).optional(),
  embed: z.unknown().optional(),
  facets: z.array(z.unknown()).max(1000).optional(),
  tags: z.array(z.string().max(640)).max(64).optional(),
});

export const repostRecordSchema = z.object({ subject: strongRef, createdAt: datetime });

export type PostRecord = z.infer<typeof postRecordSchema>;
export type RepostRecord = z.infer<typeof repostRecordSchema>;

export interface CommitRef {
  did: string;
  timeUs: number;
  collection: string;
  rkey: string;
}

export type JetstreamFrame =
  | { kind: 'post'; ref: CommitRef; record: PostRecord }
  | { kind: 'repost'; ref: CommitRef; record: RepostRecord }
  /** A well-formed event that carries no post (identity, account, delete, other collections). */
  | { kind: 'skip'; timeUs: number }
  /** `timeUs` when the envelope was readable, so the cursor can still move past it. */
  | { kind: 'malformed'; reason: string; timeUs?: number };

/** Parses one Jetstream frame; never throws. */
export function parseJetstreamFrame(text: string): JetstreamFrame {
  if (text.length > MAX_FRAME_BYTES || Buffer.byteLength(text, 'utf8') > MAX_FRAME_BYTES) {
    return { kind: 'malformed', reason: `frame larger than ${MAX_FRAME_BYTES} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'malformed', reason: `not JSON: ${(error as Error).message.slice(0, 120)}` };
  }
  const head = envelope.safeParse(json);
  if (!head.success) return { kind: 'malformed', reason: describe(head.error) };
  const { did: author, time_us, kind } = head.data;
  if (kind === 'identity' || kind === 'account') return { kind: 'skip', timeUs: time_us };
  if (kind !== 'commit') return { kind: 'malformed', reason: `unknown event kind "${kind.slice(0, 64)}"`, timeUs: time_us };

  const body = commitBody.safeParse(json);
  if (!body.success) return { kind: 'malformed', reason: describe(body.error), timeUs: time_us };
  const { operation, collection, rkey: key, record } = body.data.commit;
  if (operation === 'delete' || (collection !== POST_COLLECTION && collection !== REPOST_COLLECTION)) return { kind: 'skip', timeUs: time_us };
  const ref: CommitRef = { did: author, timeUs: time_us, collection, rkey: key };
  if (!record) return { kind: 'malformed', reason: `commit.record: missing for ${operation}`, timeUs: time_us };
  if (collection === POST_COLLECTION) {
    const parsed = postRecordSchema.safeParse(record);
    if (!parsed.success) return { kind: 'malformed', reason: describe(parsed.error, 'commit.record'), timeUs: time_us };
    return { kind: 'post', ref, record: parsed.data };
  }
  const parsed = repostRecordSchema.safeParse(record);
  if (!parsed.success) return { kind: 'malformed', reason: describe(parsed.error, 'commit.record'), timeUs: time_us };
  return { kind: 'repost', ref, record: parsed.data };
}

function describe(error: z.ZodError, prefix?: string): string {
  const issue = error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(frame)';
  return `${path}: ${issue.message}`.slice(0, 300);
}
