import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { AppealService } from '../appeals/appeal-service.ts';
import type { MediaFiles } from '../media/media-files.ts';
import { anonymousRequestLog, presentPublicAppeal, publicAppealSchema } from './schemas.ts';

/**
 * GET /api/public/appeals/:id: an appeal as the citizen app shows it (published or closed; a
 * draft is "not found"), and GET /api/public/appeals/:id/photos/:mediaId: its photos as
 * metadata-free JPEG copies.
 */
export function registerPublicAppeal(app: HttpApp, deps: { appeals: AppealService; files: MediaFiles }): void {
  app.get(
    '/api/public/appeals/:id',
    {
      schema: { tags: ['ask'], summary: 'A published appeal', params: z.object({ id: z.string().max(64) }), response: { 200: publicAppealSchema, 404: problemSchema } },
      logSerializers: anonymousRequestLog,
      config: { access: 'public' },
    },
    async (request) => presentPublicAppeal(await deps.appeals.getPublic(request.params.id)),
  );
  app.get(
    '/api/public/appeals/:id/photos/:mediaId',
    {
      schema: { tags: ['ask'], summary: 'A photo of a published appeal (no metadata)', params: z.object({ id: z.string().max(64), mediaId: z.string().max(64) }) },
      logSerializers: anonymousRequestLog,
      config: { access: 'public' },
    },
    async (request, reply) => {
      const path = await deps.appeals.publicPhotoPath(request.params.id, request.params.mediaId);
      return reply.type('image/jpeg').header('cache-control', 'public, max-age=300').send(await deps.files.read(path));
    },
  );
}
