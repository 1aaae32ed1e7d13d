import type { Mailer } from '#platform/mail/mailer.ts';
import type { Config } from '#platform/config.ts';
import { createBlueskyChannel } from './bluesky.ts';
import { createCapChannel, type CapChannelOptions } from './cap.ts';
import type { Channel, ChannelKind } from './channel.ts';
import { createEmailChannel } from './email.ts';
import { createFeedChannel, type FeedChannelOptions } from './feed.ts';
import { createMastodonChannel } from './mastodon.ts';
import { createSmsChannel } from './sms.ts';
import type { VapidKeys } from './vapid-keys.ts';
import { createWebhookChannel, type WebhookChannelOptions } from './webhook.ts';
import { createWebPushChannel } from './webpush.ts';

export interface CreateChannelsOptions {
  /** The installation's channel credentials (ADR 0010: global for now, not per organisation). */
  send: Config['send'];
  /** Present when SMTP is configured. */
  mailer?: Pick<Mailer, 'send' | 'from'> | null;
  /** From loadVapidKeys (configured or kept in the database). */
  vapid?: VapidKeys | null;
  /** The CAP sender id and the store the public CAP routes read. */
  cap?: CapChannelOptions | null;
  feed?: FeedChannelOptions;
  webhook?: WebhookChannelOptions;
}

/**
 * The channels this installation can use: each one only when what it needs is there. Feeds and
 * webhooks need nothing; CAP needs its store, Web Push its VAPID keys, email an SMTP server,
 * Mastodon, Bluesky and SMS their credentials.
 */
export function createChannels(options: CreateChannelsOptions): Map<ChannelKind, Channel> {
  const channels = new Map<ChannelKind, Channel>();
  const add = (channel: Channel) => channels.set(channel.kind, channel);
  add(createFeedChannel(options.feed));
  add(createWebhookChannel(options.webhook));
  if (options.cap) add(createCapChannel(options.cap));
  if (options.vapid) add(createWebPushChannel({ vapid: options.vapid }));
  if (options.mailer) add(createEmailChannel({ mailer: options.mailer }));
  const { mastodon, bluesky, sms } = options.send;
  if (mastodon.instanceUrl && mastodon.accessToken) add(createMastodonChannel({ instanceUrl: mastodon.instanceUrl, accessToken: mastodon.accessToken }));
  if (bluesky.identifier && bluesky.appPassword) add(createBlueskyChannel({ serviceUrl: bluesky.serviceUrl, identifier: bluesky.identifier, appPassword: bluesky.appPassword }));
  if (sms.gatewayUrl && sms.token) add(createSmsChannel({ gatewayUrl: sms.gatewayUrl, token: sms.token }));
  return channels;
}
