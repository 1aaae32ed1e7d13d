import { MailError, type Mailer } from '#platform/mail/mailer.ts';
import type { Channel, ChannelPreview, DeliveryOutcome, MessageLanguage, OutgoingMessage, Recipient } from './channel.ts';
import { EXERCISE_MARKER, markedHeadline } from './text.ts';

export interface EmailChannelOptions {
  mailer: Pick<Mailer, 'send' | 'from'>;
}

const FOOTER: Record<MessageLanguage, { more: string; unsubscribe: string; why: string }> = {
  nl: { more: 'Lees het hele bericht', unsubscribe: 'Afmelden voor deze berichten', why: 'U krijgt deze e-mail omdat u zich hebt aangemeld voor berichten van' },
  en: { more: 'Read the full message', unsubscribe: 'Unsubscribe from these messages', why: 'You receive this email because you subscribed to messages from' },
};

/** The subject: `[OEFENING]` first for an exercise, so mail filters and people see it at once. */
export function emailSubject(message: OutgoingMessage): string {
  const headline = message.msgType === 'Alert' ? message.headline : markedHeadline({ ...message, status: 'Actual' });
  return message.status === 'Exercise' ? `[${EXERCISE_MARKER[message.language]}] ${headline}` : headline;
}

/** Plain text and HTML of the mail; the HTML escapes every text. */
export function emailBodies(message: OutgoingMessage, recipient: Pick<Recipient, 'unsubscribeUrl'> | null): { text: string; html: string } {
  const words = FOOTER[message.language];
  const headline = markedHeadline(message);
  const paragraphs = [message.body, message.instruction ?? ''].filter((p) => p.trim() !== '');
  const unsubscribe = recipient?.unsubscribeUrl;
  const text = [headline, ...paragraphs, `${words.more}: ${message.url}`, '--', `${words.why} ${message.senderName}.`, ...(unsubscribe ? [`${words.unsubscribe}: ${unsubscribe}`] : [])].join('\n\n');
  const html = `<!doctype html>
<html lang="${message.language}"><head><meta charset="utf-8"><title>${escapeHtml(headline)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;max-width:40em">
<h1 style="font-size:1.4em">${escapeHtml(headline)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n')}
<p><a href="${escapeHtml(message.url)}">${words.more}</a></p>
<hr><p style="font-size:0.9em">${words.why} ${escapeHtml(message.senderName)}.${unsubscribe ? ` <a href="${escapeHtml(unsubscribe)}">${words.unsubscribe}</a>` : ''}</p>
</body></html>`;
  return { text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Email over SMTP (SPEC S4) through the platform Mailer: multipart text + HTML, the sender's name
 * on From, and `List-Unsubscribe` (+ one-click, RFC 8058) with the recipient's link. A 5xx refusal
 * of the address is `gone`; other 5xx replies fail this message; connection trouble and 4xx retry.
 * SMTP has no idempotency key: a retry after a lost answer can send a second mail (rare, and the
 * Message-ID lets clients fold them).
 */
export function createEmailChannel(options: EmailChannelOptions): Channel {
  function preview(message: OutgoingMessage): ChannelPreview {
    const subject = emailSubject(message);
    const { text } = emailBodies(message, null);
    return { text: `${subject}\n\n${text}`, length: subject.length, limit: 200, unit: 'characters', problems: subject.length > 200 ? ['the subject is longer than 200 characters'] : [] };
  }

  async function deliver(message: OutgoingMessage, recipient: Recipient | null): Promise<DeliveryOutcome> {
    if (recipient === null) return { outcome: 'failed', reason: 'email needs a recipient' };
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(recipient.address)) return { outcome: 'gone', reason: 'not an email address' };
    const { text, html } = emailBodies(message, recipient);
    const headers: Record<string, string> = {};
    if (recipient.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${recipient.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      const { messageId } = await options.mailer.send({ to: recipient.address, from: fromWithName(options.mailer.from, message.senderName), subject: emailSubject(message), text, html, headers });
      return { outcome: 'delivered', externalId: messageId };
    } catch (error) {
      if (!(error instanceof MailError)) return { outcome: 'retry', reason: (error as Error).message };
      if (error.permanent && error.rejected.length > 0) return { outcome: 'gone', reason: `address refused: ${error.message.slice(0, 200)}` };
      return error.permanent ? { outcome: 'failed', reason: error.message.slice(0, 300) } : { outcome: 'retry', reason: error.message.slice(0, 300) };
    }
  }

  return { kind: 'email', audience: 'recipient', maxPerSecond: 20, preview, deliver };
}

/** `"Gemeente Utrecht" <noreply@…>`: the organisation's name on the configured address. */
function fromWithName(from: string, name: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  return `"${name.replace(/["\\\r\n]/g, '')}" <${address}>`;
}
