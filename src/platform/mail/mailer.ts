import nodemailer, { type Transporter } from 'nodemailer';

/** What the mailer needs: the SMTP server and the sender. */
export interface MailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465`. */
  url: string;
  /** The From header, e.g. `Gemeente Utrecht <noreply@utrecht.nl>`. */
  from: string;
  /** Seconds to wait for the server at each step; a hanging server must not hold a delivery forever. */
  timeoutSeconds?: number;
}

/** One mail. `html` adds an HTML alternative beside the text (multipart/alternative). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe`. Header names that nodemailer sets itself are ignored here. */
  headers?: Record<string, string>;
  /** Overrides the configured From (e.g. a display name per organisation), same address rules. */
  from?: string;
}

/**
 * The SMTP error of a refused mail, with what the caller needs to decide: `permanent` for 5xx
 * replies (the address or content is refused), otherwise worth trying again.
 */
export class MailError extends Error {
  override name = 'MailError';
  constructor(
    message: string,
    /** SMTP reply code when the server answered (e.g. 550), else null (connection, timeout). */
    readonly responseCode: number | null,
    /** Addresses the server refused. */
    readonly rejected: readonly string[],
  ) {
    super(message);
  }

  /** A 5xx reply: sending the same mail again will not help. */
  get permanent(): boolean {
    return this.responseCode !== null && this.responseCode >= 500 && this.responseCode < 600;
  }
}

/**
 * A small mailer over nodemailer's SMTP transport (pooled connections). Used for alert-rule
 * notifications and the send module's email channel; both only need `send()`.
 */
export class Mailer {
  private readonly transport: Transporter;
  readonly from: string;

  constructor(options: MailerOptions) {
    const timeout = (options.timeoutSeconds ?? 30) * 1000;
    const url = new URL(options.url);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`Mailer: expected an smtp:// or smtps:// URL, got ${url.protocol}`);
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port === '' ? (url.protocol === 'smtps:' ? 465 : 587) : Number(url.port),
      secure: url.protocol === 'smtps:',
      auth: url.username === '' ? undefined : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      pool: true,
      maxConnections: 3,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      // `?tls=insecure` accepts a self-signed certificate (a local relay); never the default.
      tls: url.searchParams.get('tls') === 'insecure' ? { rejectUnauthorized: false } : undefined,
    });
    this.from = options.from;
  }

  /** Sends one mail; resolves with the Message-ID, or throws {@link MailError}. */
  async send(message: MailMessage): Promise<{ messageId: string }> {
    try {
      const info = (await this.transport.sendMail({
        from: message.from ?? this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
      })) as { messageId: string; rejected?: unknown[] };
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) throw new MailError(`recipient refused: ${rejected.join(', ')}`, 550, rejected);
      return { messageId: info.messageId };
    } catch (error) {
      if (error instanceof MailError) throw error;
      const e = error as { message?: string; responseCode?: number; rejected?: unknown[] };
      throw new MailError(e.message ?? String(error), typeof e.responseCode === 'number' ? e.responseCode : null, (e.rejected ?? []).map(String));
    }
  }

  /** Closes pooled connections. */
  close(): void {
    this.transport.close();
  }
}
