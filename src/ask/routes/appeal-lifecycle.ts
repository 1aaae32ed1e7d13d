import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { AppealService } from '../appeals/appeal-service.ts';
import { appealSchema, closeSchema, consentSchema, presentAppeal } from './schemas.ts';

const idParams = z.object({ id: z.string().max(64) });
const responses = { 200: appealSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema };

/**
 * The appeal's lifecycle, each step audited: POST /api/appeals/:id/consent (the family's consent
 * for a missing person), /publish (draft → active: out to subscribers in the area and public
 * channels) and /close (active → closed with the outcome, sent to everyone who received it).
 */
export function registerAppealLifecycle(app: HttpApp, deps: { appeals: AppealService }): void {
  app.post(
    '/api/appeals/:id/consent',
    { schema: { tags: ['ask'], summary: "Record the family's consent (missing persons)", params: idParams, body: consentSchema, response: responses }, config: { access: 'appeals:manage' } },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentAppeal(await deps.appeals.recordConsent(principal.organisationId, request.params.id, request.body, actorOf(principal)));
    },
  );
  app.post(
    '/api/appeals/:id/publish',
    { schema: { tags: ['ask'], summary: 'Publish a draft appeal', params: idParams, response: responses }, config: { access: 'appeals:manage' } },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentAppeal(await deps.appeals.publish(principal.organisationId, request.params.id, actorOf(principal)));
    },
  );
  app.post(
    '/api/appeals/:id/close',
    { schema: { tags: ['ask'], summary: 'Close an appeal with its outcome', params: idParams, body: closeSchema, response: responses }, config: { access: 'appeals:manage' } },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentAppeal(await deps.appeals.close(principal.organisationId, request.params.id, request.body.outcome, request.body.text, actorOf(principal)));
    },
  );
}
