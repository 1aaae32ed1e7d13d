import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { APPEAL_STATUSES, type AppealStatus } from '../appeals/appeal.ts';
import type { AppealService } from '../appeals/appeal-service.ts';
import { appealDraftSchema, appealSchema, figuresSchema, presentAppeal } from './schemas.ts';

const idParams = z.object({ id: z.string().max(64) });
const withFigures = appealSchema.extend({ figures: figuresSchema });

/** POST /api/appeals (draft), GET /api/appeals, GET /api/appeals/:id (with figures), PATCH /api/appeals/:id (a draft). */
export function registerAppealRoutes(app: HttpApp, deps: { appeals: AppealService }): void {
  app.post(
    '/api/appeals',
    {
      schema: { tags: ['ask'], summary: 'Create an appeal (a draft)', body: appealDraftSchema, response: { 201: appealSchema, 400: problemSchema } },
      config: { access: 'appeals:manage' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      return reply.code(201).send(presentAppeal(await deps.appeals.create(principal.organisationId, request.body, actorOf(principal))));
    },
  );
  app.get(
    '/api/appeals',
    {
      schema: {
        tags: ['ask'],
        summary: 'Appeals, newest first',
        querystring: z.object({
          status: z
            .string()
            .max(40)
            .optional()
            .refine((v) => v === undefined || v.split(',').every((s) => (APPEAL_STATUSES as readonly string[]).includes(s)), { message: `comma-separated: ${APPEAL_STATUSES.join(', ')}` }),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(appealSchema) }) },
      },
      config: { access: 'tips:read' },
    },
    async (request) => {
      const items = await deps.appeals.list(requirePrincipal(request).organisationId, request.query.status?.split(',') as AppealStatus[] | undefined, request.query.limit);
      return { items: items.map(presentAppeal) };
    },
  );
  app.get(
    '/api/appeals/:id',
    {
      schema: { tags: ['ask'], summary: 'One appeal with its figures (reach, tips, time to first useful tip)', params: idParams, response: { 200: withFigures, 404: problemSchema } },
      config: { access: 'tips:read' },
    },
    async (request) => {
      const { organisationId } = requirePrincipal(request);
      const appeal = await deps.appeals.get(organisationId, request.params.id);
      return { ...presentAppeal(appeal), figures: await deps.appeals.figures(organisationId, appeal.id) };
    },
  );
  app.patch(
    '/api/appeals/:id',
    {
      schema: {
        tags: ['ask'],
        summary: 'Edit a draft appeal',
        params: idParams,
        body: appealDraftSchema.partial().refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' }),
        response: { 200: appealSchema, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      config: { access: 'appeals:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return presentAppeal(await deps.appeals.update(principal.organisationId, request.params.id, request.body, actorOf(principal)));
    },
  );
}
