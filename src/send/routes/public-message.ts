import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { presentPublicMessage, publicMessageParams, publicMessageSchema } from './schemas.ts';

/** Who reads a warning is nobody's business: the request log keeps the path, not the address or headers. */
const anonymousRequestLog = { req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url.split('?')[0] }) };

/**
 * GET /api/public/messages/:id: a message as the citizen app's message page shows it — every
 * channel links there (outgoing.ts `messageUrl`). Only messages that went out; anything else is
 * the same 404 as an unknown id, so nothing about drafts or the approval queue leaks.
 */
export function registerPublicMessage(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/public/messages/:id',
    {
      schema: { tags: ['send'], summary: 'A published message, for anyone with its link', params: publicMessageParams, response: { 200: publicMessageSchema, 400: problemSchema, 404: problemSchema } },
      logSerializers: anonymousRequestLog,
      config: { access: 'public' },
    },
    async (request, reply) => reply.header('cache-control', 'public, max-age=30').send(presentPublicMessage(await send.publication.message(request.params.id))),
  );
}
