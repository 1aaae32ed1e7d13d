import type { Feature, FeatureCollection } from 'geojson';
import { MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { MUNICIPALITIES_URL } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { escapeAttribution } from '../../ui/map-data.ts';
import type { Polygons } from './message-api.ts';

/*
 * The message's area on a small MapLibre map: municipality outlines as the base (the same offline
 * layer as the dashboard, public and cached for a day), the area on top. This module is loaded
 * only when the map scrolls into view; MapLibre stays in its own chunk (vite.config.ts).
 */

// The worker is a file of our own origin (worker-src 'self'), as in the dashboard's maps.
setWorkerUrl(maplibreWorkerUrl);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Room around the area; more at the bottom, where the attribution sits. */
const PADDING = { top: 24, right: 24, bottom: 40, left: 24 };

function areaFeature(polygons: Polygons): Feature {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

/** [[west, south], [east, north]] of every outer ring. */
export function boundsOfPolygons(polygons: Polygons): [[number, number], [number, number]] | null {
  const points = polygons.flatMap((polygon) => polygon[0] ?? []);
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

function style(outlines: FeatureCollection, polygons: Polygons, attribution: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      municipalities: { type: 'geojson', data: outlines, attribution: escapeAttribution(attribution) },
      area: { type: 'geojson', data: { type: 'FeatureCollection', features: [areaFeature(polygons)] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#d9e4ec' } },
      { id: 'municipality-fill', type: 'fill', source: 'municipalities', paint: { 'fill-color': '#f6f7f4' } },
      { id: 'municipality-line', type: 'line', source: 'municipalities', paint: { 'line-color': '#7d8996', 'line-width': 0.8 } },
      { id: 'area-fill', type: 'fill', source: 'area', paint: { 'fill-color': '#0b5cad', 'fill-opacity': 0.2 } },
      { id: 'area-line', type: 'line', source: 'area', paint: { 'line-color': '#0b5cad', 'line-width': 2.5 } },
    ],
  };
}

export interface MessageMapProps {
  polygons: Polygons;
  /** The map has drawn the area. */
  onReady: () => void;
  /** No WebGL, or the outlines did not load: the caller keeps the drawing. */
  onUnavailable: () => void;
}

/** A still map (no panning or zooming to get lost in on a phone), fitted to the area. */
export function MessageMap({ polygons, onReady, onUnavailable }: MessageMapProps) {
  const { t } = useT();
  const container = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onReady, onUnavailable });
  useEffect(() => {
    callbacks.current = { onReady, onUnavailable };
  });
  const attribution = t('map.attributionMunicipalities');
  const label = t('message.map.label');

  useEffect(() => {
    const element = container.current;
    const bounds = boundsOfPolygons(polygons);
    if (!element || !bounds) {
      callbacks.current.onUnavailable();
      return undefined;
    }
    const controller = new AbortController();
    let map: MapLibreMap | null = null;
    fetch(MUNICIPALITIES_URL, { credentials: 'omit', signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<FeatureCollection>) : EMPTY))
      .catch((error: unknown) => {
        if (controller.signal.aborted) throw error;
        // Without the outlines the area alone is still worth showing.
        return EMPTY;
      })
      .then((outlines) => {
        if (controller.signal.aborted) return;
        map = new MapLibreMap({ container: element, style: style(outlines, polygons, attribution), bounds, fitBoundsOptions: { padding: PADDING, maxZoom: 14 }, interactive: false, attributionControl: { compact: true }, locale: { 'Map.Title': label } });
        map.on('error', (event) => {
          if (/webgl/i.test(String(event.error?.message ?? ''))) callbacks.current.onUnavailable();
        });
        const created = map;
        // Fit again once loaded: the container may have changed size since the map was made.
        created.once('load', () => {
          created.resize();
          created.fitBounds(bounds, { padding: PADDING, maxZoom: 14, duration: 0 });
          created.once('idle', () => callbacks.current.onReady());
        });
      })
      .catch(() => {
        if (!controller.signal.aborted) callbacks.current.onUnavailable();
      });
    return () => {
      controller.abort();
      map?.remove();
    };
  }, [polygons, attribution, label]);

  return <div ref={container} className="message-map__canvas" />;
}
