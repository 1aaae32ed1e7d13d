import { AtpAgent } from '@atproto/api';
import type { Channel, ChannelPreview, DeliveryOutcome, OutgoingMessage } from './channel.ts';
import { linkFacets } from './bluesky-facets.ts';
import { composeShortPost, graphemeCount, takeGraphemes } from './text.ts';

export interface BlueskyChannelOptions {
  /** The PDS, e.g. `https://bsky.social`. */
  serviceUrl: string;
  /** Handle or DID of the posting account. */
  identifier: string;
  /** An app password, never the account password. */
  appPassword: string;
}

/** Bluesky's limits for `app.bsky.feed.post` text. */
export const BLUESKY_MAX_GRAPHEMES = 300;
const BLUESKY_MAX_BYTES = 3000;

function blueskyLength(text: string): number {
  // The byte limit only bites for scripts of 4-byte characters; count it as over the grapheme limit then.
  return Buffer.byteLength(text, 'utf8') > BLUESKY_MAX_BYTES ? BLUESKY_MAX_GRAPHEMES + 1 : graphemeCount(text);
}

/** XRPC errors that mean "this post will never be accepted" rather than "try again". */
const PERMANENT_ERRORS = new Set(['InvalidRequest', 'InvalidSwap', 'AuthenticationRequired', 'AccountTakedown', 'InvalidToken', 'AuthFactorTokenRequired']);

/**
 * Posts a message as an `app.bsky.feed.post` record (SPEC S4) through @atproto/api's AtpAgent:
 * one session (createSession) made on first use and reused, the agent refreshing it when the
 * access token expires (createSession is limited to 30 per 5 minutes). The record key is derived
 * from the engine's idempotency key, so a retry after a lost answer cannot post twice: the PDS
 * refuses a second record under the same key, and the channel then finds the first one.
 */
export function createBlueskyChannel(options: BlueskyChannelOptions): Channel {
  const agent = new AtpAgent({ service: options.serviceUrl });
  let login: Promise<unknown> | null = null;

  async function ensureSession(): Promise<void> {
    if (agent.session) return;
    login ??= agent.login({ identifier: options.identifier, password: options.appPassword }).finally(() => {
      login = null;
    });
    await login;
  }

  function compose(message: OutgoingMessage): string | null {
    return composeShortPost(message, BLUESKY_MAX_GRAPHEMES, blueskyLength);
  }

  function preview(message: OutgoingMessage): ChannelPreview {
    const text = compose(message);
    const shown = text ?? `${message.headline}\n\n${message.url}`;
    return {
      text: shown,
      length: graphemeCount(shown),
      limit: BLUESKY_MAX_GRAPHEMES,
      unit: 'graphemes',
      problems: text === null ? [`headline and link are longer than Bluesky's ${BLUESKY_MAX_GRAPHEMES} characters`] : [],
    };
  }

  async function deliver(message: OutgoingMessage, _recipient: unknown, idempotencyKey: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    const text = compose(message);
    if (text === null) return { outcome: 'failed', reason: `headline and link are longer than ${BLUESKY_MAX_GRAPHEMES} graphemes` };
    try {
      await ensureSession();
    } catch (error) {
      return fromError(error, 'login');
    }
    const did = agent.session?.did;
    if (did === undefined) return { outcome: 'retry', reason: 'login gave no session' };
    const tags = message.topics.map((t) => takeGraphemes(t.replace(/^#/, ''), 64)).filter((t) => t !== '').slice(0, 8);
    const record = {
      $type: 'app.bsky.feed.post',
      text,
      createdAt: new Date(message.sentAt).toISOString(),
      langs: [message.language],
      facets: linkFacets(text),
      ...(tags.length > 0 ? { tags } : {}),
    };
    const rkey = recordKey(idempotencyKey, message.sentAt);
    try {
      const response = await agent.com.atproto.repo.createRecord({ repo: did, collection: 'app.bsky.feed.post', rkey, record }, { signal });
      return { outcome: 'delivered', externalId: response.data.uri };
    } catch (error) {
      const outcome = fromError(error, 'createRecord');
      // An earlier attempt may have created the record and lost the answer: then the post went
      // out once, which is what we want. Asking is cheaper than guessing from the error's shape.
      if (outcome.outcome !== 'delivered' && (await recordExists(did, rkey, signal))) return { outcome: 'delivered', externalId: `at://${did}/app.bsky.feed.post/${rkey}` };
      return outcome;
    }
  }

  async function recordExists(did: string, rkey: string, signal: AbortSignal): Promise<boolean> {
    try {
      await agent.com.atproto.repo.getRecord({ repo: did, collection: 'app.bsky.feed.post', rkey }, { signal });
      return true;
    } catch {
      return false;
    }
  }

  return { kind: 'bluesky', audience: 'broadcast', maxPerSecond: 0.4, preview, deliver };
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * The record key of a message's post: a TID (the key type app.bsky.feed.post's lexicon requires),
 * built from the message's send time and a hash of the idempotency key instead of the clock, so
 * that every attempt of one delivery names the same record. The microseconds and the 10-bit
 * "clock id" come from the hash, so two messages sent in the same millisecond still differ.
 */
export function recordKey(idempotencyKey: string, sentAt: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(idempotencyKey, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  const millis = BigInt(Math.max(0, Date.parse(sentAt) || 0));
  const micros = millis * 1000n + (hash % 1000n);
  const value = ((micros & 0x1fffffffffffffn) << 10n) | ((hash >> 20n) & 0x3ffn);
  let tid = '';
  for (let i = 12; i >= 0; i--) tid += TID_ALPHABET[Number((value >> BigInt(i * 5)) & 31n)];
  return tid;
}

interface XrpcLikeError {
  status?: number;
  error?: string;
  message?: string;
  headers?: Record<string, string>;
}

function fromError(error: unknown, step: string): DeliveryOutcome {
  const e = error as XrpcLikeError;
  const status = typeof e.status === 'number' ? e.status : 0;
  const reason = `${step}: ${e.error ?? 'error'}${e.message ? ` (${e.message.slice(0, 200)})` : ''}`;
  if (status === 429 || status >= 500 || status === 0 || status === 1) {
    // 429 says when the window resets (RateLimit-Reset, Unix seconds).
    const reset = Number(e.headers?.['ratelimit-reset']);
    return Number.isFinite(reset) && reset > 0 ? { outcome: 'retry', reason, retryAfterMs: Math.max(0, reset * 1000 - Date.now()) } : { outcome: 'retry', reason };
  }
  if (status === 401 || status === 403 || (e.error !== undefined && PERMANENT_ERRORS.has(e.error)) || status === 400 || status === 413) return { outcome: 'failed', reason };
  return { outcome: 'retry', reason };
}
