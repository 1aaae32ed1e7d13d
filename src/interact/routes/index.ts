import type { HttpApp } from '#platform/http/server.ts';
import type { VerificationService } from '../verification/verification-service.ts';
import { registerAssignees } from './assignees.ts';
import { registerTaskAnswer } from './task-answer.ts';
import { registerTasksList } from './tasks-list.ts';

/** HTTP routes of the interact module: verification tasks (SPEC I4). */
export function registerInteractRoutes(app: HttpApp, deps: { verification: VerificationService }): void {
  registerTasksList(app, deps);
  registerTaskAnswer(app, deps);
  registerAssignees(app, deps);
}
