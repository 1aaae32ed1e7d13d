import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local Jetstream for connector tests: `GET /subscribe` upgraded to a WebSocket, with the
 * documented query parameters (`wantedCollections`, repeatable, with `.*` prefixes; `wantedDids`;
 * `cursor` in µs, replaying the events it kept from that time on before the live tail) and the
 * documented event shapes (github.com/bluesky-social/jetstream, README "Example events").
 */

export interface CommitEventJson {
  did: string;
  time_us: number;
  kind: 'commit';
  commit: { rev: string; operation: 'create' | 'update' | 'delete'; collection: string; rkey: string; record?: Record<string, unknown>; cid?: string };
}

export type JetstreamEventJson = CommitEventJson | { did: string; time_us: number; kind: 'identity' | 'account'; [key: string]: unknown };

// Jetstream stamps each event with the time it saw it.
let clockUs = Date.now() * 1000;
let keyCounter = 0;

/** A time_us later than every one before it (events are some milliseconds apart). */
export function nextTimeUs(): number {
  clockUs += 1000 + Math.floor(Math.random() * 5000);
  return clockUs;
}

/** A TID-like record key (13 base32 characters), unique per call. */
export function nextRkey(): string {
  keyCounter += 1;
  return `3l3qo2v${keyCounter.toString(32).padStart(6, 'z')}`;
}

export interface PostEventInput {
  did?: string;
  rkey?: string;
  timeUs?: number;
  text?: string;
  createdAt?: string;
  langs?: string[];
  facets?: unknown[];
  tags?: string[];
  embed?: unknown;
  reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
  operation?: 'create' | 'update';
}

/** An `app.bsky.feed.post` create commit, as Jetstream sends it. */
export function buildPostEvent(input: PostEventInput = {}): CommitEventJson {
  const record: Record<string, unknown> = {
    $type: 'app.bsky.feed.post',
    createdAt: input.createdAt ?? new Date().toISOString(),
    langs: input.langs ?? ['nl'],
    text: input.text ?? 'Druk bij de Dom vanavond',
  };
  if (input.facets) record.facets = input.facets;
  if (input.tags) record.tags = input.tags;
  if (input.embed) record.embed = input.embed;
  if (input.reply) record.reply = input.reply;
  return {
    did: input.did ?? 'did:plc:eygmaihciaxprqvxpfvl6flk',
    time_us: input.timeUs ?? nextTimeUs(),
    kind: 'commit',
    commit: {
      rev: '3l3qo2vutsw2b',
      operation: input.operation ?? 'create',
      collection: 'app.bsky.feed.post',
      rkey: input.rkey ?? nextRkey(),
      record,
      cid: 'bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi',
    },
  };
}

/** An `app.bsky.feed.repost` create commit. */
export function buildRepostEvent(subjectUri: string, did = 'did:plc:rfov6bpyztcnedeyyzgfq42k'): CommitEventJson {
  return {
    did,
    time_us: nextTimeUs(),
    kind: 'commit',
    commit: {
      rev: '3l3f6nzl3cv2s',
      operation: 'create',
      collection: 'app.bsky.feed.repost',
      rkey: nextRkey(),
      record: { $type: 'app.bsky.feed.repost', createdAt: new Date().toISOString(), subject: { cid: 'bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4', uri: subjectUri } },
      cid: 'bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi',
    },
  };
}

/** An identity event (README example), which every subscriber receives. */
export function buildIdentityEvent(did = 'did:plc:ufbl4k27gp6kzas5glhz7fim'): JetstreamEventJson {
  return { did, time_us: nextTimeUs(), kind: 'identity', identity: { did, handle: 'yohenrique.bsky.social', seq: 1409752997, time: new Date().toISOString() } };
}

export interface Subscription {
  wantedCollections: string[];
  wantedDids: string[];
  cursor: string | null;
}

export interface FakeJetstream {
  /** The endpoint to configure (ws://127.0.0.1:port/subscribe). */
  url: string;
  /** What each connection asked for, in order. */
  subscriptions: Subscription[];
  /** Keeps the event for replay and sends it to the subscribers that want it. */
  publish(event: JetstreamEventJson): void;
  /** Sends one raw frame to every open connection (not kept for replay). */
  sendRaw(text: string): void;
  dropConnections(): void;
  /** Stops answering pings and sending events, like a connection that died silently. */
  freeze(): void;
  openSockets(): number;
  close(): Promise<void>;
}

const NSID_OR_PREFIX = /^[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)+(\.\*)?$/;

export async function startFakeJetstream(): Promise<FakeJetstream> {
  const history: JetstreamEventJson[] = [];
  const clients = new Map<WebSocket, Subscription>();
  const subscriptions: Subscription[] = [];
  let frozen = false;

  const server = createServer((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('404 page not found');
  });
  const wss = new WebSocketServer({ noServer: true, autoPong: false });

  const wants = (sub: Subscription, event: JetstreamEventJson) => {
    if (event.kind !== 'commit') return true; // identity and account events reach everyone
    if (sub.wantedDids.length > 0 && !sub.wantedDids.includes(event.did)) return false;
    if (sub.wantedCollections.length === 0) return true;
    return sub.wantedCollections.some((c) => (c.endsWith('.*') ? event.commit.collection.startsWith(c.slice(0, -1)) : c === event.commit.collection));
  };

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const sub: Subscription = { wantedCollections: url.searchParams.getAll('wantedCollections'), wantedDids: url.searchParams.getAll('wantedDids'), cursor: url.searchParams.get('cursor') };
    const invalid = url.pathname !== '/subscribe' || sub.wantedCollections.length > 100 || sub.wantedCollections.some((c) => !NSID_OR_PREFIX.test(c)) || (sub.cursor !== null && !/^\d+$/.test(sub.cursor));
    if (invalid) {
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nbad request');
      return;
    }
    subscriptions.push(sub);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('ping', (data) => {
        if (!frozen) ws.pong(data);
      });
      ws.on('error', () => undefined);
      ws.on('close', () => clients.delete(ws));
      // A cursor in the past replays what was kept from then on; an absent or future one is the live tail.
      if (sub.cursor !== null) {
        const from = Number(sub.cursor);
        for (const event of history) if (event.time_us >= from && wants(sub, event)) ws.send(JSON.stringify(event));
      }
      clients.set(ws, sub);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `ws://127.0.0.1:${port}/subscribe`,
    subscriptions,
    publish(event) {
      history.push(event);
      if (frozen) return;
      for (const [ws, sub] of clients) if (wants(sub, event)) ws.send(JSON.stringify(event));
    },
    sendRaw(text) {
      for (const ws of clients.keys()) ws.send(text);
    },
    dropConnections() {
      for (const ws of clients.keys()) ws.terminate();
      clients.clear();
    },
    freeze() {
      frozen = true;
    },
    openSockets: () => clients.size,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
