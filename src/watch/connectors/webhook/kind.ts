import type { ConnectorContext, ConnectorKind } from '../connector.ts';
import { webhookConfigSchema, webhookFieldTexts, type WebhookConfig } from './config.ts';
import { parseWebhookBody, webhookPostToIncoming, type WebhookItemError } from './parse.ts';
import { verifyWebhookSignature } from './signature.ts';

export { signWebhookBody, verifyWebhookSignature, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from './signature.ts';
export { parseWebhookBody, webhookPostToIncoming, MAX_WEBHOOK_BODY_BYTES, MAX_WEBHOOK_ITEMS } from './parse.ts';

/** What the webhook route answers: 401 bad signature, 400 nothing usable, 200 stored (with per-item errors). */
export type WebhookReceipt =
  | { status: 401; body: { reason: string } }
  | { status: 400; body: { reason: string; errors: WebhookItemError[] } }
  | { status: 200; body: { accepted: number; stored: number; duplicates: number; errors: WebhookItemError[] } };

/**
 * Handles one delivery to `POST /api/connectors/:id/webhook`: verifies the signature over the raw
 * body, reads the items, stores the valid ones (once each) and reports each invalid one. The route
 * builds a context for the connector (createConnectorContext) and sends back what this returns.
 */
export async function receiveWebhook(ctx: ConnectorContext<WebhookConfig>, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<WebhookReceipt> {
  const now = ctx.clock.now();
  const verdict = verifyWebhookSignature(rawBody, headers, ctx.config.secret, now);
  if (!verdict.ok) {
    ctx.reportMalformed(`signature: ${verdict.reason}`);
    return { status: 401, body: { reason: verdict.reason } };
  }
  const { posts, errors } = parseWebhookBody(rawBody, ctx.config, now);
  for (const error of errors) ctx.reportMalformed(error.index < 0 ? error.reason : `item ${error.index}: ${error.reason}`);
  if (posts.length === 0) return { status: 400, body: { reason: errors[0]?.reason ?? 'no items', errors } };
  const incoming = posts.map((p) => webhookPostToIncoming(p, (handle) => ctx.pseudonymise(handle)));
  const { stored, duplicates } = await ctx.emit(incoming, { lastDeliveryAt: now.toISOString() });
  return { status: 200, body: { accepted: posts.length, stored, duplicates, errors } };
}

/**
 * The generic JSON webhook (SPEC W1): a meldkamer, a P2000 relay or any system pushes signed
 * JSON items. A push connector: the runner does not poll it; `run` only reports it ready.
 */
export const webhookKind: ConnectorKind<WebhookConfig> = {
  kind: 'webhook',
  label: { nl: 'JSON-webhook', en: 'JSON webhook' },
  configSchema: webhookConfigSchema,
  secretFields: ['secret'],
  fields: webhookFieldTexts,
  mode: 'push',
  run: async (ctx) => {
    ctx.reportHealth('live', 'waiting for deliveries');
    if (ctx.signal.aborted) return;
    await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
  },
};
