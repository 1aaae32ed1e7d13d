/**
 * Web Push throughput (SPEC S4, §10: ≥ 2,000 messages/s per core): the Web Push channel
 * encrypting (RFC 8291 aes128gcm, a fresh ephemeral key per message) and POSTing with VAPID to the
 * local fake push service over HTTP on loopback, N subscriptions with distinct key pairs.
 *
 * The push service runs in a child process, so the CPU time of this process is the sender's work
 * alone; messages per CPU-second of this process is "per core". Peers: web-push's own
 * `generateRequestDetails` (encryption plus a VAPID JWT signed per message, as `sendNotification`
 * does) with no HTTP, and raw HTTP POSTs of an unencrypted body of the same size over the same
 * keep-alive agent with no encryption. Before timing, a short run against a fake that DOES verify
 * the JWT and decrypt checks that what is measured is correct.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import webpush from 'web-push';
import type { DeliveryOutcome, OutgoingMessage, Recipient } from '#send/channels/channel.ts';
import { createWebPushChannel, pushPayload } from '#send/channels/webpush.ts';
import { startFakePushService, type FakeSubscription } from '#test/support/fake-push-service.ts';

const SUBSCRIPTIONS = 1_000;
const MESSAGES = 20_000;
const CONCURRENCY = 64;
const CHECKED = 200;
const CHILD_FLAG = '--webpush-bench-push-service';

const message: OutgoingMessage = {
  id: randomUUID(),
  organisationId: 'org-bench',
  senderName: 'Gemeente Utrecht',
  msgType: 'Alert',
  status: 'Actual',
  language: 'nl',
  category: 'crowd_safety',
  urgency: 'Immediate',
  severity: 'Severe',
  certainty: 'Observed',
  headline: 'Erg druk rond de Jaarbeurs',
  body: 'Het is erg druk op het Jaarbeursplein en bij de ingang van de Jaarbeurs. Er komen geen bezoekers meer bij.',
  instruction: 'Ga niet naar het Jaarbeursplein. Reis via station Utrecht Zuilen.',
  url: 'https://waakzaam.example/berichten/bench',
  topics: ['drukte'],
  sentAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
  references: [],
  media: [],
};

function recipientOf(sub: FakeSubscription): Recipient {
  return { id: sub.id, address: JSON.stringify({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }), language: 'nl', unsubscribeUrl: `https://waakzaam.example/afmelden/${sub.id}` };
}

/** Runs `count` jobs with at most `concurrency` in flight; returns wall ms and CPU µs of this process. */
async function measure(count: number, concurrency: number, job: (i: number) => unknown): Promise<{ wallMs: number; cpuMicros: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await job(next++);
    }),
  );
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMicros: used.user + used.system };
}

async function startChild(): Promise<{ child: ChildProcess; url: string; subscriptions: FakeSubscription[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, String(SUBSCRIPTIONS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`push service child exited with ${code}`)));
  });
  const parsed = JSON.parse(first) as { url: string; subscriptions: FakeSubscription[] };
  return { child, ...parsed };
}

