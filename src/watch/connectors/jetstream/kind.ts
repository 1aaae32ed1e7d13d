import type { IncomingPost } from '../../post.ts';
import type { ConnectorContext, ConnectorKind } from '../connector.ts';
import { jetstreamConfigSchema, jetstreamFieldTexts, subscribeUrl, type JetstreamConfig } from './config.ts';
import { compileKeywordFilter, languageAllowed } from './filter.ts';
import { FrameSocket } from '../frame-socket.ts';
import { declaredLanguages, normalisePost, normaliseRepost, tagsOf } from './normalise.ts';
import { MAX_FRAME_BYTES, parseJetstreamFrame } from './parse.ts';
import { DEFAULT_BATCH_POLICY, StreamBatch, type BatchPolicy } from '../stream-batch.ts';

export type { JetstreamConfig } from './config.ts';

/** The stored resume position: the `time_us` of the last event consumed. */
export interface JetstreamCursor {
  timeUs: number;
}

export interface JetstreamTiming {
  pingIntervalMs: number;
  silenceMs: number;
  connectTimeoutMs: number;
  /** Jetstream advises resuming a few seconds before the last event seen, so none is missed. */
  rewindUs: number;
  batch: BatchPolicy;
}

export const DEFAULT_JETSTREAM_TIMING: JetstreamTiming = {
  pingIntervalMs: 30_000,
  silenceMs: 90_000,
  connectTimeoutMs: 15_000,
  rewindUs: 5_000_000,
  batch: DEFAULT_BATCH_POLICY,
};

function readCursor(value: unknown): JetstreamCursor | undefined {
  const timeUs = (value as Partial<JetstreamCursor> | undefined)?.timeUs;
  return typeof timeUs === 'number' && Number.isSafeInteger(timeUs) && timeUs > 0 ? { timeUs } : undefined;
}

/**
 * The Bluesky connector (SPEC W1): reads the Jetstream JSON firehose, keeps the posts that match
 * the organisation's keywords and languages (the firehose cannot filter on content), and stores
 * them in batches with the `time_us` cursor. On a restart it asks Jetstream to replay from a few
 * seconds before that cursor; the store absorbs the overlap.
 */
export function createJetstreamKind(timing: Partial<JetstreamTiming> = {}): ConnectorKind<JetstreamConfig> {
  const t = { ...DEFAULT_JETSTREAM_TIMING, ...timing };
  return {
    kind: 'bluesky',
    label: { nl: 'Bluesky (Jetstream)', en: 'Bluesky (Jetstream)' },
    configSchema: jetstreamConfigSchema,
    secretFields: [],
    fields: jetstreamFieldTexts,
    mode: 'pull',
    run: (ctx) => runJetstream(ctx, t),
  };
}

export const jetstreamKind: ConnectorKind<JetstreamConfig> = createJetstreamKind();

async function runJetstream(ctx: ConnectorContext<JetstreamConfig>, t: JetstreamTiming): Promise<void> {
  const { config } = ctx;
  const resumed = readCursor(ctx.cursor);
  const url = subscribeUrl(config, resumed ? resumed.timeUs - t.rewindUs : undefined);
  const host = new URL(config.endpoint).host;
  ctx.reportHealth('connecting', `connecting to ${host}`);
  let socket: FrameSocket;
  try {
    socket = await FrameSocket.open({
      url,
      signal: ctx.signal,
      pingIntervalMs: t.pingIntervalMs,
      silenceMs: t.silenceMs,
      connectTimeoutMs: t.connectTimeoutMs,
      maxPayloadBytes: 16 * MAX_FRAME_BYTES,
    });
  } catch (error) {
    if (ctx.signal.aborted) return;
    throw error;
  }
  ctx.reportHealth('live', resumed ? `resumed at ${new Date(resumed.timeUs / 1000).toISOString()}` : 'following the live stream');
  ctx.log.info({ url, resumed: resumed?.timeUs ?? null }, 'jetstream connected');

  const matches = compileKeywordFilter(config.keywords);
  const wanted = new Set<string>(config.wantedCollections);
  const pseudonymise = (did: string) => ctx.pseudonymise(did);
  const batch = new StreamBatch<JetstreamCursor>(ctx, t.batch);
  // Events before the stored cursor were consumed in an earlier run; the one at it may not have been.
  const skipBefore = resumed?.timeUs ?? 0;
  let last = skipBefore;
  try {
    for (;;) {
      const read = await socket.next(batch.waitMs(1000));
      if (read.type === 'aborted') break;
      if (read.type === 'frame') {
        const frame = parseJetstreamFrame(read.text);
        if (frame.kind === 'malformed') ctx.reportMalformed(frame.reason);
        const timeUs = frame.kind === 'post' || frame.kind === 'repost' ? frame.ref.timeUs : frame.timeUs;
        if (timeUs !== undefined && timeUs >= skipBefore) {
          let post: IncomingPost | undefined;
          // Filtered before normalising, so that only kept posts cost a pseudonym.
          if (frame.kind === 'post' && wanted.has(frame.ref.collection) && languageAllowed(declaredLanguages(frame.record), config.languages) && matches(frame.record.text, tagsOf(frame.record))) {
            post = normalisePost(frame.ref, frame.record, pseudonymise);
          } else if (frame.kind === 'repost' && wanted.has(frame.ref.collection) && config.keywords.length === 0) {
            post = normaliseRepost(frame.ref, frame.record, pseudonymise);
          }
          last = Math.max(last, timeUs);
          batch.add(post, { timeUs: last });
        }
      }
      await batch.flushIfDue();
    }
  } catch (error) {
    // Stopping mid-request (a catch-up page, a flush) is a stop, not a failure.
    if (!ctx.signal.aborted) throw error;
  } finally {
    socket.close();
    // Whatever was consumed is stored, even when the connection broke; if storing fails too,
    // the cursor stays behind and the next run reads those events again.
    await batch.flush().catch((error: unknown) => ctx.log.warn({ err: error }, 'could not store the last jetstream batch'));
  }
}
