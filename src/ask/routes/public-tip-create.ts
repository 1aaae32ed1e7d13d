import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { TipIntake } from '../intake/tip-intake.ts';
import { anonymousRequestLog, tipInputSchema, tipReceiptSchema } from './schemas.ts';

const MAX_TIP_BODY_BYTES = 64 * 1024;

/**
 * POST /api/public/tips: a text tip from a citizen (SPEC A2). Answers 202 once the tip is durably
 * stored; classification follows. Nothing about the sender's network or device is stored or
 * logged (the request log of this route has method and path only).
 */
export function registerPublicTipCreate(app: HttpApp, deps: { intake: TipIntake }): void {
  app.post(
    '/api/public/tips',
    {
      schema: {
        tags: ['ask'],
        summary: 'Send a tip (text, location, time); anonymous unless contact details are given',
        body: tipInputSchema,
        response: { 202: tipReceiptSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
      bodyLimit: MAX_TIP_BODY_BYTES,
      logSerializers: anonymousRequestLog,
      config: { access: 'public' },
    },
    async (request, reply) => reply.code(202).send(await deps.intake.submit(request.body)),
  );
}