export async function webpushBench(): Promise<Record<string, unknown>> {
  const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:beheer@waakzaam.example' };

  // 1. Correctness: a fake that verifies the VAPID JWT and decrypts every message.
  const checking = await startFakePushService();
  const checkChannel = createWebPushChannel({ vapid });
  const checkSubs = Array.from({ length: 20 }, () => checking.subscribe());
  const expected = JSON.stringify(pushPayload(message, recipientOf(checkSubs[0]!)).body);
  for (let i = 0; i < CHECKED; i++) await checkChannel.deliver(message, recipientOf(checkSubs[i % checkSubs.length]!), `check-${i}`, new AbortController().signal);
  const decryptedOk = checking.received.filter((r) => JSON.stringify((JSON.parse(r.payload) as { body: string }).body) === expected && r.claims?.aud === checking.url).length;
  checkChannel.close();
  await checking.close();
  if (decryptedOk !== CHECKED) throw new Error(`correctness check failed: ${decryptedOk}/${CHECKED} pushes decrypted and verified`);

  // 2. The channel against the bench-mode service in a child process.
  const { child, subscriptions } = await startChild();
  try {
    const recipients = subscriptions.map(recipientOf);
    const channel = createWebPushChannel({ vapid, maxSockets: CONCURRENCY });
    const signal = new AbortController().signal;
    const outcomes: Record<DeliveryOutcome['outcome'], number> = { delivered: 0, retry: 0, failed: 0, gone: 0 };
    await measure(2_000, CONCURRENCY, async (i) => channel.deliver(message, recipients[i % recipients.length]!, `warm-${i}`, signal));
    const channelRun = await measure(MESSAGES, CONCURRENCY, async (i) => {
      const outcome = await channel.deliver(message, recipients[i % recipients.length]!, `m-${i}`, signal);
      outcomes[outcome.outcome]++;
    });
    channel.close();

    // Peer A: web-push's generateRequestDetails alone (encryption + per-message VAPID JWT), no HTTP.
    const payload = JSON.stringify(pushPayload(message, recipients[0]!));
    const subs = subscriptions.map((s) => ({ endpoint: s.endpoint, keys: s.keys }));
    const encryptOnly = await measure(MESSAGES / 4, 1, (i) => webpush.generateRequestDetails(subs[i % subs.length]!, payload, { vapidDetails: vapid, TTL: 3600, urgency: 'high' }));

    // Peer B: raw HTTP POSTs of an unencrypted body of the same size, same agent settings, no crypto.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const details = webpush.generateRequestDetails(subs[0]!, payload, { vapidDetails: vapid, TTL: 3600, urgency: 'high' });
    const rawBody = Buffer.alloc(details.body.length, 7);
    details.body.copy(rawBody, 0, 0, 86); // a well-formed aes128gcm header, so the fake accepts it
    const rawHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(details.headers)) rawHeaders[name] = String(value);
    let rawAccepted = 0;
    const rawRun = await measure(MESSAGES, CONCURRENCY, (i) =>
      new Promise<void>((resolve) => {
        const request = http.request(subs[i % subs.length]!.endpoint, { method: 'POST', headers: rawHeaders, agent }, (response) => {
          if (response.statusCode === 201) rawAccepted++;
          response.resume();
          response.on('end', resolve);
        });
        request.on('error', () => resolve());
        request.end(rawBody);
      }),
    );
    agent.destroy();

    const perCore = (count: number, cpuMicros: number) => Math.round(count / (cpuMicros / 1e6));
    const result = {
      subscriptions: SUBSCRIPTIONS,
      messages: MESSAGES,
      concurrency: CONCURRENCY,
      verifiedBeforeTiming: `${decryptedOk}/${CHECKED} decrypted by the fake with a valid VAPID JWT`,
      outcomes,
      channelMessagesPerCpuSecond: perCore(MESSAGES, channelRun.cpuMicros),
      channelMessagesPerWallSecond: Math.round(MESSAGES / (channelRun.wallMs / 1000)),
      peerEncryptOnlyPerCpuSecond: perCore(MESSAGES / 4, encryptOnly.cpuMicros),
      peerRawHttpPerCpuSecond: perCore(MESSAGES, rawRun.cpuMicros),
      rawHttpAccepted: rawAccepted,
      ratioChannelToEncryptOnly: Number((perCore(MESSAGES, channelRun.cpuMicros) / perCore(MESSAGES / 4, encryptOnly.cpuMicros)).toFixed(2)),
      ratioChannelToRawHttp: Number((perCore(MESSAGES, channelRun.cpuMicros) / perCore(MESSAGES, rawRun.cpuMicros)).toFixed(2)),
      target: 2000,
    };
    process.stdout.write(
      `web push channel  ${result.channelMessagesPerCpuSecond.toLocaleString('en')} messages/s per core (${result.channelMessagesPerWallSecond.toLocaleString('en')}/s wall; ${outcomes.delivered} delivered)\n` +
        `peer: web-push generateRequestDetails only  ${result.peerEncryptOnlyPerCpuSecond.toLocaleString('en')}/s per core (ratio ${result.ratioChannelToEncryptOnly})\n` +
        `peer: raw HTTP POST, no encryption  ${result.peerRawHttpPerCpuSecond.toLocaleString('en')}/s per core (ratio ${result.ratioChannelToRawHttp})\n` +
        `target ≥ 2,000 messages/s per core: ${result.channelMessagesPerCpuSecond >= 2000 ? 'met' : 'NOT met'}\n${JSON.stringify(result)}\n`,
    );
    return result;
  } finally {
    child.kill('SIGTERM');
  }
}

/** The child: a bench-mode push service with N subscriptions, announced as one JSON line. */
async function runChild(count: number): Promise<void> {
  const service = await startFakePushService({ bench: true });
  const subscriptions = Array.from({ length: count }, () => service.subscribe());
  process.stdout.write(`${JSON.stringify({ url: service.url, subscriptions })}\n`);
  process.on('SIGTERM', () => {
    void service.close().then(() => process.exit(0));
  });
}

if (process.argv[2] === CHILD_FLAG && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runChild(Number(process.argv[3] ?? SUBSCRIPTIONS));
}
