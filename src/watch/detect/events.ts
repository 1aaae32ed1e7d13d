import type { Signal } from './signal.ts';

/** Events of weak-signal detection (the bus contract, see platform/bus/events.ts). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /**
     * A signal was opened, grew (new posts), closed, or was reviewed by an operator. `postIds`
     * are the posts added by this change (all of them when opened).
     */
    'signal.changed': { signal: Signal; change: 'opened' | 'grown' | 'closed' | 'reviewed'; postIds: string[] };
  }
}
