import type { Database } from '../db/database.ts';
import type { BusEvent, EventMap, EventType } from './events.ts';

/**
 * How an event type's payload is stored and sent, when that differs from the payload itself. A
 * batch event that names rows already in the store (posts stored, posts analysed) is stored as
 * their ids and read back from the store only where it is not at hand: consumers in the
 * publishing process get the payload object from memory (memory-bus.ts), so the store writes and
 * JSON of each post happen once, not once more per event. Consumers always see the decoded
 * payload; only the transports encode and decode (docs/decisions/0017-event-codecs.md).
 */
export interface EventCodec<K extends EventType> {
  /** The payload as stored in the outbox and sent over NATS. */
  encode(payload: EventMap[K]): unknown;
  /**
   * The payload from its stored form (as parsed from JSON: untrusted in shape), reading the store
   * where needed. Rows deleted since the event was staged are left out.
   */
  decode(stored: unknown, database: Database): Promise<EventMap[K]>;
  /** Estimated characters the payload object takes in memory (the memory bus's budget). */
  size(payload: EventMap[K]): number;
}

const codecs = new Map<string, EventCodec<EventType>>();

/** Registers the codec of an event type (at module load, from the module's events.ts). */
export function registerCodec<K extends EventType>(type: K, codec: EventCodec<K>): void {
  codecs.set(type, codec);
}

/** The payload as stored and sent. */
export function encodePayload(type: EventType, payload: unknown): unknown {
  const codec = codecs.get(type);
  return codec ? codec.encode(payload as EventMap[EventType]) : payload;
}

/** Estimated in-memory characters of a payload whose stored JSON has `storedLength` characters. */
export function payloadSize(type: EventType, payload: unknown, storedLength: number): number {
  const codec = codecs.get(type);
  return codec ? Math.max(storedLength, codec.size(payload as EventMap[EventType])) : storedLength;
}

/** Events as parsed from the outbox or a NATS message, with their payloads decoded. */
export async function decodeEvents(events: BusEvent[], database: Database): Promise<BusEvent[]> {
  if (!events.some((e) => codecs.has(e.type))) return events;
  const out: BusEvent[] = [];
  for (const event of events) {
    const codec = codecs.get(event.type);
    out.push(codec ? { ...event, payload: await codec.decode(event.payload, database) } : event);
  }
  return out;
}
