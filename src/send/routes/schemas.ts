import { z } from 'zod';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { actorOf, type Principal } from '#platform/auth/principal.ts';
import { CHANNEL_KINDS } from '../channels/channel.ts';
import type { DeliveryCounts } from '../delivery/delivery-store.ts';
import { MESSAGE_STATES } from '../lifecycle.ts';
import { CERTAINTIES, contentsSchema, SEVERITIES, URGENCIES, type Message } from '../messages/message.ts';
import type { Actor } from '../messages/message-service.ts';
import type { MessagePreview } from '../messages/previews.ts';
import type { PublicMessage } from '../public/public-message.ts';
import { areaInputSchema } from '../targeting/area.ts';

export const idParams = z.object({ id: z.string().max(64) });

const countsSchema = z.object({ queued: z.number(), delivered: z.number(), retrying: z.number(), failed: z.number(), gone: z.number(), skipped: z.number() });

export const messageSchema = z.object({
  id: z.string(),
  status: z.enum(MESSAGE_STATES),
  msgType: z.enum(['Alert', 'Update', 'Cancel']),
  referencesId: z.string().nullable().describe('The earlier message an Update or Cancel supersedes'),
  exercise: z.boolean(),
  category: z.enum(CATEGORY_IDS),
  urgency: z.enum(URGENCIES),
  severity: z.enum(SEVERITIES),
  certainty: z.enum(CERTAINTIES),
  topics: z.array(z.string()),
  channels: z.array(z.enum(CHANNEL_KINDS)),
  content: contentsSchema,
  area: z.object({ input: areaInputSchema, description: z.string(), geometry: z.unknown().describe('GeoJSON Polygon or MultiPolygon') }).nullable(),
  scheduledFor: z.string().nullable(),
  expiresAt: z.string().nullable(),
  author: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  emergency: z.boolean().describe('Published by the emergency bypass, without a second person'),
  emergencyReason: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deliveries: z.record(z.string(), countsSchema).describe('Per channel: queued, delivered, retrying, failed, gone, skipped'),
});

export const previewSchema = z.object({
  channel: z.enum(CHANNEL_KINDS),
  language: z.enum(['nl', 'en']),
  configured: z.boolean(),
  preview: z
    .object({ text: z.string(), length: z.number(), limit: z.number().nullable(), unit: z.enum(['characters', 'graphemes', 'segments', 'bytes']), problems: z.array(z.string()) })
    .nullable(),
  problems: z.array(z.string()).describe('Empty when the channel can publish this version'),
});

export type MessageDto = z.infer<typeof messageSchema>;

export function presentMessage(message: Message, counts?: Map<string, DeliveryCounts>): MessageDto {
  const { organisationId: _org, ...rest } = message;
  return { ...rest, deliveries: Object.fromEntries(counts ?? []) };
}

export function presentPreviews(previews: readonly MessagePreview[]): z.infer<typeof previewSchema>[] {
  return previews.map((p) => ({ ...p, preview: p.preview ? { ...p.preview, problems: [...p.preview.problems] } : null }));
}

/** The service's view of who acts. */
export function actorFrom(principal: Principal): Actor {
  return { id: actorOf(principal), permissions: principal.permissions };
}

/** Message ids are UUIDs (core/ids.ts); anything else is refused before a query is made. */
export const publicMessageParams = z.object({ id: z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a message id (UUID)') });

/**
 * A message as anyone with its link reads it: what it says, where and when. Never who wrote or
 * approved it, internal reasons, recipients or delivery figures.
 */
export const publicMessageSchema = z.object({
  id: z.string(),
  organisationName: z.string(),
  msgType: z.enum(['Alert', 'Update', 'Cancel']).describe('Update and Cancel replace an earlier message (CAP msgType)'),
  exercise: z.boolean().describe('An exercise: not a real message'),
  category: z.enum(CATEGORY_IDS),
  urgency: z.enum(URGENCIES),
  severity: z.enum(SEVERITIES),
  certainty: z.enum(CERTAINTIES),
  content: contentsSchema.describe('Dutch always; English when the message has it'),
  area: z.object({ description: z.string(), geometry: z.unknown().describe('GeoJSON Polygon or MultiPolygon (WGS84)') }).nullable(),
  publishedAt: z.string(),
  expiresAt: z.string().nullable(),
  replacesId: z.string().nullable().describe('The earlier message this Update or Cancel replaces'),
  supersededBy: z
    .object({ id: z.string(), kind: z.enum(['Update', 'Cancel']) })
    .nullable()
    .describe('The newest version when this message was updated or cancelled since'),
});

export type PublicMessageDto = z.infer<typeof publicMessageSchema>;

/** Picks the public fields one by one, so that a field added to Message never leaks by accident. */
export function presentPublicMessage({ message, organisationName, replacesId, newest }: PublicMessage): PublicMessageDto {
  return {
    id: message.id,
    organisationName,
    msgType: message.msgType,
    exercise: message.exercise,
    category: message.category,
    urgency: message.urgency,
    severity: message.severity,
    certainty: message.certainty,
    content: message.content,
    area: message.area ? { description: message.area.description, geometry: message.area.geometry } : null,
    publishedAt: message.publishedAt ?? message.updatedAt,
    expiresAt: message.expiresAt,
    replacesId,
    supersededBy: newest,
  };
}
