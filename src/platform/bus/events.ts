/**
 * The bus contract: event type → payload. Modules add their events by augmenting this interface
 * in their own `events.ts` (see src/watch/events.ts), so the platform never imports a module:
 *
 *   declare module '#platform/bus/events.ts' {
 *     interface EventMap { 'posts.received': PostsReceived }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface EventMap {}

export type EventType = Extract<keyof EventMap, string>;

/** An event as delivered to consumers. `id` is unique and the key for idempotent consumers. */
export interface BusEvent<K extends EventType = EventType> {
  id: string;
  type: K;
  organisationId: string | null;
  occurredAt: string;
  payload: EventMap[K];
}
