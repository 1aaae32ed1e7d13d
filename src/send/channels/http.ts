import { parseRetryAfter } from '#platform/webhooks/signed-webhook.ts';
import type { DeliveryOutcome } from './channel.ts';

/** Per-request time limit of the HTTP channels: a hanging service is a temporary failure. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The engine's signal combined with a per-request timeout. */
export function withTimeout(signal: AbortSignal, timeoutMs: number): { signal: AbortSignal; timedOut: () => boolean } {
  const timeout = AbortSignal.timeout(timeoutMs);
  return { signal: AbortSignal.any([signal, timeout]), timedOut: () => timeout.aborted };
}

/** A fetch that failed before an answer: always worth a retry (the engine backs off). */
export function networkFailure(error: unknown, timedOut: boolean): DeliveryOutcome {
  if (timedOut) return { outcome: 'retry', reason: 'the service did not answer in time' };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return { outcome: 'retry', reason: `network error: ${cause?.code ?? cause?.message ?? (error as Error).message ?? String(error)}` };
}

/**
 * The outcome of a non-2xx answer: 408, 429 and 5xx are temporary (after Retry-After when
 * given); other statuses are permanent for this message. `detail` is the service's own words.
 */
export function failureFromStatus(status: number, headers: Headers, detail: string, retryAfterMs?: number): DeliveryOutcome {
  const reason = `HTTP ${status}${detail === '' ? '' : `: ${detail.slice(0, 300)}`}`;
  if (status === 408 || status === 429 || status >= 500) {
    const after = retryAfterMs ?? parseRetryAfter(headers.get('retry-after'));
    return after === undefined ? { outcome: 'retry', reason } : { outcome: 'retry', reason, retryAfterMs: after };
  }
  return { outcome: 'failed', reason };
}

/** The body of an answer as text, at most `max` characters, never throwing. */
export async function readText(response: Response, max = 64 * 1024): Promise<string> {
  try {
    const text = await response.text();
    return text.length > max ? text.slice(0, max) : text;
  } catch {
    return '';
  }
}

/** JSON of a body, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `error` (Mastodon, generic) or `message` (XRPC) member of an error body, else the start of the body. */
export function errorDetail(text: string): string {
  const json = parseJson(text);
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>;
    for (const key of ['error_description', 'message', 'error']) if (typeof record[key] === 'string') return record[key];
  }
  return text.trim().slice(0, 200);
}
