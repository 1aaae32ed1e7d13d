import { z } from 'zod';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import { reasonOf, signalGeometry, SIGNAL_REVIEWS, type Signal } from '../../detect/signal.ts';

export const signalSchema = z.object({
  id: z.string(),
  category: z.enum(CATEGORY_IDS),
  cell: z.string().nullable().describe('H3 cell; null for posts without a location'),
  resolution: z.number(),
  centre: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  boundary: z.array(z.tuple([z.number(), z.number()])).nullable().describe('Closed ring of [lon, lat] for the map'),
  status: z.enum(['open', 'closed']),
  review: z.enum(SIGNAL_REVIEWS),
  detectedAt: z.string(),
  windowStart: z.string(),
  firstPostAt: z.string(),
  lastPostAt: z.string(),
  observed: z.number().describe('Posts in the signal'),
  expected: z.number().describe('Posts the learned baseline expected over the same span'),
  score: z.number().describe('−log10 of the Poisson probability of observing this many'),
  baselinePerHour: z.number(),
  fired: z.object({ observed: z.number(), expected: z.number(), score: z.number(), threshold: z.number(), windowMinutes: z.number() }),
  reason: z.object({ nl: z.string(), en: z.string() }),
  updatedAt: z.string(),
});

export type SignalDto = z.infer<typeof signalSchema>;

export function presentSignal({ organisationId: _org, ...signal }: Signal): SignalDto {
  return { ...signal, boundary: signalGeometry(signal)?.boundary ?? null, reason: reasonOf(signal) };
}
