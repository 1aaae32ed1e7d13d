import { z } from 'zod';
import { pushSubscriptionSchema } from '../channels/webpush.ts';
import { topicSchema } from '../messages/message.ts';
import { areaInputSchema, type AreaInput } from '../targeting/area.ts';

/** Channels a subscription can use: citizens subscribe by Web Push or email (SPEC S5); partners by webhook. */
export const SUBSCRIPTION_CHANNELS = ['webpush', 'email', 'webhook'] as const;
export type SubscriptionChannel = (typeof SUBSCRIPTION_CHANNELS)[number];
export type SubscriptionStatus = 'pending' | 'active' | 'removed';

const common = {
  area: areaInputSchema,
  /** Empty: every topic. */
  topics: z.array(topicSchema).max(20).default([]),
  language: z.enum(['nl', 'en']).default('nl'),
  /** Only this organisation's messages; absent or null: every organisation on this installation. */
  organisationId: z.string().uuid().nullable().default(null),
};

/**
 * What a citizen sends to subscribe: an area, topics, a language, and only the address the channel
 * needs (SPEC S5: no names, and no IP addresses are kept).
 */
export const citizenSubscriptionSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), email: z.email().max(254), ...common }),
  z.object({ channel: z.literal('webpush'), subscription: pushSubscriptionSchema, ...common }),
]);
export type CitizenSubscriptionInput = z.infer<typeof citizenSubscriptionSchema>;

/** A partner system (control room, event organiser) that receives signed webhooks for an area. */
export const endpointSubscriptionSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** The receiver verifies every delivery's signature with it (docs/webhooks.md). */
  secret: z.string().min(32).max(200),
  area: areaInputSchema,
  topics: common.topics,
  language: common.language,
});
export type EndpointSubscriptionInput = z.infer<typeof endpointSubscriptionSchema>;

export interface Subscription {
  id: string;
  organisationId: string | null;
  channel: SubscriptionChannel;
  address: string;
  language: 'nl' | 'en';
  topics: string[];
  area: AreaInput;
  status: SubscriptionStatus;
  createdAt: string;
  confirmedAt: string | null;
}
