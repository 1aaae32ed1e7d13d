import { z } from 'zod';
import { AppError, notFound } from '#core/errors.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { SendModule } from '../module.ts';
import { bundledPostcodeAreas, type PostcodeAreas } from '../targeting/postcode-areas.ts';

const params = z.object({ pc4: z.string().regex(/^[1-9]\d{3}$/, 'four digits such as 3512') });
const postcodeAreaSchema = z.object({
  postcode: z.string(),
  place: z.string().nullable(),
  municipality: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  geometry: z.unknown().describe('GeoJSON Polygon or MultiPolygon (WGS84)'),
  approximate: z.boolean().describe('The bundled outlines are Voronoi approximations (docs/decisions/0015-postcode-areas.md)'),
});

/**
 * GET /api/public/postcode-areas/:pc4: the outline of one postcode-4 area, so the citizen app and
 * the composer can show what `{ kind: 'postcode' }` will target before anyone subscribes or sends.
 * The same outlines `resolveArea` uses; they change only with a release, hence a day's caching.
 * `areas` is for tests (null: the installation has no postcode areas file).
 */
export function registerPublicPostcodeArea(app: HttpApp, send: SendModule, areas: () => PostcodeAreas | null = bundledPostcodeAreas): void {
  app.get(
    '/api/public/postcode-areas/:pc4',
    { schema: { tags: ['send'], summary: 'The (approximate) outline of a postcode-4 area', params, response: { 200: postcodeAreaSchema, 400: problemSchema, 404: problemSchema, 503: problemSchema } }, config: { access: 'public' } },
    async (request, reply) => {
      const postcodeAreas = areas();
      if (!postcodeAreas) throw new AppError('unavailable', 'POSTCODE_AREAS_UNAVAILABLE', 'Postcode areas are not available on this installation.');
      const area = postcodeAreas.get(request.params.pc4);
      if (!area) throw notFound('UNKNOWN_POSTCODE', `Postcode ${request.params.pc4} is not a known postcode area.`);
      const municipality = area.municipality ? { code: area.municipality, name: send.municipalities.get(area.municipality)?.name ?? null } : null;
      // The bundled file is the only source of outlines today, and it is approximate (decision 0015).
      return reply.header('cache-control', 'public, max-age=86400').send({ postcode: area.postcode, place: area.place, municipality, geometry: area.geometry, approximate: true });
    },
  );
}
