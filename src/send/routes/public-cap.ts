import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { CAP_MEDIA_TYPE } from '../cap/build-alert.ts';
import type { SendModule } from '../module.ts';

const organisationParams = z.object({ organisationId: z.string().min(1).max(64) });
/** CAP identifiers as capIdentifier() makes them: no spaces, commas, `<` or `&`. */
const documentParams = organisationParams.extend({ identifier: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/) });

/**
 * GET …/cap/index.atom and …/cap/:identifier.xml: the organisation's CAP 1.2 alerts and their Atom
 * index (SPEC S1), public so that other agencies and aggregators can poll them.
 */
export function registerPublicCap(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/public/organisations/:organisationId/cap/index.atom',
    { schema: { tags: ['send'], summary: "The organisation's CAP alerts as an Atom index", params: organisationParams, response: { 200: z.string(), 404: problemSchema } }, config: { access: 'public' } },
    async (request, reply) => reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=30').send(await send.publication.capIndex(request.params.organisationId)),
  );
  app.get(
    '/api/public/organisations/:organisationId/cap/:identifier.xml',
    { schema: { tags: ['send'], summary: 'One CAP 1.2 alert', params: documentParams, response: { 200: z.string(), 404: problemSchema } }, config: { access: 'public' } },
    async (request, reply) =>
      reply.type(`${CAP_MEDIA_TYPE}; charset=utf-8`).header('cache-control', 'public, max-age=30').send(await send.publication.capDocument(request.params.organisationId, request.params.identifier)),
  );
}
