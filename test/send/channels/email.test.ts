import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailer } from '#platform/mail/mailer.ts';
import { createEmailChannel, emailSubject } from '#send/channels/email.ts';
import { startFakeSmtp, type FakeSmtp } from '#test/support/fake-smtp.ts';
import { buildOutgoingMessage, buildRecipient, never } from './build-message.ts';

describe('email channel', () => {
  let smtp: FakeSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    mailer = new Mailer({ url: smtp.url, from: 'Waakzaam <noreply@waakzaam.example>', timeoutSeconds: 5 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  const channel = () => createEmailChannel({ mailer });

  it('sends text and HTML with the organisation as sender and a one-click List-Unsubscribe', async () => {
    const message = buildOutgoingMessage({ body: 'Let op: <script>alert(1)</script> & "drukte"' });
    const outcome = await channel().deliver(message, buildRecipient(), 'k1', never);
    expect(outcome.outcome).toBe('delivered');
    const { mail, raw } = smtp.messages.at(-1)!;
    expect(outcome).toEqual({ outcome: 'delivered', externalId: mail.messageId });
    expect(mail.subject).toBe('Erg druk rond de Jaarbeurs');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Gemeente Utrecht', address: 'noreply@waakzaam.example' });
    expect(mail.text).toContain('Let op: <script>alert(1)</script> & "drukte"');
    expect(mail.text).toContain('Afmelden voor deze berichten: https://waakzaam.example/afmelden/abc123');
    expect(mail.html).toContain('Let op: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;drukte&quot;');
    expect(mail.html).not.toContain('<script>');
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/waakzaam\.example\/afmelden\/abc123>\r$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });

  it('prefixes the subject with [OEFENING] or [EXERCISE] in an exercise', async () => {
    expect(emailSubject(buildOutgoingMessage({ status: 'Exercise' }))).toBe('[OEFENING] Erg druk rond de Jaarbeurs');
    expect(emailSubject(buildOutgoingMessage({ status: 'Exercise', language: 'en', msgType: 'Update', headline: 'Crowding' }))).toBe('[EXERCISE] Update: Crowding');
    await channel().deliver(buildOutgoingMessage({ status: 'Exercise' }), buildRecipient(), 'k2', never);
    expect(smtp.messages.at(-1)!.mail.subject).toBe('[OEFENING] Erg druk rond de Jaarbeurs');
  });

  it('a refused address is gone, a 451 is retried, a bad address is gone, no server is retried', async () => {
    smtp.refuse.add('weg@example.nl');
    expect((await channel().deliver(buildOutgoingMessage(), buildRecipient({ address: 'weg@example.nl' }), 'k3', never)).outcome).toBe('gone');
    smtp.failData = 451;
    expect((await channel().deliver(buildOutgoingMessage(), buildRecipient(), 'k4', never)).outcome).toBe('retry');
    smtp.failData = 554;
    expect((await channel().deliver(buildOutgoingMessage(), buildRecipient(), 'k5', never)).outcome).toBe('failed');
    smtp.failData = null;
    expect((await channel().deliver(buildOutgoingMessage(), buildRecipient({ address: 'geen adres' }), 'k6', never)).outcome).toBe('gone');
    const closed = new Mailer({ url: 'smtp://127.0.0.1:1', from: 'x@example.nl', timeoutSeconds: 2 });
    expect((await createEmailChannel({ mailer: closed }).deliver(buildOutgoingMessage(), buildRecipient(), 'k7', never)).outcome).toBe('retry');
    closed.close();
  });
});
