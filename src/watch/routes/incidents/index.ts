import type { HttpApp } from '#platform/http/server.ts';
import type { IncidentsModule } from '../../incidents/module.ts';
import { registerNetworkGet } from '../network/network-get.ts';
import { registerRumourCorrect } from '../rumours/rumour-correct.ts';
import { registerRumourGet } from '../rumours/rumour-get.ts';
import { registerRumourMark } from '../rumours/rumour-mark.ts';
import { registerRumourVerify } from '../rumours/rumour-verify.ts';
import { registerRumoursList } from '../rumours/rumours-list.ts';
import { registerIncidentGet } from './incident-get.ts';
import { registerIncidentMerge } from './incident-merge.ts';
import { registerIncidentSplit } from './incident-split.ts';
import { registerIncidentStatus } from './incident-status.ts';
import { registerIncidentVerify } from './incident-verify.ts';
import { registerIncidentsList } from './incidents-list.ts';

/** HTTP routes of incidents (W7), rumours (W8) and the actor network (W9). */
export function registerIncidentsModuleRoutes(app: HttpApp, module: IncidentsModule): void {
  registerIncidentsList(app, module);
  registerIncidentGet(app, module);
  registerIncidentStatus(app, module);
  registerIncidentMerge(app, module);
  registerIncidentSplit(app, module);
  registerIncidentVerify(app, module);
  registerRumoursList(app, module);
  registerRumourGet(app, module);
  registerRumourMark(app, module);
  registerRumourVerify(app, module);
  registerRumourCorrect(app, module);
  registerNetworkGet(app, module);
}
