import { describe, expect, it } from 'vitest';
import { loadConfig } from '#platform/config.ts';
import { createChannels } from '#send/channels/registry.ts';
import { buildOutgoingMessage } from './build-message.ts';

describe('createChannels', () => {
  it('builds only the channels whose configuration is present', () => {
    const bare = createChannels({ send: loadConfig({}).send });
    expect([...bare.keys()].sort()).toEqual(['feed', 'webhook']);
    const config = loadConfig({
      WAAKZAAM_MASTODON_URL: 'https://mastodon.example',
      WAAKZAAM_MASTODON_TOKEN: 'token',
      WAAKZAAM_BLUESKY_IDENTIFIER: 'gemeente.bsky.social',
      WAAKZAAM_BLUESKY_APP_PASSWORD: 'abcd-efgh-ijkl-mnop',
      WAAKZAAM_SMS_GATEWAY_URL: 'https://sms.example/messages',
      WAAKZAAM_SMS_GATEWAY_TOKEN: 'sms-token',
    });
    const all = createChannels({
      send: config.send,
      mailer: { from: 'noreply@example.nl', send: () => Promise.resolve({ messageId: '<1@x>' }) },
      vapid: { publicKey: 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8', privateKey: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw', subject: 'mailto:x@example.nl' },
      cap: { sender: 'waakzaam.example', publish: () => Promise.resolve() },
    });
    expect([...all.keys()].sort()).toEqual(['bluesky', 'cap', 'email', 'feed', 'mastodon', 'sms', 'webhook', 'webpush']);
    for (const channel of all.values()) {
      const preview = channel.preview(buildOutgoingMessage({ status: 'Exercise' }));
      expect(preview.problems, channel.kind).toEqual([]);
      expect(preview.text, channel.kind).toMatch(/OEFENING/);
    }
    (all.get('webpush') as unknown as { close(): void }).close();
  });

  it('rejects malformed channel variables at start-up', () => {
    expect(() => loadConfig({ WAAKZAAM_SMTP_URL: 'http://mail.example' })).toThrow(/WAAKZAAM_SMTP_URL/);
    expect(() => loadConfig({ WAAKZAAM_VAPID_SUBJECT: 'beheer@example.nl' })).toThrow(/WAAKZAAM_VAPID_SUBJECT/);
    expect(loadConfig({ WAAKZAAM_SMTP_URL: 'smtps://u:p@mail.example:465', WAAKZAAM_MAIL_FROM: 'Waakzaam <noreply@example.nl>' }).mail).toEqual({ smtpUrl: 'smtps://u:p@mail.example:465', from: 'Waakzaam <noreply@example.nl>' });
  });
});
