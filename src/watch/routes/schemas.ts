import { z } from 'zod';
import { CATEGORY_IDS, PRIORITIES } from '#core/taxonomy.ts';
import type { AnalysedPost } from '../analysis.ts';

export const analysisSchema = z.object({
  relevant: z.boolean(),
  relevance: z.number().describe('1 − P(not relevant)'),
  category: z.enum(CATEGORY_IDS).nullable(),
  priority: z.enum(PRIORITIES),
  confidence: z.number(),
  explanation: z.array(z.object({ feature: z.string(), weight: z.number() })).describe('The strongest features behind the decision'),
  language: z.string().nullable(),
  places: z.array(z.object({ name: z.string(), kind: z.string() })),
  location: z
    .object({ lat: z.number(), lon: z.number(), precision: z.enum(['exact', 'place']), placeName: z.string().nullable() })
    .nullable()
    .describe('Explicit coordinates, else the best place named in the text'),
  nearDuplicateOf: z.string().nullable().describe('Id of the earlier post this one repeats'),
  feedback: z.object({ label: z.string(), priority: z.enum(PRIORITIES).nullable(), at: z.string() }).nullable(),
});

export const postSchema = z.object({
  id: z.string(),
  source: z.string(),
  sourceId: z.string(),
  url: z.string().nullable(),
  authorPseudonym: z.string().describe('Keyed hash of the author; the handle is not stored (SPEC G1)'),
  text: z.string(),
  language: z.string().nullable(),
  createdAt: z.string(),
  receivedAt: z.string(),
  location: z.object({ lat: z.number(), lon: z.number(), precision: z.enum(['exact', 'place']), placeName: z.string().nullable() }).nullable(),
  hashtags: z.array(z.string()),
  mentions: z.array(z.string()).describe('Pseudonyms of the mentioned accounts'),
  media: z.array(z.object({ url: z.string(), type: z.string() })),
  replyTo: z.string().nullable(),
  repostOf: z.string().nullable(),
  quoteOf: z.string().nullable(),
  analysis: analysisSchema.nullable().describe('Null until the watch pipeline has analysed the post'),
});

export type PostDto = z.infer<typeof postSchema>;

/** The post as the API shows it (the organisation is implied by the caller). */
export function presentPost({ organisationId: _organisation, ...post }: AnalysedPost): PostDto {
  return post;
}
