import { z } from 'zod';
import type { Post } from '../post.ts';

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
});

export type PostDto = z.infer<typeof postSchema>;

/** The post as the API shows it (the organisation is implied by the caller). */
export function presentPost({ organisationId: _organisation, ...post }: Post): PostDto {
  return post;
}
