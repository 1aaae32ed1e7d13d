import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { TipService } from '../tip-service.ts';

const params = z.object({ id: z.string().max(64), kind: z.enum(['display', 'thumbnail']) });

/**
 * GET /api/media/:id/display|thumbnail: the metadata-free copies staff work with, and
 * GET /api/media/:id/original: the original exactly as received — audited per view or export
 * (`?download=true`, with an optional purpose), sent with its SHA-256 (Repr-Digest, RFC 9530).
 */
export function registerMediaGet(app: HttpApp, deps: { tips: TipService }): void {
  app.get(
    '/api/media/:id/:kind',
    {
      schema: { tags: ['ask'], summary: 'A metadata-free copy of a photo', params },
      config: { access: 'tips:read' },
    },
    async (request, reply) => {
      const bytes = await deps.tips.copy(requirePrincipal(request).organisationId, request.params.id, request.params.kind);
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').send(bytes);
    },
  );
  app.get(
    '/api/media/:id/original',
    {
      schema: {
        tags: ['ask'],
        summary: 'The original photo as received (evidence; every access is audited)',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ download: z.enum(['true', 'false']).default('false'), purpose: z.string().max(300).optional() }),
      },
      config: { access: 'tips:read' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const exporting = request.query.download === 'true';
      const file = await deps.tips.original(principal.organisationId, request.params.id, exporting ? 'export' : 'view', actorOf(principal), request.query.purpose ?? null);
      return reply
        .type(file.contentType)
        .header('cache-control', 'no-store')
        .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
        .header('content-disposition', `${exporting ? 'attachment' : 'inline'}; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );
}
