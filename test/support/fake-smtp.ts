import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server (smtp-server) that collects every mail it accepts, parsed with mailparser,
 * so tests see what a real mail client would: headers, text and HTML parts. It can be told to
 * refuse a recipient (550) or answer every mail with a temporary 451.
 */
export interface FakeSmtp {
  /** `smtp://user:pass@127.0.0.1:port` (authentication is required, plain text on loopback). */
  url: string;
  messages: Array<{ envelope: { from: string; to: string[] }; mail: ParsedMail; raw: string }>;
  /** Recipient addresses answered with 550 at RCPT TO. */
  refuse: Set<string>;
  /** When set, every DATA is answered with this 4xx/5xx code. */
  failData: number | null;
  close(): Promise<void>;
}

export async function startFakeSmtp(options: { user?: string; password?: string } = {}): Promise<FakeSmtp> {
  const user = options.user ?? 'waakzaam';
  const password = options.password ?? 'geheim-wachtwoord';
  const messages: FakeSmtp['messages'] = [];
  const refuse = new Set<string>();
  const state = { failData: null as number | null };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.failData !== null) {
          callback(Object.assign(new Error(state.failData >= 500 ? 'Message refused' : 'Try again later'), { responseCode: state.failData }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
            messages.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, mail, raw });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${user}:${password}@127.0.0.1:${port}`,
    messages,
    refuse,
    get failData() {
      return state.failData;
    },
    set failData(value) {
      state.failData = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
