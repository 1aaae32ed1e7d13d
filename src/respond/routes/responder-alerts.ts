import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { RegistryService } from '../registry-service.ts';
import type { ResponderService } from '../responder-service.ts';
import { alertSchema, dispatchIdParams } from './schemas.ts';

/** The responder app's alerts: list, one alert, report accept / decline / on my way / arrived, AED cabinet code. */
export function registerResponderAlertRoutes(app: HttpApp, deps: { registry: RegistryService; responders: ResponderService }): void {
  const config = { access: 'public' } as const;
  const errors = { 401: problemSchema, 404: problemSchema };

  app.get(
    '/api/responder/alerts',
    { schema: { tags: ['responder'], summary: 'My alerts in active dispatches, newest first', response: { 200: z.object({ items: z.array(alertSchema) }), 401: problemSchema } }, config },
    async (request) => ({ items: await deps.responders.alerts(await deps.registry.authenticateResponder(request.headers.authorization)) }),
  );

  app.get(
    '/api/responder/alerts/:dispatchId',
    { schema: { tags: ['responder'], summary: 'One alert: message, victim, AED (access notes and CPR steps once accepted)', params: dispatchIdParams, response: { 200: alertSchema, ...errors } }, config },
    async (request) => deps.responders.alert(await deps.registry.authenticateResponder(request.headers.authorization), request.params.dispatchId),
  );

  app.post(
    '/api/responder/alerts/:dispatchId/status',
    {
      schema: {
        tags: ['responder'],
        summary: 'Report: accept, decline, on_way (on my way) or arrived',
        params: dispatchIdParams,
        body: z.object({ action: z.enum(['accept', 'decline', 'on_way', 'arrived']) }).strict(),
        response: { 200: alertSchema, 400: problemSchema, 409: problemSchema, ...errors },
      },
      config,
    },
    async (request) => deps.responders.report(await deps.registry.authenticateResponder(request.headers.authorization), request.params.dispatchId, request.body.action),
  );

  app.post(
    '/api/responder/alerts/:dispatchId/aed-code',
    {
      schema: {
        tags: ['responder'],
        summary: 'The cabinet code of the AED to fetch (after accepting; every reveal is audited)',
        params: dispatchIdParams,
        response: { 200: z.object({ aedId: z.string(), cabinetCode: z.string().nullable() }), 403: problemSchema, 409: problemSchema, ...errors },
      },
      config,
    },
    async (request) => deps.responders.cabinetCode(await deps.registry.authenticateResponder(request.headers.authorization), request.params.dispatchId),
  );
}
