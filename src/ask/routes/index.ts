import fastifyMultipart from '@fastify/multipart';
import type { AppContext } from '#app/context.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { EventStreams } from '#platform/http/sse.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../intake/multipart.ts';
import { registerAppealLifecycle } from './appeal-lifecycle.ts';
import { registerAppealPhotos } from './appeal-photos.ts';
import { registerAppealRoutes } from './appeals.ts';
import { registerMediaGet } from './media-get.ts';
import { registerPublicAppeal } from './public-appeal.ts';
import { registerPublicTipCreate } from './public-tip-create.ts';
import { registerPublicTipUpload } from './public-tip-upload.ts';
import { registerTipGet } from './tip-get.ts';
import { registerTipUpdate } from './tip-update.ts';
import { registerTipsList } from './tips-list.ts';
import { registerTipsStream } from './tips-stream.ts';

/** Photo uploads per minute per client: a fifth of the public limit (each is far heavier than a text tip). */
const UPLOAD_SHARE = 5;

/** The ask module's HTTP routes: public tip intake and appeal pages, and the operators' queue and appeals. */
export function registerAskRoutes(app: HttpApp, ctx: Pick<AppContext, 'ask' | 'bus' | 'config' | 'log'>): void {
  const { intake, tips, appeals, files } = ctx.ask;
  const streams = new EventStreams();
  app.addHook('preClose', async () => streams.closeAll());
  const limits = DEFAULT_UPLOAD_LIMITS;

  registerPublicTipCreate(app, { intake });
  registerPublicAppeal(app, { appeals, files });
  registerTipsList(app, { tips });
  registerTipsStream(app, { tips, bus: ctx.bus, streams, log: ctx.log });
  registerTipGet(app, { tips });
  registerTipUpdate(app, { tips });
  registerMediaGet(app, { tips });
  registerAppealRoutes(app, { appeals });
  registerAppealLifecycle(app, { appeals });
  // Multipart parsing only where uploads are expected.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles } });
    const typed = scope as unknown as HttpApp;
    registerPublicTipUpload(typed, { intake, files, limits, rateLimitPerMinute: Math.max(1, Math.floor(ctx.config.publicRateLimitPerMinute / UPLOAD_SHARE)) });
    registerAppealPhotos(typed, { appeals, files, limits });
  });
}
