import type { Role } from './dispatch.ts';
import type { Language } from './messages.ts';
import type { ResponderState } from './tables.ts';

/** Events of the respond module (the bus contract, see platform/bus/events.ts). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /** The control room started a dispatch; the first wave follows as `dispatch.alerted` events. */
    'dispatch.started': { dispatchId: string; lat: number; lon: number; address: string; startedAt: string };
    /**
     * One volunteer is alerted (exactly once per dispatch and volunteer). The push channel delivers
     * `message` in the volunteer's `language` to their `pushSubscription`.
     */
    'dispatch.alerted': {
      dispatchId: string;
      volunteerId: string;
      wave: number;
      role: Role;
      aedId: string | null;
      distanceM: number;
      etaS: number;
      language: Language;
      message: Record<Language, string>;
      /** JSON Web Push subscription of the responder app, or null when none is registered. */
      pushSubscription: string | null;
      alertedAt: string;
    };
    /** A responder's state changed (accepted, declined, on the way, arrived, timed out, stood down). */
    'responder.updated': { dispatchId: string; volunteerId: string; state: ResponderState; at: string };
    /** An AED was assigned to a responder in a dispatch: its owner is to be told (email, SMS). */
    'aed.used': { aedId: string; dispatchId: string; name: string; ownerName: string | null; ownerEmail: string | null; ownerPhone: string | null; at: string };
    /** The dispatch ended; every responder still under way was stood down. */
    'dispatch.closed': { dispatchId: string; reason: DispatchCloseReason; closedAt: string };
    /** A volunteer or AED was created, changed or removed: other processes refresh their index. */
    'respond.registry.changed': { kind: 'volunteer' | 'aed'; id: string };
  }
}

export type DispatchCloseReason = 'ems_on_scene' | 'cancelled' | 'expired';
