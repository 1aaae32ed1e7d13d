import { z } from 'zod';
import type { HttpApp } from '#platform/http/server.ts';
import { CHANNEL_KINDS } from '../channels/channel.ts';
import type { SendModule } from '../module.ts';

/** GET /api/send/channels: which channels this installation can publish on (for the composer). */
export function registerChannelsList(app: HttpApp, send: SendModule): void {
  app.get(
    '/api/send/channels',
    {
      schema: {
        tags: ['send'],
        summary: 'Channels and whether they are set up',
        response: { 200: z.object({ items: z.array(z.object({ kind: z.enum(CHANNEL_KINDS), configured: z.boolean(), audience: z.enum(['broadcast', 'recipient']).nullable(), maxPerSecond: z.number().nullable() })) }) },
      },
      config: { access: 'messages:write' },
    },
    () => ({
      items: CHANNEL_KINDS.map((kind) => {
        const channel = send.channels.get(kind);
        return { kind, configured: channel !== undefined, audience: channel?.audience ?? null, maxPerSecond: channel?.maxPerSecond ?? null };
      }),
    }),
  );
}
