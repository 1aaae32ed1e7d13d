import type { Feature, FeatureCollection } from 'geojson';
import { MapLibreMap, Marker, NavigationControl, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { baseMapStyle, EMPTY_COLLECTION } from '../../ui/map-style.ts';
import { STATE_STYLE } from './board.ts';
import type { ResponderState } from './respond-api.ts';

// Same reason as map-canvas.tsx: the worker is a file of our own origin (worker-src 'self').
setWorkerUrl(maplibreWorkerUrl);

/** One thing on the dispatch map. Markers are HTML, so that each carries its symbol, not only a colour. */
export type MapPoint =
  | { kind: 'victim'; id: string; lat: number; lon: number }
  | { kind: 'aed'; id: string; lat: number; lon: number; label: string }
  | { kind: 'responder'; id: string; lat: number; lon: number; state: ResponderState; label: string };

/** A circle of `radiusM` around a point, as a polygon (64 sides is smooth at street zoom). */
export function circlePolygon(lat: number, lon: number, radiusM: number): Feature {
  const ring: [number, number][] = [];
  const dLat = radiusM / 111_320;
  const dLon = radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
  for (let i = 0; i <= 64; i++) {
    const a = (i / 64) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function style(settings: MapSettings, outlines: FeatureCollection | null, attribution: string): StyleSpecification {
  return baseMapStyle(settings, outlines, attribution, {
    sources: { radius: { type: 'geojson', data: EMPTY_COLLECTION } },
    layers: [
      { id: 'radius-fill', type: 'fill', source: 'radius', paint: { 'fill-color': '#b3261e', 'fill-opacity': 0.06 } },
      { id: 'radius-line', type: 'line', source: 'radius', paint: { 'line-color': '#b3261e', 'line-width': 1.5, 'line-dasharray': [3, 2] } },
    ],
  });
}

function markerElement(point: MapPoint): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('aria-hidden', 'true');
  if (point.kind === 'victim') {
    element.className = 'respond-marker respond-marker--victim';
    element.textContent = '✚';
  } else if (point.kind === 'aed') {
    element.className = 'respond-marker respond-marker--aed';
    element.textContent = 'AED';
    element.title = point.label;
  } else {
    element.className = 'respond-marker respond-marker--responder';
    element.style.background = STATE_STYLE[point.state].colour;
    element.textContent = STATE_STYLE[point.state].symbol;
    element.title = point.label;
  }
  return element;
}

export interface DispatchMapProps {
  settings: MapSettings;
  outlines: FeatureCollection | null;
  centre: { lat: number; lon: number };
  radiusM: number;
  points: readonly MapPoint[];
  label: string;
  onUnavailable: () => void;
}

/**
 * The map of one dispatch: the victim, the alert radius, the AEDs in use and the responders whose
 * position is known, each as a marker with a symbol for its state. The list beside the map says
 * the same in words (the map is not the only way to read the board).
 */
export function DispatchMap({ settings, outlines, centre, radiusM, points, label, onUnavailable }: DispatchMapProps) {
  const { t } = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markers = useRef(new Map<string, { marker: Marker; signature: string }>());
  const onUnavailableRef = useRef(onUnavailable);
  useEffect(() => {
    onUnavailableRef.current = onUnavailable;
  });
  const attribution = t('map.attributionMunicipalities');
  const zoomIn = t('map.zoomIn');
  const zoomOut = t('map.zoomOut');
  const { lat, lon } = centre;

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: element,
        style: style(settings, outlines, attribution),
        center: [lon, lat],
        zoom: 14.5,
        attributionControl: { compact: true },
        dragRotate: false,
        pitchWithRotate: false,
        locale: { 'Map.Title': label, 'NavigationControl.ZoomIn': zoomIn, 'NavigationControl.ZoomOut': zoomOut },
      });
    } catch {
      onUnavailableRef.current();
      return undefined;
    }
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('error', (event) => {
      if (/webgl/i.test(String(event.error?.message ?? ''))) onUnavailableRef.current();
    });
    map.on('load', () => {
      void map.getSource<GeoJSONSource>('radius')?.setData({ type: 'FeatureCollection', features: [circlePolygon(lat, lon, radiusM)] });
    });
    const shown = markers.current;
    return () => {
      for (const { marker } of shown.values()) marker.remove();
      shown.clear();
      mapRef.current = null;
      map.remove();
    };
  }, [settings, outlines, attribution, label, zoomIn, zoomOut, lat, lon, radiusM]);

  // Markers follow the data: moved when a position changes, rebuilt when the state changes.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const seen = new Set<string>();
    for (const point of points) {
      const key = `${point.kind}:${point.id}`;
      seen.add(key);
      const signature = point.kind === 'responder' ? point.state : point.kind;
      const existing = markers.current.get(key);
      if (existing && existing.signature === signature) {
        existing.marker.setLngLat([point.lon, point.lat]);
        continue;
      }
      existing?.marker.remove();
      const marker = new Marker({ element: markerElement(point) }).setLngLat([point.lon, point.lat]).addTo(map);
      markers.current.set(key, { marker, signature });
    }
    for (const [key, { marker }] of markers.current) {
      if (!seen.has(key)) {
        marker.remove();
        markers.current.delete(key);
      }
    }
  }, [points, settings, outlines, attribution, label, zoomIn, zoomOut, lat, lon, radiusM]);

  return <div ref={container} className="respond-map" />;
}
