import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import { AppError } from '#core/errors.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';

/** GET /api/public/push-key: the VAPID public key (`applicationServerKey`) the citizen app subscribes with. */
export function registerPublicPushKey(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/public/push-key',
    { schema: { tags: ['send'], summary: 'The Web Push (VAPID) public key', response: { 200: z.object({ publicKey: z.string() }), 503: problemSchema } }, config: { access: 'public' } },
    () => {
      const publicKey = send.publication.vapidPublicKey;
      if (publicKey === null) throw new AppError('unavailable', 'PUSH_UNAVAILABLE', 'Web Push is not set up on this installation');
      return { publicKey };
    },
  );
}
