import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapSettings } from './api.ts';
import { escapeAttribution } from './map-data.ts';

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The style of the dashboard's area, signal and dispatch maps: the configured tiles (such as
 * PDOK's background map) when a tile URL is set, else the bundled municipality outlines filled as
 * the offline base layer; the municipality borders over either; then the map's own sources and
 * layers. Types only from MapLibre, so this costs the lazily loaded maps nothing up front.
 */
export function baseMapStyle(
  settings: MapSettings,
  outlines: FeatureCollection | null,
  outlinesAttribution: string,
  own: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] },
): StyleSpecification {
  const online = settings.tileUrl !== null;
  return {
    version: 8,
    sources: {
      ...(online && settings.tileUrl
        ? { tiles: { type: 'raster', tiles: [settings.tileUrl], tileSize: 256, ...(settings.attribution ? { attribution: escapeAttribution(settings.attribution) } : {}) } }
        : {}),
      municipalities: { type: 'geojson', data: outlines ?? EMPTY_COLLECTION, attribution: escapeAttribution(outlinesAttribution) },
      ...own.sources,
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': online ? '#ffffff' : '#d9e4ec' } },
      ...(online ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }] : [{ id: 'municipality-fill', type: 'fill' as const, source: 'municipalities', paint: { 'fill-color': '#f6f7f4' } }]),
      { id: 'municipality-line', type: 'line', source: 'municipalities', paint: { 'line-color': '#7d8996', 'line-width': 0.8 } },
      ...own.layers,
    ],
  };
}
