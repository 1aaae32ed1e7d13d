import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, MapLibreMap, Marker, StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { baseMapStyle, EMPTY_COLLECTION } from '../../ui/map-style.ts';
import { NETHERLANDS_BOUNDS } from '../../ui/map-data.ts';
import type { Signal } from './alerts-api.ts';
import { SCORE_BANDS, signalBounds, signalFeatures } from './signal-display.ts';

/*
 * MapLibre (about a megabyte) is imported only when the map is shown, as in send/area-map.tsx; the
 * base layer is the same as the Map view's (tiles when configured, else the municipality outlines).
 */

function byBand<T>(values: (band: (typeof SCORE_BANDS)[number]) => T): ExpressionSpecification {
  return ['match', ['get', 'band'], ...SCORE_BANDS.flatMap((b) => [b.id, values(b)]), values(SCORE_BANDS[0])] as unknown as ExpressionSpecification;
}

function style(settings: MapSettings, outlines: FeatureCollection | null, attribution: string): StyleSpecification {
  return baseMapStyle(settings, outlines, attribution, {
    sources: { cells: { type: 'geojson', data: EMPTY_COLLECTION } },
    layers: [
      { id: 'cell-fill', type: 'fill', source: 'cells', paint: { 'fill-color': byBand((b) => b.colour), 'fill-opacity': ['case', ['==', ['get', 'open'], 1], 0.55, 0.25] } },
      // The outline differs per band too (dashed, solid, thick), so the bands are told apart without colour.
      { id: 'cell-line-dashed', type: 'line', source: 'cells', filter: ['==', ['get', 'band'], 'notable'], paint: { 'line-color': byBand((b) => b.line), 'line-width': 2, 'line-dasharray': [2, 1.5] } },
      { id: 'cell-line', type: 'line', source: 'cells', filter: ['!=', ['get', 'band'], 'notable'], paint: { 'line-color': byBand((b) => b.line), 'line-width': byBand((b) => b.width) } },
      { id: 'cell-selected', type: 'line', source: 'cells', filter: ['==', ['get', 'selected'], 1], paint: { 'line-color': '#0b5cad', 'line-width': 5 } },
    ],
  });
}

export interface SignalsMapProps {
  settings: MapSettings;
  outlines: FeatureCollection | null;
  signals: readonly Signal[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onUnavailable: () => void;
}

/**
 * The signals' H3 cells as polygons coloured (and outlined) by score band, each with its number in
 * the list as a label, so the map and the list are read together. Clicking a cell opens it; the
 * list beside the map is the keyboard way to the same signals.
 */
export function SignalsMap({ settings, outlines, signals, selectedId, onSelect, onUnavailable }: SignalsMapProps) {
  const { t } = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerClass = useRef<typeof Marker | null>(null);
  const markers = useRef(new Map<string, Marker>());
  const fitted = useRef(false);
  const loaded = useRef(false);
  const latest = useRef({ signals, selectedId });
  const onSelectRef = useRef(onSelect);
  const onUnavailableRef = useRef(onUnavailable);
  useEffect(() => {
    onSelectRef.current = onSelect;
    onUnavailableRef.current = onUnavailable;
  });
  const attribution = t('map.attributionMunicipalities');
  const label = t('signals.mapLabel');

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    let map: MapLibreMap | null = null;
    let cancelled = false;
    const shown = markers.current;
    import('maplibre-gl').then(
      ({ MapLibreMap: MapClass, Marker: MarkerClass, NavigationControl, setWorkerUrl }) => {
        if (cancelled) return;
        // Same reason as map-canvas.tsx: the worker is a file of our own origin (worker-src 'self').
        setWorkerUrl(maplibreWorkerUrl);
        markerClass.current = MarkerClass;
        let created: MapLibreMap;
        try {
          created = new MapClass({ container: element, style: style(settings, outlines, attribution), bounds: NETHERLANDS_BOUNDS, fitBoundsOptions: { padding: 16 }, attributionControl: { compact: true }, dragRotate: false, pitchWithRotate: false, locale: { 'Map.Title': label } });
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
          draw(created);
        });
        created.on('click', 'cell-fill', (event) => {
          const id: unknown = event.features?.[0]?.properties.id;
          if (typeof id === 'string') onSelectRef.current(id);
        });
        created.on('mouseenter', 'cell-fill', () => (created.getCanvas().style.cursor = 'pointer'));
        created.on('mouseleave', 'cell-fill', () => (created.getCanvas().style.cursor = ''));
      },
      () => onUnavailableRef.current(),
    );
    return () => {
      cancelled = true;
      loaded.current = false;
      fitted.current = false;
      mapRef.current = null;
      for (const marker of shown.values()) marker.remove();
      shown.clear();
      map?.remove();
    };
    // draw() reads refs only; the map is rebuilt when its base layer or language changes.
  }, [settings, outlines, attribution, label]);

  /** Puts the cells and their number labels on the map, and fits it to them the first time. */
  function draw(map: MapLibreMap) {
    const { signals: current, selectedId: selected } = latest.current;
    void map.getSource<GeoJSONSource>('cells')?.setData(signalFeatures(current, selected));
    const MarkerClass = markerClass.current;
    const located = current.filter((s) => s.centre);
    const keep = new Set(located.map((s) => s.id));
    for (const [id, marker] of markers.current) {
      if (!keep.has(id)) {
        marker.remove();
        markers.current.delete(id);
      }
    }
    if (MarkerClass) {
      // Signals of different categories can share a cell: their labels are set side by side.
      const inCell = new Map<string, number>();
      current.forEach((s, index) => {
        if (!s.centre) return;
        const beside = inCell.get(s.cell ?? '') ?? 0;
        inCell.set(s.cell ?? '', beside + 1);
        let marker = markers.current.get(s.id);
        if (!marker) {
          const element = document.createElement('div');
          element.className = 'signals-map__label';
          // The list names every signal; the label only links the cell to its number there.
          element.setAttribute('aria-hidden', 'true');
          marker = new MarkerClass({ element }).setLngLat([s.centre.lon, s.centre.lat]).addTo(map);
          markers.current.set(s.id, marker);
        }
        marker.setOffset([beside * 28, 0]);
        const element = marker.getElement();
        element.textContent = String(index + 1);
        element.classList.toggle('signals-map__label--selected', s.id === selected);
      });
    }
    const bounds = signalBounds(current);
    if (bounds && !fitted.current) {
      fitted.current = true;
      map.fitBounds(bounds, { padding: 48, maxZoom: 14, duration: 0 });
    }
  }

  useEffect(() => {
    latest.current = { signals, selectedId };
    const map = mapRef.current;
    if (map && loaded.current) draw(map);
  }, [signals, selectedId]);

  return <div ref={container} className="signals-map" />;
}
