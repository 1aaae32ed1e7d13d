import { WebSocket, type RawData } from 'ws';

// Shared by the Jetstream and Mastodon connectors. It lives here because the connector folders
// are the only ones these connectors own; it belongs in connectors/ once both are settled.

export interface FrameSocketOptions {
  url: string;
  headers?: Record<string, string>;
  signal: AbortSignal;
  /** How often we ping the server; its pong proves a quiet connection alive. */
  pingIntervalMs: number;
  /** No frame, ping or pong for this long: the connection is dead even if TCP has not noticed. */
  silenceMs: number;
  connectTimeoutMs: number;
  /**
   * Hard ceiling of one message; `ws` drops the connection beyond it. Set well above the
   * parser's own limit, so that ordinary oversized frames are reported and skipped instead.
   */
  maxPayloadBytes: number;
}

export type SocketRead = { type: 'frame'; text: string } | { type: 'idle' } | { type: 'aborted' };

/** Above this many unread frames the socket stops reading, so TCP slows the server down. */
const HIGH_WATER = 2000;
const LOW_WATER = 200;

/**
 * A WebSocket read as a queue of text frames. `next` hands out one frame at a time, waits at
 * most the given time, and throws once the connection is lost (closed, errored or silent), so
 * that the connector stops and the runner reconnects with backoff. Aborting the signal closes
 * the connection and makes `next` return `aborted` at once.
 */
export class FrameSocket {
  private readonly queue: string[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private lastSign = performance.now();
  private lastPing = performance.now();
  private paused = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort = () => this.close();

  private constructor(
    private readonly ws: WebSocket,
    private readonly options: FrameSocketOptions,
  ) {
    // Listeners go on before the handshake ends, so that no early frame or error is missed.
    ws.on('message', (data: RawData) => {
      this.lastSign = performance.now();
      this.queue.push(decode(data));
      if (this.queue.length >= HIGH_WATER && !this.paused) {
        this.paused = true;
        ws.pause();
      }
      this.notify();
    });
    ws.on('ping', () => (this.lastSign = performance.now()));
    ws.on('pong', () => (this.lastSign = performance.now()));
    ws.on('close', (code: number, reason: Buffer) => {
      const why = reason.length > 0 ? `: ${reason.toString('utf8').slice(0, 200)}` : '';
      this.fail(new Error(`connection closed by the server (${code}${why})`));
    });
    ws.on('error', (error: Error) => this.fail(new Error(`connection error: ${error.message}`)));
    options.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Connects; throws when the server refuses (HTTP status, TLS, timeout) or the signal aborts. */
  static async open(options: FrameSocketOptions): Promise<FrameSocket> {
    if (options.signal.aborted) throw new Error('aborted before connecting');
    const ws = new WebSocket(options.url, {
      headers: options.headers,
      handshakeTimeout: options.connectTimeoutMs,
      maxPayload: options.maxPayloadBytes,
      perMessageDeflate: false,
    });
    const socket = new FrameSocket(ws, options);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('close', () => reject(socket.failure ?? new Error('connection closed during the handshake')));
    });
    if (options.signal.aborted) {
      socket.close();
      throw new Error('aborted while connecting');
    }
    const tick = Math.max(10, Math.min(options.pingIntervalMs / 2, options.silenceMs / 4));
    socket.lastSign = performance.now();
    socket.timer = setInterval(() => socket.heartbeat(), tick);
    return socket;
  }

  /** The next frame, `idle` when none came within `waitMs`, or `aborted`; throws when the connection is lost. */
  async next(waitMs: number): Promise<SocketRead> {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.options.signal.aborted) return { type: 'aborted' };
      const text = this.queue.shift();
      if (text !== undefined) {
        this.lastSign = performance.now();
        if (this.paused && this.queue.length <= LOW_WATER) {
          this.paused = false;
          this.ws.resume();
        }
        return { type: 'frame', text };
      }
      if (this.failure) throw this.failure;
      if (attempt === 1 || waitMs <= 0) break;
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(() => {
          this.wake = undefined;
          resolve();
        }, waitMs);
        this.wake = () => {
          clearTimeout(timeout);
          this.wake = undefined;
          resolve();
        };
      });
    }
    return this.options.signal.aborted ? { type: 'aborted' } : { type: 'idle' };
  }

  /** Closes politely (close frame), and for good after a second if the server does not answer. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.options.signal.removeEventListener('abort', this.onAbort);
    if (this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(1000, 'client stopping');
      setTimeout(() => this.ws.terminate(), 1000).unref();
    } else {
      this.ws.terminate();
    }
    this.notify();
  }

  private heartbeat(): void {
    const now = performance.now();
    // While paused we read nothing, pongs included; the reader draining the queue is the sign of life then.
    if (!this.paused && now - this.lastSign > this.options.silenceMs) {
      this.fail(new Error(`no frame from the server for ${Math.round(this.options.silenceMs / 1000)} s`));
      this.ws.terminate();
      return;
    }
    if (now - this.lastPing >= this.options.pingIntervalMs && this.ws.readyState === WebSocket.OPEN) {
      this.lastPing = now;
      this.ws.ping();
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    clearInterval(this.timer);
    this.notify();
  }

  private notify(): void {
    this.wake?.();
  }
}

function decode(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
