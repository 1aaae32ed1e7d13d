import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature, type SignatureCheck } from '#platform/webhooks/signed-webhook.ts';

/**
 * A receiver of Waakzaam's outgoing webhooks that does what docs/webhooks.md tells receivers to do:
 * verifies the signature over the raw body (401 when wrong), drops repeated event ids, and answers
 * with the status a test asks for.
 */
export interface FakeWebhookReceiver {
  url: string;
  secret: string;
  /** Every request, verified or not. */
  requests: Array<{ path: string; headers: IncomingMessage['headers']; body: string; check: SignatureCheck }>;
  /** Distinct accepted events, by event id. */
  events: Map<string, unknown>;
  /** Status to answer for the next requests (default 204 after verification); `hang` never answers. */
  respondWith: number | 'hang';
  retryAfter: string | null;
  close(): Promise<void>;
}

export async function startFakeWebhookReceiver(secret = 'ontvanger-geheim-0123456789abcdef0123456789'): Promise<FakeWebhookReceiver> {
  const receiver: Omit<FakeWebhookReceiver, 'url' | 'close'> = { secret, requests: [], events: new Map(), respondWith: 204, retryAfter: null };
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
      const check = verifySignature({ body, header: Array.isArray(header) ? header[0] : header, secret: receiver.secret });
      receiver.requests.push({ path: req.url ?? '/', headers: req.headers, body, check });
      if (receiver.respondWith === 'hang') {
        hanging.add(res);
        return;
      }
      if (!check.ok) return send(res, 401, { error: check.reason });
      if (receiver.respondWith >= 300) {
        if (receiver.retryAfter !== null) res.setHeader('Retry-After', receiver.retryAfter);
        return send(res, receiver.respondWith, { error: 'as configured' });
      }
      const id = String(req.headers[EVENT_ID_HEADER.toLowerCase()] ?? '');
      if (!receiver.events.has(id)) receiver.events.set(id, JSON.parse(body) as unknown);
      res.writeHead(receiver.respondWith);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/waakzaam`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
