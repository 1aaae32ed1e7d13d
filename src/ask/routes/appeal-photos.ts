import { z } from 'zod';
import { invalid } from '#core/errors.ts';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { AppealService } from '../appeals/appeal-service.ts';
import { receiveUpload, type UploadLimits } from '../intake/multipart.ts';
import type { MediaFiles } from '../media/media-files.ts';
import { answeringRejections } from './rejection.ts';

/** POST /api/appeals/:id/photos: a photo for a draft appeal (multipart, one "photo" file), checked like tip photos. */
export function registerAppealPhotos(app: HttpApp, deps: { appeals: AppealService; files: MediaFiles; limits: UploadLimits }): void {
  app.post(
    '/api/appeals/:id/photos',
    {
      schema: { tags: ['ask'], summary: 'Add a photo to a draft appeal (multipart/form-data, file "photo")', params: z.object({ id: z.string().max(64) }), consumes: ['multipart/form-data'] },
      config: { access: 'appeals:manage' },
    },
    async (request, reply) =>
      answeringRejections(request, reply, async () => {
        const principal = requirePrincipal(request);
        const upload = await receiveUpload(request, deps.files, { ...deps.limits, maxFiles: 1 });
        const photo = upload.photos[0];
        if (!photo) throw invalid('PHOTO_REQUIRED', 'Send one "photo" file.');
        try {
          const mediaId = await deps.appeals.addPhoto(principal.organisationId, request.params.id, photo, actorOf(principal));
          return reply.code(201).send({ mediaId });
        } catch (error) {
          await deps.files.discard(photo.incoming);
          throw error;
        }
      }),
  );
}
