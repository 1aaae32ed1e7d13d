import { z } from 'zod';
import { PRIORITIES } from '#core/taxonomy.ts';
import { CLAIM_STATES } from '../../rumours/claims.ts';

export const claimSummarySchema = z.object({
  id: z.string(),
  state: z.enum(CLAIM_STATES),
  text: z.string().describe('The text of the first post that made the claim'),
  category: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  firstAt: z.string(),
  lastAt: z.string(),
  postCount: z.number().int(),
  velocity: z.object({
    perWindow: z.number().int().describe('Posts in the 10 minutes up to the claim’s last post'),
    acceleration: z.number().int().describe('Change against the 10 minutes before'),
    uniqueAuthors: z.number().int(),
  }),
  verdictNote: z.string().nullable(),
  correction: z
    .object({
      id: z.string(),
      textNl: z.string(),
      textEn: z.string().nullable(),
      url: z.string().nullable(),
      messageId: z.string().nullable().describe('The send module’s message that published the correction, once linked'),
      recordedAt: z.string(),
      reachPosts: z.number().int().describe('Posts that repeat or link the correction'),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const seriesSchema = z.array(z.object({ at: z.string(), count: z.number().int(), cumulative: z.number().int() }));

export const claimDetailSchema = claimSummarySchema.extend({
  posts: z.array(z.object({ postId: z.string(), createdAt: z.string(), text: z.string(), authorPseudonym: z.string() })),
  reach: z.object({ rumour: seriesSchema, correction: seriesSchema, deliveries: seriesSchema }).describe('Per 10 minutes: posts repeating the rumour, posts carrying the correction, deliveries of the published correction'),
});
