import type { Channel, ChannelPreview, DeliveryOutcome, OutgoingMessage } from './channel.ts';
import { DEFAULT_TIMEOUT_MS, errorDetail, failureFromStatus, networkFailure, parseJson, readText, withTimeout } from './http.ts';
import { composeShortPost, findUrls, graphemeCount } from './text.ts';

export interface MastodonChannelOptions {
  /** The instance, e.g. `https://mastodon.nl`. */
  instanceUrl: string;
  /** Token with the scopes write:statuses and write:media. */
  accessToken: string;
  /** The instance's limit (`configuration.statuses.max_characters`); 500 is Mastodon's default. */
  maxCharacters?: number;
  visibility?: 'public' | 'unlisted';
  timeoutMs?: number;
  /** Largest media file fetched for upload; Mastodon's own image limit is 16 MB. */
  maxMediaBytes?: number;
}

/** What Mastodon counts every URL as, whatever its length. */
export const MASTODON_URL_LENGTH = 23;
const MAX_MEDIA = 4;

/** Length as Mastodon's StatusLengthValidator counts it: graphemes, every URL 23. */
export function mastodonLength(text: string): number {
  let length = graphemeCount(text);
  for (const { url } of findUrls(text)) length += MASTODON_URL_LENGTH - graphemeCount(url);
  return length;
}

/**
 * Posts a message as a public status (SPEC S4). The text is the marked headline, body and
 * instruction, shortened to the instance's limit, and the link to the full message. Retries reuse
 * the engine's idempotency key as Mastodon's `Idempotency-Key`, which the instance keeps for an
 * hour: a retry after a lost answer returns the status made the first time instead of a second one.
 */
export function createMastodonChannel(options: MastodonChannelOptions): Channel {
  const base = options.instanceUrl.replace(/\/+$/, '');
  const limit = options.maxCharacters ?? 500;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const auth = { authorization: `Bearer ${options.accessToken}` };

  function preview(message: OutgoingMessage): ChannelPreview {
    const text = composeShortPost(message, limit, mastodonLength);
    const problems: string[] = [];
    if (text === null) problems.push(`headline and link are longer than Mastodon's ${limit} characters`);
    if (message.media.length > MAX_MEDIA) problems.push(`Mastodon takes at most ${MAX_MEDIA} media per post (${message.media.length} given)`);
    const shown = text ?? `${message.headline}\n\n${message.url}`;
    return { text: shown, length: mastodonLength(shown), limit, unit: 'characters', problems };
  }

  async function uploadMedia(item: OutgoingMessage['media'][number], signal: AbortSignal): Promise<{ id: string } | DeliveryOutcome> {
    const timed = withTimeout(signal, timeoutMs);
    let file: Blob;
    try {
      const source = await fetch(item.url, { signal: timed.signal });
      if (!source.ok) return failureFromStatus(source.status, source.headers, `fetching media ${item.url}`);
      const bytes = await source.arrayBuffer();
      if (bytes.byteLength > (options.maxMediaBytes ?? 16 * 1024 * 1024)) return { outcome: 'failed', reason: `media ${item.url} is larger than allowed` };
      file = new Blob([bytes], { type: item.mimeType });
    } catch (error) {
      return networkFailure(error, timed.timedOut());
    }
    const form = new FormData();
    form.append('file', file, fileName(item.url));
    if (item.description !== '') form.append('description', item.description.slice(0, 1500));
    try {
      const response = await fetch(`${base}/api/v2/media`, { method: 'POST', headers: auth, body: form, signal: timed.signal });
      const text = await readText(response);
      if (response.status !== 200 && response.status !== 202) return failureFromStatus(response.status, response.headers, `media upload: ${errorDetail(text)}`, rateLimitReset(response.headers));
      const id = (parseJson(text) as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string' || id === '') return { outcome: 'retry', reason: 'media upload: answer without an id' };
      // 202 = still processing (video); Mastodon refuses a status with unprocessed media, so wait.
      if (response.status === 202) {
        const ready = await waitForMedia(id, signal);
        if (ready !== true) return ready;
      }
      return { id };
    } catch (error) {
      return networkFailure(error, timed.timedOut());
    }
  }

  async function waitForMedia(id: string, signal: AbortSignal): Promise<true | DeliveryOutcome> {
    for (let attempt = 0; attempt < 10; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      if (signal.aborted) return { outcome: 'retry', reason: 'aborted while media was processing' };
      const response = await fetch(`${base}/api/v1/media/${encodeURIComponent(id)}`, { headers: auth, signal });
      const text = await readText(response);
      if (response.status === 200) return true;
      if (response.status !== 206) return failureFromStatus(response.status, response.headers, errorDetail(text));
    }
    return { outcome: 'retry', reason: 'media still processing' };
  }

  async function deliver(message: OutgoingMessage, _recipient: unknown, idempotencyKey: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    const text = composeShortPost(message, limit, mastodonLength);
    if (text === null) return { outcome: 'failed', reason: `headline and link are longer than ${limit} characters` };
    const mediaIds: string[] = [];
    for (const item of message.media.slice(0, MAX_MEDIA)) {
      const uploaded = await uploadMedia(item, signal);
      if ('outcome' in uploaded) return uploaded;
      mediaIds.push(uploaded.id);
    }
    const timed = withTimeout(signal, timeoutMs);
    try {
      const response = await fetch(`${base}/api/v1/statuses`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify({ status: text, visibility: options.visibility ?? 'public', language: message.language, media_ids: mediaIds }),
        signal: timed.signal,
      });
      const body = await readText(response);
      if (response.status !== 200) return failureFromStatus(response.status, response.headers, errorDetail(body), rateLimitReset(response.headers));
      const id = (parseJson(body) as { id?: unknown } | undefined)?.id;
      // A 200 without a status is odd; trying again is safe because of the Idempotency-Key.
      if (typeof id !== 'string' || id === '') return { outcome: 'retry', reason: 'Mastodon answered 200 without a status id' };
      return { outcome: 'delivered', externalId: id };
    } catch (error) {
      return networkFailure(error, timed.timedOut());
    }
  }

  return { kind: 'mastodon', audience: 'broadcast', maxPerSecond: 1, preview, deliver };
}

/** Mastodon's 429 says when the window resets in X-RateLimit-Reset (an ISO time). */
function rateLimitReset(headers: Headers): number | undefined {
  const reset = headers.get('x-ratelimit-reset');
  if (reset === null) return undefined;
  const at = Date.parse(reset);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function fileName(url: string): string {
  try {
    const name = new URL(url).pathname.split('/').pop();
    return name === undefined || name === '' ? 'media' : name;
  } catch {
    return 'media';
  }
}
