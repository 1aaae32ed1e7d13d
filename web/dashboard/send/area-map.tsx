import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, LngLatBoundsLike, MapLibreMap, StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { baseMapStyle, EMPTY_COLLECTION } from '../../ui/map-style.ts';
import { NETHERLANDS_BOUNDS } from '../../ui/map-data.ts';

/*
 * MapLibre itself (about a megabyte) is imported only when the map is shown; vite.config.ts keeps
 * it in a chunk of its own, shared with the other maps of the dashboard.
 */

function style(settings: MapSettings, outlines: FeatureCollection | null, attribution: string): StyleSpecification {
  return baseMapStyle(settings, outlines, attribution, {
    sources: { target: { type: 'geojson', data: EMPTY_COLLECTION } },
    layers: [
      { id: 'target-fill', type: 'fill', source: 'target', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#0b5cad', 'fill-opacity': 0.18 } },
      { id: 'target-line', type: 'line', source: 'target', filter: ['!=', ['get', 'approximate'], true], paint: { 'line-color': '#0b5cad', 'line-width': 2.5 } },
      // An approximate outline (a postcode area) is dashed: its border is not a real one.
      { id: 'target-line-approximate', type: 'line', source: 'target', filter: ['==', ['get', 'approximate'], true], paint: { 'line-color': '#0b5cad', 'line-width': 2.5, 'line-dasharray': [2, 1.5] } },
      { id: 'target-points', type: 'circle', source: 'target', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#0b5cad', 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
    ],
  });
}

/** Bounds of every position in a feature, to fit the map to the chosen area. */
function featureBounds(feature: Feature): LngLatBoundsLike | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      minX = Math.min(minX, value[0]);
      maxX = Math.max(maxX, value[0]);
      minY = Math.min(minY, value[1]);
      maxY = Math.max(maxY, value[1]);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    }
  };
  if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
}

export interface AreaMapProps {
  settings: MapSettings;
  outlines: FeatureCollection | null;
  /** What to draw: the chosen area and, while drawing, its points. */
  shapes: readonly Feature[];
  /** Fit the map to this feature when it changes (a municipality picked from the list). */
  focus: Feature | null;
  /** A click on the map at [lon, lat]. */
  onClick: (position: [number, number]) => void;
  onUnavailable: () => void;
  label: string;
}

/**
 * The composer's map: municipality outlines as the base layer, the target area on top. Clicks are
 * handed to the caller (set a circle's centre, add a polygon point); every choice made here can
 * also be made without a mouse beside the map.
 */
export function AreaMap({ settings, outlines, shapes, focus, onClick, onUnavailable, label }: AreaMapProps) {
  const { t } = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const shapesRef = useRef(shapes);
  const focusRef = useRef(focus);
  const onClickRef = useRef(onClick);
  const onUnavailableRef = useRef(onUnavailable);
  useEffect(() => {
    onClickRef.current = onClick;
    onUnavailableRef.current = onUnavailable;
  });
  const attribution = t('map.attributionMunicipalities');

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    let map: MapLibreMap | null = null;
    let cancelled = false;
    import('maplibre-gl').then(
      ({ MapLibreMap: MapClass, NavigationControl, setWorkerUrl }) => {
        if (cancelled) return;
        // Same reason as map-canvas.tsx: the worker is a file of our own origin (worker-src 'self').
        setWorkerUrl(maplibreWorkerUrl);
        let created: MapLibreMap;
        try {
          created = new MapClass({ container: element, style: style(settings, outlines, attribution), bounds: NETHERLANDS_BOUNDS, fitBoundsOptions: { padding: 16 }, attributionControl: { compact: true }, dragRotate: false, pitchWithRotate: false, doubleClickZoom: false, locale: { 'Map.Title': label } });
        } catch {
          onUnavailableRef.current();
          return;
        }
        map = created;
        mapRef.current = created;
        created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        created.on('error', (event) => {
          if (/webgl/i.test(String(event.error?.message ?? ''))) onUnavailableRef.current();
        });
        created.on('load', () => {
          loaded.current = true;
          void created.getSource<GeoJSONSource>('target')?.setData({ type: 'FeatureCollection', features: [...shapesRef.current] });
          // An area chosen before the map was there (a postcode looked up first) is shown at once.
          const bounds = focusRef.current ? featureBounds(focusRef.current) : null;
          if (bounds) created.fitBounds(bounds, { padding: 32, maxZoom: 14, duration: 0 });
        });
        created.on('click', (event) => onClickRef.current([event.lngLat.lng, event.lngLat.lat]));
        created.getCanvas().style.cursor = 'crosshair';
      },
      () => onUnavailableRef.current(),
    );
    return () => {
      cancelled = true;
      loaded.current = false;
      mapRef.current = null;
      map?.remove();
    };
  }, [settings, outlines, attribution, label]);

  useEffect(() => {
    shapesRef.current = shapes;
    const map = mapRef.current;
    if (map && loaded.current) void map.getSource<GeoJSONSource>('target')?.setData({ type: 'FeatureCollection', features: [...shapes] });
  }, [shapes]);

  useEffect(() => {
    focusRef.current = focus;
    const map = mapRef.current;
    const bounds = focus ? featureBounds(focus) : null;
    if (map && loaded.current && bounds) map.fitBounds(bounds, { padding: 32, maxZoom: 14, duration: 0 });
  }, [focus]);

  return <div ref={container} className="send-map" />;
}
