import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailer, MailError } from '#platform/mail/mailer.ts';
import { startFakeSmtp, type FakeSmtp } from '#test/support/fake-smtp.ts';

describe('Mailer over SMTP', () => {
  let smtp: FakeSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    mailer = new Mailer({ url: smtp.url, from: 'Gemeente Utrecht <noreply@utrecht.example>', timeoutSeconds: 5 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });

  it('delivers a multipart mail with text, HTML and extra headers', async () => {
    const { messageId } = await mailer.send({
      to: 'inwoner@example.nl',
      subject: 'Drukte bij de Jaarbeurs — één melding',
      text: 'Vermijd het Jaarbeursplein.',
      html: '<p>Vermijd het <b>Jaarbeursplein</b>.</p>',
      headers: { 'List-Unsubscribe': '<https://waakzaam.example/u/abc>' },
    });
    expect(messageId).toMatch(/^<.+@.+>$/);
    const received = smtp.messages.at(-1)!;
    expect(received.envelope.to).toEqual(['inwoner@example.nl']);
    expect(received.mail.subject).toBe('Drukte bij de Jaarbeurs — één melding');
    expect(received.mail.text?.trim()).toBe('Vermijd het Jaarbeursplein.');
    expect(received.mail.html).toContain('<b>Jaarbeursplein</b>');
    expect(received.raw).toMatch(/^List-Unsubscribe: <https:\/\/waakzaam\.example\/u\/abc>\r$/m);
    expect(received.mail.from?.value[0]).toMatchObject({ address: 'noreply@utrecht.example', name: 'Gemeente Utrecht' });
    expect(received.mail.messageId).toBe(messageId);
  });

  it('reports a refused recipient as a permanent MailError', async () => {
    smtp.refuse.add('weg@example.nl');
    const error = await mailer.send({ to: 'weg@example.nl', subject: 'x', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).permanent).toBe(true);
    expect((error as MailError).responseCode).toBe(550);
  });

  it('reports a 451 as temporary', async () => {
    smtp.failData = 451;
    try {
      const error = await mailer.send({ to: 'inwoner@example.nl', subject: 'x', text: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailError);
      expect((error as MailError).responseCode).toBe(451);
      expect((error as MailError).permanent).toBe(false);
    } finally {
      smtp.failData = null;
    }
  });

  it('reports wrong credentials and an unreachable server as errors, never a crash', async () => {
    const wrong = new Mailer({ url: smtp.url.replace('geheim-wachtwoord', 'fout'), from: 'x@example.nl', timeoutSeconds: 5 });
    await expect(wrong.send({ to: 'a@example.nl', subject: 'x', text: 'x' })).rejects.toBeInstanceOf(MailError);
    wrong.close();
    const closed = new Mailer({ url: 'smtp://127.0.0.1:1', from: 'x@example.nl', timeoutSeconds: 2 });
    const error = (await closed.send({ to: 'a@example.nl', subject: 'x', text: 'x' }).catch((e: unknown) => e)) as MailError;
    expect(error).toBeInstanceOf(MailError);
    expect(error.responseCode).toBeNull();
    expect(error.permanent).toBe(false);
    closed.close();
  });
});
