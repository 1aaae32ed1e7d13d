import type { Channel, ChannelPreview, DeliveryOutcome, OutgoingMessage, Recipient } from './channel.ts';
import { DEFAULT_TIMEOUT_MS, errorDetail, failureFromStatus, networkFailure, parseJson, readText, withTimeout } from './http.ts';
import { smsSegments } from './sms-segments.ts';
import { markedHeadline } from './text.ts';

export interface SmsChannelOptions {
  /** The gateway's endpoint: `POST {to, text, reference}` as JSON. */
  gatewayUrl: string;
  token: string;
  /** Most segments one message may cost (each is paid for); longer texts are shortened. */
  maxSegments?: number;
  timeoutMs?: number;
}

/** E.164: + and 8 to 15 digits. */
const E164 = /^\+[1-9]\d{7,14}$/;

/** The SMS text: marked headline, instruction (what to do matters most on a phone) and link. */
export function smsText(message: OutgoingMessage, maxSegments: number): string | null {
  const head = gsmFriendly(markedHeadline(message));
  const middle = gsmFriendly((message.instruction ?? message.body).trim());
  const assemble = (m: string) => [head, m, message.url].filter((p) => p !== '').join('\n');
  const full = assemble(middle);
  if (smsSegments(full).segments <= maxSegments) return full;
  if (smsSegments(assemble('')).segments > maxSegments) return null;
  const chars = [...middle];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (smsSegments(assemble(`${chars.slice(0, mid).join('').trimEnd()}...`)).segments <= maxSegments) low = mid;
    else high = mid - 1;
  }
  // "..." rather than "…": the ellipsis character is not GSM-7 and would switch the text to UCS-2.
  return low === 0 ? assemble('') : assemble(`${chars.slice(0, low).join('').trimEnd()}...`);
}

/**
 * Typographic characters replaced by their GSM-7 look-alikes: one curly quote or dash would
 * otherwise switch the whole text to UCS-2 and more than double the number of SMS.
 */
export function gsmFriendly(text: string): string {
  return text.replace(/[‘’‚′]/g, "'").replace(/[“”„″]/g, '"').replace(/[–—−]/g, '-').replace(/…/g, '...').replace(/\u00A0/g, ' ');
}

/**
 * SMS through a configurable HTTP gateway (SPEC S4): `POST {to, text, reference}` with a bearer
 * token; `reference` is the engine's idempotency key, so a gateway that deduplicates on it sends
 * each text once. 2xx → delivered (the gateway's `id` when it gives one); 429/5xx → retry; other
 * 4xx → failed; a number that is not E.164 → gone.
 */
export function createSmsChannel(options: SmsChannelOptions): Channel {
  const maxSegments = options.maxSegments ?? 3;

  function preview(message: OutgoingMessage): ChannelPreview {
    const text = smsText(message, maxSegments);
    const shown = text ?? `${gsmFriendly(markedHeadline(message))}\n${message.url}`;
    const segments = smsSegments(shown);
    return { text: shown, length: segments.segments, limit: maxSegments, unit: 'segments', problems: text === null ? [`headline and link need more than ${maxSegments} SMS`] : [] };
  }

  async function deliver(message: OutgoingMessage, recipient: Recipient | null, idempotencyKey: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    if (recipient === null) return { outcome: 'failed', reason: 'SMS needs a recipient' };
    const to = recipient.address.replace(/[\s-]/g, '');
    if (!E164.test(to)) return { outcome: 'gone', reason: 'not a phone number in international form (+31…)' };
    const text = smsText(message, maxSegments);
    if (text === null) return { outcome: 'failed', reason: `headline and link need more than ${maxSegments} SMS` };
    const timed = withTimeout(signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      const response = await fetch(options.gatewayUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify({ to, text, reference: idempotencyKey }),
        signal: timed.signal,
      });
      const body = await readText(response);
      if (response.status < 200 || response.status >= 300) return failureFromStatus(response.status, response.headers, errorDetail(body));
      const id = (parseJson(body) as { id?: unknown } | undefined)?.id;
      return typeof id === 'string' || typeof id === 'number' ? { outcome: 'delivered', externalId: String(id) } : { outcome: 'delivered' };
    } catch (error) {
      return networkFailure(error, timed.timedOut());
    }
  }

  return { kind: 'sms', audience: 'recipient', maxPerSecond: 10, preview, deliver };
}
