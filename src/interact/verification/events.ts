import type { VerificationTask } from './task.ts';

/** Events of verification tasks (SPEC I4): the answer flows back to the rumour or incident through them. */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    'verification.requested': { task: VerificationTask };
    'verification.answered': { task: VerificationTask };
  }
}
