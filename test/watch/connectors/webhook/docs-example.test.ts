import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { parseWebhookBody } from '#watch/connectors/webhook/parse.ts';
import { verifyWebhookSignature } from '#watch/connectors/webhook/signature.ts';

const run = promisify(execFile);

it('the curl + openssl example of docs/connectors/webhook.md produces a delivery that verifies and parses', async () => {
  const doc = readFileSync('docs/connectors/webhook.md', 'utf8');
  const script = /<!-- example: signed-delivery[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(doc)?.[1];
  expect(script).toBeDefined();
  const secret = 'e'.repeat(64);
  const received: { body: Buffer; headers: Record<string, string | string[] | undefined> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/connectors/x/webhook`;
    const local = script!.replace(/^SECRET=.*$/m, `SECRET='${secret}'`).replace(/^URL=.*$/m, `URL='${url}'`);
    await run('sh', ['-c', local]);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  expect(received).toHaveLength(1);
  const { body, headers } = received[0]!;
  expect(verifyWebhookSignature(body, headers, secret, new Date())).toEqual({ ok: true });
  const parsed = parseWebhookBody(body, { sourceName: 'meldkamer' });
  expect(parsed.errors).toEqual([]);
  expect(parsed.posts[0]).toMatchObject({ sourceId: 'm-1001', author: 'centralist-3', hashtags: ['brand'], location: { lat: 52.0907, lon: 5.1214 } });
});
