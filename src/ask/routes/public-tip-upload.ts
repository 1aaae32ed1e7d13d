import type { z } from 'zod';
import { invalid } from '#core/errors.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { receiveUpload, type UploadLimits } from '../intake/multipart.ts';
import type { TipIntake } from '../intake/tip-intake.ts';
import type { MediaFiles } from '../media/media-files.ts';
import { answeringRejections } from './rejection.ts';
import { anonymousRequestLog, tipInputSchema } from './schemas.ts';

/**
 * POST /api/public/tips/upload: a tip with photos, as multipart/form-data — a `tip` field with
 * the same JSON as POST /api/public/tips and up to `maxFiles` `photo` files. Each photo is
 * streamed to disk, sniffed, checked for size, pixel count and completeness, and kept byte-exact
 * with its SHA-256 before the 202; refusals are problem+json (413, 415, 422).
 */
export function registerPublicTipUpload(app: HttpApp, deps: { intake: TipIntake; files: MediaFiles; limits: UploadLimits; rateLimitPerMinute: number }): void {
  app.post(
    '/api/public/tips/upload',
    {
      schema: {
        tags: ['ask'],
        summary: 'Send a tip with photos (multipart/form-data: field "tip" = JSON, files "photo")',
        consumes: ['multipart/form-data'],
      },
      logSerializers: anonymousRequestLog,
      config: { access: 'public', rateLimit: { max: deps.rateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      answeringRejections(request, reply, async () => {
        const upload = await receiveUpload(request, deps.files, deps.limits);
        try {
          const input = parseTipField(upload.fields.get('tip'));
          return reply.code(202).send(await deps.intake.submit(input, upload.photos));
        } catch (error) {
          await Promise.all(upload.photos.map((p) => deps.files.discard(p.incoming)));
          throw error;
        }
      }),
  );
}

function parseTipField(raw: string | undefined): z.infer<typeof tipInputSchema> {
  let json: unknown;
  try {
    json = raw === undefined ? {} : JSON.parse(raw);
  } catch {
    throw invalid('VALIDATION_FAILED', 'The "tip" field is not valid JSON.');
  }
  const parsed = tipInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid('VALIDATION_FAILED', `tip ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
