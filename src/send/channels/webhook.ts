import { sendSignedWebhook } from '#platform/webhooks/signed-webhook.ts';
import type { Channel, ChannelPreview, DeliveryOutcome, OutgoingMessage, Recipient } from './channel.ts';
import { markedHeadline } from './text.ts';

/** A webhook recipient's address: its URL and the secret it verifies signatures with. */
export interface WebhookAddress {
  url: string;
  secret: string;
}

export interface WebhookChannelOptions {
  timeoutMs?: number;
  /** Allows http:// receivers (tests, a local relay); production receivers use https. */
  allowHttp?: boolean;
}

/** The JSON a receiver gets: the whole message, for systems that republish or archive it. */
export function webhookPayload(message: OutgoingMessage): Record<string, unknown> {
  return {
    type: 'send.message',
    message: {
      id: message.id,
      organisationId: message.organisationId,
      sender: message.senderName,
      msgType: message.msgType,
      status: message.status,
      exercise: message.status === 'Exercise',
      language: message.language,
      category: message.category,
      urgency: message.urgency,
      severity: message.severity,
      certainty: message.certainty,
      headline: markedHeadline(message),
      body: message.body,
      instruction: message.instruction ?? null,
      url: message.url,
      area: message.area ?? null,
      topics: message.topics,
      sentAt: message.sentAt,
      expiresAt: message.expiresAt ?? null,
      references: message.references,
      media: message.media,
    },
  };
}

/**
 * Signed outgoing webhooks (SPEC S4): the message as JSON POSTed to each receiver with its own
 * secret (docs/webhooks.md). The engine's idempotency key is the event id, the same on every
 * retry, so a receiver drops repeats.
 */
export function createWebhookChannel(options: WebhookChannelOptions = {}): Channel {
  function preview(message: OutgoingMessage): ChannelPreview {
    const text = JSON.stringify(webhookPayload(message), null, 2);
    return { text, length: Buffer.byteLength(text), limit: null, unit: 'bytes', problems: [] };
  }

  async function deliver(message: OutgoingMessage, recipient: Recipient | null, idempotencyKey: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    if (recipient === null) return { outcome: 'failed', reason: 'a webhook needs a recipient' };
    const address = parseAddress(recipient.address, options.allowHttp ?? false);
    if (address === null) return { outcome: 'gone', reason: 'the webhook address is not {url, secret}' };
    const result = await sendSignedWebhook({ url: address.url, secret: address.secret, payload: webhookPayload(message), eventId: idempotencyKey, eventType: 'send.message', signal, timeoutMs: options.timeoutMs });
    if (result.outcome === 'delivered') return { outcome: 'delivered' };
    return result;
  }

  return { kind: 'webhook', audience: 'recipient', maxPerSecond: 50, preview, deliver };
}

function parseAddress(address: string, allowHttp: boolean): WebhookAddress | null {
  try {
    const value = JSON.parse(address) as Partial<WebhookAddress>;
    if (typeof value.url !== 'string' || typeof value.secret !== 'string' || value.secret.length < 16) return null;
    const url = new URL(value.url);
    if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return null;
    return { url: url.toString(), secret: value.secret };
  } catch {
    return null;
  }
}
