import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CATEGORY_IDS } from '#core/taxonomy.ts';
import type { Config } from '#platform/config.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { PostService } from '../post-service.ts';

export const MUNICIPALITIES_FILE = resolve(import.meta.dirname, '../../../data/geo/gemeenten-2023.geojson');

/**
 * The map of located posts (GeoJSON), the map settings, and the municipality outlines used as
 * the offline base layer (CBS/PDOK, see data/SOURCES.md).
 */
export function registerMapRoutes(app: HttpApp, deps: { posts: PostService; config: Config }): void {
  app.get(
    '/api/watch/map',
    {
      schema: {
        tags: ['watch'],
        summary: 'Located posts as GeoJSON',
        querystring: z.object({
          category: z.enum([...CATEGORY_IDS, 'none']).optional(),
          since: z.iso.datetime({ offset: true }).optional().describe('Only posts received at this time or later (a replayed stream keeps its posts\' own times, so the time they were written would leave a replay off the map)'),
          limit: z.coerce.number().int().min(1).max(5000).default(2000),
        }),
      },
      config: { access: 'posts:read' },
    },
    async (request) => {
      const { organisationId } = requirePrincipal(request);
      const { category, since, limit } = request.query;
      const page = await deps.posts.list({ organisationId, limit, category, located: true, ...(since ? { receivedSince: Date.parse(since) } : {}) });
      const features = page.items
        .filter((p) => p.analysis?.location)
        .map((p) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [p.analysis!.location!.lon, p.analysis!.location!.lat] },
          properties: {
            id: p.id,
            text: p.text.length > 140 ? `${p.text.slice(0, 139)}…` : p.text,
            category: p.analysis!.category,
            priority: p.analysis!.priority,
            createdAt: p.createdAt,
            precision: p.analysis!.location!.precision,
            placeName: p.analysis!.location!.placeName,
          },
        }));
      return { type: 'FeatureCollection' as const, features };
    },
  );

  app.get(
    '/api/settings/map',
    // Public: the citizen app draws maps too, and a tile URL is no secret (every browser showing
    // the map fetches it).
    { schema: { tags: ['watch'], summary: 'Map tiles and attribution', response: { 200: z.object({ tileUrl: z.string().nullable(), attribution: z.string().nullable() }) } }, config: { access: 'public' } },
    () => deps.config.map,
  );

  let outlines: Promise<Buffer> | undefined;
  app.get('/data/gemeenten.geojson', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    outlines ??= readFile(MUNICIPALITIES_FILE);
    return reply.type('application/geo+json').header('cache-control', 'public, max-age=86400').send(await outlines);
  });
}
