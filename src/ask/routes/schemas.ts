import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CATEGORY_IDS, PRIORITIES } from '#core/taxonomy.ts';
import { APPEAL_KINDS, APPEAL_OUTCOMES, APPEAL_STATUSES, type Appeal, type AppealFigures } from '../appeals/appeal.ts';
import { TIP_STATUSES, type Photo, type Tip } from '../tip.ts';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);

/** A tip as a citizen sends it (JSON body, or the `tip` field of a multipart upload). */
export const tipInputSchema = z
  .object({
    organisationId: z.string().max(64).optional().describe('The organisation the tip is for (not needed with appealId)'),
    appealId: z.string().max(64).optional().describe('The appeal this tip answers'),
    text: z.string().max(5000).default(''),
    location: z.object({ lat, lon, accuracyM: z.number().min(0).max(100_000).optional() }).optional(),
    observedAt: z.iso.datetime({ offset: true }).optional().describe('When the tipster saw it'),
    anonymous: z.boolean().default(true).describe('Anonymous (default): nothing about the sender is stored'),
    contact: z
      .object({ name: z.string().max(200).optional(), email: z.email().max(320).optional(), phone: z.string().regex(/^[+0-9 ()-]{6,32}$/).optional() })
      .optional()
      .describe('Only with anonymous: false'),
  })
  .strict();

export const tipReceiptSchema = z.object({ tipId: z.string(), receivedAt: z.string(), photoIds: z.array(z.string()) });

const photoSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'processed', 'rejected']),
  contentType: z.string(),
  byteSize: z.number(),
  sha256: z.string().describe('SHA-256 of the original as received (chain of custody)'),
  width: z.number().nullable(),
  height: z.number().nullable(),
  phash: z.string().nullable().describe('64-bit DCT perceptual hash, hex'),
  groupId: z.string().nullable().describe('Near-duplicate group: the id of its first photo'),
  groupSize: z.number(),
  exif: z.object({ takenAt: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable() }),
  rejectReason: z.string().nullable(),
  processedAt: z.string().nullable(),
  thumbnailUrl: z.string(),
  displayUrl: z.string(),
  originalUrl: z.string().describe('The original, byte-exact; every view is audited'),
});

export const tipSchema = z.object({
  id: z.string(),
  appealId: z.string().nullable(),
  incidentId: z.string().nullable(),
  text: z.string(),
  location: z.object({ lat: z.number(), lon: z.number(), accuracyM: z.number().nullable() }).nullable(),
  observedAt: z.string().nullable(),
  receivedAt: z.string(),
  anonymous: z.boolean(),
  contact: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }).nullable(),
  language: z.string().nullable(),
  category: z.enum(CATEGORY_IDS).nullable(),
  priority: z.enum(PRIORITIES).nullable().describe('Null until the text has been classified'),
  relevance: z.number().nullable(),
  priorityScore: z.number().describe('The queue order: classifier priority, appeal link, photos'),
  triagedAt: z.string().nullable(),
  status: z.enum(TIP_STATUSES),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  photoCount: z.number(),
  photos: z.array(photoSchema),
});

export type TipDto = z.infer<typeof tipSchema>;

function presentPhoto(photo: Photo): z.infer<typeof photoSchema> {
  return { ...photo, thumbnailUrl: `/api/media/${photo.id}/thumbnail`, displayUrl: `/api/media/${photo.id}/display`, originalUrl: `/api/media/${photo.id}/original` };
}

export function presentTip({ organisationId: _organisation, ...tip }: Tip): TipDto {
  return { ...tip, category: tip.category as TipDto['category'], photos: tip.photos.map(presentPhoto) };
}

const areaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('circle'), center: z.object({ lat, lon }), radiusM: z.number().min(50).max(100_000) }),
  z.object({
    type: z.literal('polygon'),
    coordinates: z
      .array(z.array(z.tuple([lon, lat])).min(4).max(5000))
      .min(1)
      .max(20)
      .refine((rings) => rings.every((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1]), { message: 'every ring must be closed (first point = last point)' }),
  }),
]);

export const appealDraftSchema = z.object({
  kind: z.enum(APPEAL_KINDS),
  title: z.string().min(3).max(120),
  description: z.string().min(10).max(4000),
  area: areaSchema,
  responseInstructions: z.string().min(3).max(1000).describe('How to respond, e.g. "Tip via deze pagina of bel 0800-0011"'),
  durationMinutes: z.number().int().min(5).max(7 * 24 * 60),
});

export const consentSchema = z.object({
  givenBy: z.string().min(2).max(200),
  relation: z.string().min(2).max(100).describe('e.g. moeder, partner, voogd'),
  method: z.enum(['in_person', 'phone', 'written']),
  note: z.string().max(1000).nullable().default(null),
});

export const closeSchema = z.object({ outcome: z.enum(APPEAL_OUTCOMES), text: z.string().max(1000).nullable().default(null) });

export const appealSchema = z.object({
  id: z.string(),
  kind: z.enum(APPEAL_KINDS),
  status: z.enum(APPEAL_STATUSES),
  title: z.string(),
  description: z.string(),
  area: areaSchema,
  responseInstructions: z.string(),
  durationMinutes: z.number(),
  consent: z.object({ givenBy: z.string(), relation: z.string(), method: z.string(), note: z.string().nullable(), recordedAt: z.string(), recordedBy: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.enum(APPEAL_OUTCOMES).nullable(),
  outcomeText: z.string().nullable(),
  publishMessageId: z.string().nullable(),
  closeMessageId: z.string().nullable(),
  photoIds: z.array(z.string()),
});

export const figuresSchema = z.object({
  reach: z.number().nullable().describe('Recipients of the appeal, as the send module reports them'),
  closingReach: z.number().nullable(),
  tips: z.number(),
  usefulTips: z.number(),
  secondsToFirstUsefulTip: z.number().nullable(),
  secondsToFirstTip: z.number().nullable(),
});

export function presentAppeal({ organisationId: _organisation, ...appeal }: Appeal): z.infer<typeof appealSchema> {
  return appeal;
}

/** What the public sees of an appeal: no consent record, no staff names, no message ids. */
export const publicAppealSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  kind: z.enum(APPEAL_KINDS),
  status: z.enum(['active', 'closed']),
  title: z.string(),
  description: z.string(),
  area: areaSchema,
  responseInstructions: z.string(),
  publishedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.enum(APPEAL_OUTCOMES).nullable(),
  outcomeText: z.string().nullable(),
  photoUrls: z.array(z.string()),
});

export function presentPublicAppeal(appeal: Appeal): z.infer<typeof publicAppealSchema> {
  return {
    id: appeal.id,
    organisationId: appeal.organisationId,
    kind: appeal.kind,
    status: appeal.status === 'closed' ? 'closed' : 'active',
    title: appeal.title,
    description: appeal.description,
    area: appeal.area,
    responseInstructions: appeal.responseInstructions,
    publishedAt: appeal.publishedAt,
    endsAt: appeal.endsAt,
    closedAt: appeal.closedAt,
    outcome: appeal.outcome,
    outcomeText: appeal.outcomeText,
    photoUrls: appeal.photoIds.map((id) => `/api/public/appeals/${appeal.id}/photos/${id}`),
  };
}

export type FiguresDto = AppealFigures;

/**
 * The request log of public citizen routes: method and path only. Fastify's default serializer
 * adds the client's address and port, which must not be written for a tipster (SPEC A2).
 */
export const anonymousRequestLog = {
  req: (request: FastifyRequest) => ({ method: request.method, url: request.url.split('?')[0] }),
};
