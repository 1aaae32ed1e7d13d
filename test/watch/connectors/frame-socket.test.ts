import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { FrameSocket, type FrameSocketOptions } from '#watch/connectors/frame-socket.ts';
import { sleep } from '#test/support/wait.ts';

interface Fixture {
  url: string;
  server: Server;
  wss: WebSocketServer;
}

async function serve(onConnection: (ws: WebSocket) => void, options: { autoPong?: boolean; refuse?: number } = {}): Promise<Fixture> {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, autoPong: options.autoPong ?? true });
  server.on('upgrade', (req, socket, head) => {
    if (options.refuse) {
      socket.end(`HTTP/1.1 ${options.refuse} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, onConnection);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, wss };
}

describe('FrameSocket', () => {
  let fixture: Fixture | undefined;
  const controller = () => new AbortController();
  const options = (url: string, signal: AbortSignal): FrameSocketOptions => ({ url, signal, pingIntervalMs: 50, silenceMs: 400, connectTimeoutMs: 2000, maxPayloadBytes: 1024 * 1024 });

  afterEach(async () => {
    if (!fixture) return;
    for (const ws of fixture.wss.clients) ws.terminate();
    fixture.wss.close();
    await new Promise<void>((resolve) => fixture!.server.close(() => resolve()));
    fixture = undefined;
  });

  it('delivers every frame in order, also when the reader falls far behind', async () => {
    fixture = await serve((ws) => {
      for (let i = 0; i < 5000; i++) ws.send(String(i));
    });
    const socket = await FrameSocket.open(options(fixture.url, controller().signal));
    await sleep(200); // let the server outrun the reader, past the point where reading pauses
    const seen: string[] = [];
    while (seen.length < 5000) {
      const read = await socket.next(1000);
      if (read.type !== 'frame') throw new Error(`unexpected ${read.type}`);
      seen.push(read.text);
    }
    expect(seen).toEqual(Array.from({ length: 5000 }, (_, i) => String(i)));
    socket.close();
  });

  it('answers idle when nothing comes, and keeps a quiet connection alive with pings', async () => {
    fixture = await serve(() => undefined);
    const socket = await FrameSocket.open(options(fixture.url, controller().signal));
    for (let i = 0; i < 6; i++) expect(await socket.next(100)).toEqual({ type: 'idle' });
    socket.close();
  });

  it('throws when the server stops answering pings', async () => {
    fixture = await serve(() => undefined, { autoPong: false });
    const socket = await FrameSocket.open(options(fixture.url, controller().signal));
    await expect(async () => {
      for (;;) await socket.next(100);
    }).rejects.toThrow(/no frame from the server/);
  });

  it('throws when the server closes, after handing out what it sent before', async () => {
    fixture = await serve((ws) => {
      ws.send('last words');
      ws.close(1011, 'going away');
    });
    const socket = await FrameSocket.open(options(fixture.url, controller().signal));
    expect(await socket.next(1000)).toEqual({ type: 'frame', text: 'last words' });
    await expect(socket.next(1000)).rejects.toThrow('connection closed by the server (1011: going away)');
  });

  it('fails to open when the server refuses the upgrade', async () => {
    fixture = await serve(() => undefined, { refuse: 401 });
    await expect(FrameSocket.open(options(fixture.url, controller().signal))).rejects.toThrow(/401/);
  });

  it('returns aborted at once when the signal aborts, and closes the connection', async () => {
    let closed = false;
    fixture = await serve((ws) => ws.on('close', () => (closed = true)));
    const abort = controller();
    const socket = await FrameSocket.open(options(fixture.url, abort.signal));
    const waiting = socket.next(60_000);
    abort.abort();
    expect(await waiting).toEqual({ type: 'aborted' });
    await expect.poll(() => closed).toBe(true);
  });
});
