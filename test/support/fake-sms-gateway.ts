import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP SMS gateway of the shape Waakzaam's SMS channel speaks (docs/configuration.md):
 * `POST /messages` with `Authorization: Bearer <token>` and JSON `{to, text, reference}`; 202 with
 * `{id}`. Like most commercial gateways it deduplicates on `reference` and refuses numbers that
 * are not E.164 with 422.
 */
export interface FakeSmsGateway {
  url: string;
  token: string;
  sent: Array<{ id: string; to: string; text: string; reference: string }>;
  answers: Array<{ status: number; body: string; headers?: Record<string, string> }>;
  close(): Promise<void>;
}

export async function startFakeSmsGateway(token = 'sms-gateway-token-123'): Promise<FakeSmsGateway> {
  const sent: FakeSmsGateway['sent'] = [];
  const answers: FakeSmsGateway['answers'] = [];
  const byReference = new Map<string, string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/messages') return reply(404, { error: 'not found' });
      if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: 'invalid token' });
      const answer = answers.shift();
      if (answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body);
        return;
      }
      let body: { to?: unknown; text?: unknown; reference?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return reply(400, { error: 'body is not JSON' });
      }
      if (typeof body.to !== 'string' || !/^\+[1-9]\d{7,14}$/.test(body.to)) return reply(422, { error: 'to must be an E.164 number' });
      if (typeof body.text !== 'string' || body.text === '') return reply(422, { error: 'text is empty' });
      if (typeof body.reference !== 'string') return reply(422, { error: 'reference missing' });
      const earlier = byReference.get(body.reference);
      if (earlier) return reply(202, { id: earlier, duplicate: true });
      const id = randomUUID();
      byReference.set(body.reference, id);
      sent.push({ id, to: body.to, text: body.text, reference: body.reference });
      reply(202, { id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`,
    token,
    sent,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
