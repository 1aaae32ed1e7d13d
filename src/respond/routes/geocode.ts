import { z } from 'zod';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { Geocoder } from '../geocode/geocoder.ts';

/** GET /api/respond/geocode: postcode + house number → coordinates (PDOK, else the offline table), to check an address before dispatching. */
export function registerGeocodeRoute(app: HttpApp, deps: { geocoder: Geocoder }): void {
  app.get(
    '/api/respond/geocode',
    {
      schema: {
        tags: ['respond'],
        summary: 'Geocode a Dutch postcode and house number',
        querystring: z.object({ postcode: z.string().max(10), houseNumber: z.string().max(12) }),
        response: { 200: z.object({ lat: z.number(), lon: z.number(), label: z.string(), source: z.string() }), 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'dispatch:manage' },
    },
    async (request) => {
      const found = await deps.geocoder.geocode(request.query.postcode, request.query.houseNumber);
      return { lat: found.point.lat, lon: found.point.lon, label: found.label, source: found.source };
    },
  );
}
