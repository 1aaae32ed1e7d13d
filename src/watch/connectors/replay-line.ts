import { z } from 'zod';

/** Longest line the replay connector accepts; longer lines are reported as malformed. */
export const MAX_LINE_BYTES = 64 * 1024;

const isoTime = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

/**
 * One line of a recorded stream (JSONL), as written by recorders and by the demo scenario
 * generator. Unknown fields (such as the scenario's ground-truth `truth`) are ignored.
 */
export const replayLineSchema = z.object({
  id: z.string().min(1).max(256),
  source: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a lower-case source name such as mastodon'),
  author: z.object({ handle: z.string().min(1).max(256), name: z.string().max(256).optional() }),
  text: z.string().max(20_000),
  createdAt: isoTime,
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/).optional(),
  url: httpUrl.optional(),
  geo: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  replyTo: z.string().min(1).max(256).optional(),
  repostOf: z.string().min(1).max(256).optional(),
  quoteOf: z.string().min(1).max(256).optional(),
  mentions: z.array(z.string().min(1).max(256)).max(100).optional(),
  media: z.array(z.object({ url: httpUrl, type: z.string().min(1).max(64) })).max(20).optional(),
});

export type ReplayLine = z.infer<typeof replayLineSchema>;

export type LineResult = { ok: true; line: ReplayLine } | { ok: false; reason: string };

/** Parses one line; never throws. The reason names the first problem precisely. */
export function parseReplayLine(text: string): LineResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_LINE_BYTES) return { ok: false, reason: `line longer than ${MAX_LINE_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message.slice(0, 120)}` };
  }
  const parsed = replayLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? issue.path.join('.') : '(line)';
    return { ok: false, reason: `${path}: ${issue.message}` };
  }
  return { ok: true, line: parsed.data };
}
