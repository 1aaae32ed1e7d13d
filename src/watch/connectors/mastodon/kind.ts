import type { IncomingPost } from '../../post.ts';
import type { ConnectorContext, ConnectorKind } from '../connector.ts';
import { languageAllowed } from '../jetstream/filter.ts';
import { FrameSocket } from '../frame-socket.ts';
import { DEFAULT_BATCH_POLICY, StreamBatch, type BatchPolicy } from '../stream-batch.ts';
import { MastodonApi, PAGE_LIMIT } from './client.ts';
import { mastodonConfigSchema, mastodonFieldTexts, streamQuery, timelineKey, type MastodonConfig } from './config.ts';
import { normaliseStatus, statusLanguage, type InstanceNames } from './normalise.ts';
import { compareStatusIds, MAX_FRAME_BYTES, parseStatus, parseStreamFrame, rawStatusId, type MastodonStatus } from './parse.ts';

export type { MastodonConfig } from './config.ts';

/** The stored resume position: the highest status id consumed, for one instance and timeline. */
export interface MastodonCursor {
  instance: string;
  timeline: string;
  lastId: string;
}

export interface MastodonTiming {
  pingIntervalMs: number;
  silenceMs: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** The catch-up after a restart reads at most this many statuses; older gaps stay gaps. */
  maxCatchUp: number;
  batch: BatchPolicy;
}

export const DEFAULT_MASTODON_TIMING: MastodonTiming = {
  pingIntervalMs: 30_000,
  silenceMs: 90_000,
  connectTimeoutMs: 15_000,
  requestTimeoutMs: 20_000,
  maxCatchUp: 400,
  batch: DEFAULT_BATCH_POLICY,
};

/**
 * The Mastodon connector (SPEC W1): follows a public, local, hashtag or list timeline of one
 * instance over the WebSocket streaming API. The stream has no replay, so on each (re)connect
 * the connector first reads what it missed through the REST timeline (`min_id` = the cursor),
 * while the stream's frames wait in the socket's queue; the store absorbs the overlap.
 */
export function createMastodonKind(timing: Partial<MastodonTiming> = {}): ConnectorKind<MastodonConfig> {
  const t = { ...DEFAULT_MASTODON_TIMING, ...timing };
  return {
    kind: 'mastodon',
    label: { nl: 'Mastodon (streaming)', en: 'Mastodon (streaming)' },
    configSchema: mastodonConfigSchema,
    secretFields: ['accessToken'],
    fields: mastodonFieldTexts,
    mode: 'pull',
    run: (ctx) => runMastodon(ctx, t),
  };
}

export const mastodonKind: ConnectorKind<MastodonConfig> = createMastodonKind();

async function runMastodon(ctx: ConnectorContext<MastodonConfig>, t: MastodonTiming): Promise<void> {
  const { config } = ctx;
  const host = new URL(config.instanceUrl).host;
  const key = timelineKey(config);
  const stored = ctx.cursor as Partial<MastodonCursor> | undefined;
  let lastId = stored?.instance === host && stored.timeline === key && typeof stored.lastId === 'string' ? stored.lastId : undefined;
  const api = new MastodonApi({ config, signal: ctx.signal, timeoutMs: t.requestTimeoutMs });

  ctx.reportHealth('connecting', `connecting to ${host}`);
  let socket: FrameSocket;
  let names: InstanceNames;
  try {
    const instance = await api.instance();
    names = { host, accountDomain: instance.accountDomain };
    socket = await FrameSocket.open({
      url: `${instance.streamingBase}/api/v1/streaming?${streamQuery(config).toString()}`,
      headers: { Authorization: `Bearer ${config.accessToken}` },
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

  const advance = (id: string): MastodonCursor => {
    if (lastId === undefined || compareStatusIds(id, lastId) > 0) lastId = id;
    return { instance: host, timeline: key, lastId };
  };
  /** The post of a status that passes the filters; the cursor moves past it either way. */
  const consume = (status: MastodonStatus): IncomingPost | undefined => {
    const language = statusLanguage(status);
    if (!languageAllowed(language ? [language] : [], config.language)) return undefined;
    return normaliseStatus(status, names, (acct) => ctx.pseudonymise(acct)) ?? undefined;
  };
  const batch = new StreamBatch<MastodonCursor>(ctx, t.batch);
  try {
    if (lastId !== undefined) await catchUp(ctx, api, lastId, t.maxCatchUp, consume, advance);
    ctx.reportHealth('live', `following ${key} on ${host}`);
    ctx.log.info({ host, timeline: key, from: lastId ?? null }, 'mastodon stream connected');
    for (;;) {
      const read = await socket.next(batch.waitMs(1000));
      if (read.type === 'aborted') break;
      if (read.type === 'frame') {
        const frame = parseStreamFrame(read.text);
        if (frame.kind === 'malformed') ctx.reportMalformed(frame.reason);
        else if (frame.kind === 'error') throw new Error(`the streaming server refused: ${frame.message.slice(0, 200)}`);
        else if (frame.kind === 'status') {
          batch.add(consume(frame.status), advance(frame.status.id));
        }
        // Deleted statuses are kept as they were seen; other events carry no posts.
      }
      await batch.flushIfDue();
    }
  } catch (error) {
    // Stopping mid-request (a catch-up page, a flush) is a stop, not a failure.
    if (!ctx.signal.aborted) throw error;
  } finally {
    socket.close();
    await batch.flush().catch((error: unknown) => ctx.log.warn({ err: error }, 'could not store the last mastodon batch'));
  }
}

/**
 * Reads the statuses after `since` through the REST timeline, oldest page first (`min_id`
 * paginates forward), storing each page with its cursor. Bounded: after a long outage the
 * oldest missed statuses are read and the rest is left as a gap, which is logged.
 */
async function catchUp(
  ctx: ConnectorContext<MastodonConfig>,
  api: MastodonApi,
  since: string,
  max: number,
  consume: (status: MastodonStatus) => IncomingPost | undefined,
  advance: (id: string) => MastodonCursor,
): Promise<void> {
  let after = since;
  let read = 0;
  while (read < max && !ctx.signal.aborted) {
    const page = await api.timelineAfter(ctx.config, after);
    if (page.length === 0) break;
    read += page.length;
    const posts: IncomingPost[] = [];
    let highest = after;
    for (const item of page) {
      const parsed = parseStatus(item);
      const id = parsed.ok ? parsed.status.id : rawStatusId(item);
      if (id !== undefined && compareStatusIds(id, highest) > 0) highest = id;
      if (!parsed.ok) {
        ctx.reportMalformed(parsed.reason);
        continue;
      }
      const post = consume(parsed.status);
      if (post) posts.push(post);
    }
    // A server that ignores min_id would hand out the same page for ever.
    if (compareStatusIds(highest, after) <= 0) break;
    await ctx.emit(posts, advance(highest));
    after = highest;
    if (page.length < PAGE_LIMIT) break;
  }
  if (read >= max) ctx.log.warn({ since, read }, 'mastodon catch-up stopped at its bound; statuses between it and the live stream are missing');
}
