import { z } from 'zod';
import { invalid } from '#core/errors.ts';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { CHANNEL_KINDS, type ChannelKind, type MessageLanguage, type MessageType } from '../channels/channel.ts';
import type { MessageState } from '../lifecycle.ts';
import { areaInputSchema, type AreaInput } from '../targeting/area.ts';
import type { AreaGeometry } from '../targeting/geometry.ts';

export const URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

/** CAP suggests headlines under 160 characters; Google's profile under 140. We allow 160. */
export const MAX_HEADLINE = 160;

export const contentSchema = z.object({
  headline: z.string().trim().min(3).max(MAX_HEADLINE),
  body: z.string().trim().min(1).max(5000),
  instruction: z.string().trim().min(1).max(2000).optional(),
});
export type MessageContent = z.infer<typeof contentSchema>;

/** Dutch is required (the default language of every channel); English is optional. */
export const contentsSchema = z.object({ nl: contentSchema, en: contentSchema.optional() });
export type MessageContents = z.infer<typeof contentsSchema>;

export const topicSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, _ and -');

const draftFields = {
  category: z.enum(CATEGORY_IDS),
  urgency: z.enum(URGENCIES),
  severity: z.enum(SEVERITIES),
  certainty: z.enum(CERTAINTIES),
  exercise: z.boolean().describe('Exercise: every channel marks the text OEFENING and CAP status is Exercise'),
  topics: z.array(topicSchema).max(20),
  channels: z.array(z.enum(CHANNEL_KINDS)).min(1).max(CHANNEL_KINDS.length),
  content: contentsSchema,
  area: areaInputSchema.nullable(),
  scheduledFor: z.iso.datetime({ offset: true }).nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
};

/** What staff write in the composer; everything a draft may hold. */
export const draftInputSchema = z.object({
  ...draftFields,
  exercise: draftFields.exercise.default(false),
  topics: draftFields.topics.default([]),
  area: draftFields.area.default(null),
  scheduledFor: draftFields.scheduledFor.default(null),
  expiresAt: draftFields.expiresAt.default(null),
});

/** Changes to a draft: only the fields given (no defaults, which would overwrite what is there). */
export const draftChangesSchema = z.object(draftFields).partial();
export type DraftInput = z.infer<typeof draftInputSchema>;

export interface MessageArea {
  input: AreaInput;
  description: string;
  geometry: AreaGeometry;
}

/** A message and where it stands in its lifecycle. */
export interface Message {
  id: string;
  organisationId: string;
  status: MessageState;
  msgType: MessageType;
  /** The earlier message an Update or Cancel supersedes. */
  referencesId: string | null;
  exercise: boolean;
  category: (typeof CATEGORY_IDS)[number];
  urgency: (typeof URGENCIES)[number];
  severity: (typeof SEVERITIES)[number];
  certainty: (typeof CERTAINTIES)[number];
  topics: string[];
  channels: ChannelKind[];
  content: MessageContents;
  area: MessageArea | null;
  scheduledFor: string | null;
  expiresAt: string | null;
  author: string;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Published by the emergency bypass (no second person): shown wherever the message is. */
  emergency: boolean;
  emergencyReason: string | null;
  rejectionReason: string | null;
  publishedAt: string | null;
  supersededBy: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export function languagesOf(message: Pick<Message, 'content'>): MessageLanguage[] {
  return message.content.en ? ['nl', 'en'] : ['nl'];
}

/** A complete draft from merged parts; a missing or wrong field is a domain error naming it. */
export function parseDraft(input: unknown): DraftInput {
  const parsed = draftInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(root)';
  throw invalid('VALIDATION_FAILED', `body ${path}: ${issue.message}`, { errors: parsed.error.issues.map((i) => ({ location: 'body', path: i.path.map(String).join('.'), message: i.message })) });
}
