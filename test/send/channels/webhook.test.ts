import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '#send/channels/webhook.ts';
import { startFakeWebhookReceiver, type FakeWebhookReceiver } from '#test/support/fake-webhook-receiver.ts';
import { buildOutgoingMessage, buildRecipient, never } from './build-message.ts';

describe('webhook channel', () => {
  let receiver: FakeWebhookReceiver;
  beforeAll(async () => {
    receiver = await startFakeWebhookReceiver();
  });
  afterAll(() => receiver.close());
  const channel = createWebhookChannel({ allowHttp: true, timeoutMs: 2000 });
  const recipient = () => buildRecipient({ address: JSON.stringify({ url: receiver.url, secret: receiver.secret }) });

  it('posts the message signed with the recipient secret; a retry carries the same event id', async () => {
    const message = buildOutgoingMessage({ status: 'Exercise' });
    expect(await channel.deliver(message, recipient(), 'm1:webhook:r1', never)).toEqual({ outcome: 'delivered' });
    expect(await channel.deliver(message, recipient(), 'm1:webhook:r1', never)).toEqual({ outcome: 'delivered' });
    expect(receiver.requests.slice(-2).every((r) => r.check.ok)).toBe(true);
    expect(receiver.events.size).toBe(1);
    expect(receiver.events.get('m1:webhook:r1')).toMatchObject({ type: 'send.message', message: { id: message.id, exercise: true, headline: 'OEFENING — Erg druk rond de Jaarbeurs' } });
  });

  it('a wrong secret fails, 503 retries, 410 is gone, a bad address or http:// in production is gone', async () => {
    const wrong = buildRecipient({ address: JSON.stringify({ url: receiver.url, secret: 'not-the-receivers-secret-0000' }) });
    expect((await channel.deliver(buildOutgoingMessage(), wrong, 'k2', never)).outcome).toBe('failed');
    receiver.respondWith = 503;
    expect((await channel.deliver(buildOutgoingMessage(), recipient(), 'k3', never)).outcome).toBe('retry');
    receiver.respondWith = 410;
    expect((await channel.deliver(buildOutgoingMessage(), recipient(), 'k4', never)).outcome).toBe('gone');
    receiver.respondWith = 204;
    expect((await channel.deliver(buildOutgoingMessage(), buildRecipient({ address: 'https://x.example' }), 'k5', never)).outcome).toBe('gone');
    expect((await createWebhookChannel().deliver(buildOutgoingMessage(), recipient(), 'k6', never)).outcome).toBe('gone');
  });
});
