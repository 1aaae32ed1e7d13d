import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One open Server-Sent Events response. */
export interface EventStream {
  /** Sends one event; false once the stream is closed. */
  send(event: string, data: unknown, id?: string): boolean;
  readonly closed: boolean;
  /** Runs when the client goes away or the server shuts down. */
  onClose(fn: () => void): void;
}

/** A slow client that lets this much pile up is dropped; it reconnects and catches up by Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1 << 20;
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for the dashboards. Streams are tracked so that shutdown ends them (an open
 * stream would otherwise keep the server from closing).
 */
export class EventStreams {
  private readonly open = new Set<() => void>();

  get size(): number {
    return this.open.size;
  }

  start(request: FastifyRequest, reply: FastifyReply): EventStream {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    raw.write('retry: 3000\n\n');
    const closers: Array<() => void> = [];
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      this.open.delete(close);
      for (const fn of closers) fn();
      raw.end();
    };
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    this.open.add(close);
    request.raw.on('close', close);
    return {
      get closed() {
        return closed;
      },
      onClose: (fn) => closers.push(fn),
      send: (event, data, id) => {
        if (closed) return false;
        if (raw.writableLength > MAX_BUFFERED_BYTES) {
          close();
          return false;
        }
        // JSON never contains a raw newline, so one data line per event is enough.
        raw.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        return true;
      },
    };
  }

  closeAll(): void {
    for (const close of [...this.open]) close();
  }
}
