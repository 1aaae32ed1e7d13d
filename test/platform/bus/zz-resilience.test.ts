import { it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { systemClock } from '#core/clock.ts';
import { NatsBus } from '#platform/bus/nats-bus.ts';
import { createTestDatabase } from '#test/support/stores.ts';
import { uniqueStream, silentLog } from '#test/support/buses.ts';
import { waitFor, sleep } from '#test/support/wait.ts';

const dir = mkdtempSync('/tmp/dbg/js-');
function server(): ChildProcess {
  return spawn('/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', '4333', '-js', '-sd', dir], { stdio: 'ignore' });
}
async function stop(p: ChildProcess) { const done = new Promise((r) => p.once('exit', r)); p.kill('SIGKILL'); await done; }
const t0 = Date.now();
const say = (s: string) => process.stderr.write(`STEP ${s} ${Date.now() - t0}\n`);

it('closes while the server is down', async () => {
  const srv = server();
  await sleep(500);
  const tdb = await createTestDatabase('sqlite');
  const bus = await NatsBus.connect({ database: tdb.database, clock: systemClock, log: silentLog, servers: ['nats://127.0.0.1:4333'], stream: uniqueStream(), relayPollMs: 50, ackWaitMs: 3000 });
  const seen: number[] = [];
  bus.subscribe('c1', ['natstest.a'], async (events) => void seen.push(...events.map((e) => e.payload.n)));
  await bus.start();
  say('started');
  await tdb.database.transaction((tx) => bus.publish(tx, 'natstest.a', { n: 1 }));
  await waitFor(() => seen.length === 1, 'first');
  say('first');
  await stop(srv);
  say('stopped');
  await sleep(200);
  const b = bus as unknown as Record<string, unknown>;
  await (b.relay as { close(): Promise<void> }).close(); say('relay');
  await (b.consumers as { close(): Promise<void> }[])[0]!.close(); say('consumer');
  await (b.disconnect as () => Promise<void>).call(bus); say('disconnect');
  await bus.close(); say('closed');
  await tdb.drop();
}, 40_000);
