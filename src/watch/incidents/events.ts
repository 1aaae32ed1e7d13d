import type { IncidentStatus } from './cluster.ts';
import type { IncidentSummary } from './incident.ts';

/** Events of the incidents part of watch (SPEC W7). */
declare module '#platform/bus/events.ts' {
  interface EventMap {
    /** Related posts were grouped into a new incident. */
    'incident.opened': { incident: IncidentSummary };
    /** An analyst or a verification answer changed an incident, or a weak signal was linked to it (`signal`). */
    'incident.changed': { incidentId: string; change: 'status' | 'merged' | 'split' | 'verdict' | 'signal'; status: IncidentStatus; by: string };
  }
}
