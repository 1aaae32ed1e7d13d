import type { FeatureCollection, Geometry } from 'geojson';
import { MapLibreMap, Marker, NavigationControl, setWorkerUrl, type GeoJSONSource, type LayerSpecification, type StyleSpecification } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import {
  boundsOf,
  clusterCountProperties,
  dominantCategoryColour,
  escapeAttribution,
  NETHERLANDS_BOUNDS,
  toFeatureCollection,
  type LocatedPost,
} from '../ui/map-data.ts';

// The worker is bundled as a file of our own origin (worker-src 'self'); MapLibre would otherwise
// look for it next to its own module, which no longer exists after bundling.
setWorkerUrl(maplibreWorkerUrl);

/** The [lon, lat] of a Point geometry. */
function pointOf(geometry: Geometry): [number, number] | null {
  return geometry.type === 'Point' ? [geometry.coordinates[0] ?? 0, geometry.coordinates[1] ?? 0] : null;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function baseStyle(settings: MapSettings, municipalities: FeatureCollection | null, outlinesAttribution: string): StyleSpecification {
  const online = settings.tileUrl !== null;
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': online ? '#ffffff' : '#d9e4ec' } }];
  if (online) {
    layers.push({ id: 'tiles', type: 'raster', source: 'tiles' });
  } else {
    layers.push({ id: 'municipality-fill', type: 'fill', source: 'municipalities', paint: { 'fill-color': '#f6f7f4' } });
  }
  layers.push(
    {
      id: 'municipality-line',
      type: 'line',
      source: 'municipalities',
      paint: { 'line-color': online ? '#4f5a66' : '#7d8996', 'line-width': online ? 0.6 : 0.9, 'line-opacity': online ? 0.7 : 1 },
    },
    {
      id: 'clusters',
      type: 'circle',
      source: 'posts',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': dominantCategoryColour() as unknown as string,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 50, 22, 200, 28],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'points',
      type: 'circle',
      source: 'posts',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['get', 'colour'],
        'circle-radius': ['case', ['==', ['get', 'urgent'], 1], 8, 5.5],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['case', ['==', ['get', 'urgent'], 1], 2.5, 1.5],
      },
    },
  );
  return {
    version: 8,
    sources: {
      ...(online && settings.tileUrl
        ? {
            tiles: {
              type: 'raster',
              tiles: [settings.tileUrl],
              tileSize: 256,
              ...(settings.attribution ? { attribution: escapeAttribution(settings.attribution) } : {}),
            },
          }
        : {}),
      municipalities: { type: 'geojson', data: municipalities ?? EMPTY, attribution: escapeAttribution(outlinesAttribution) },
      posts: {
        type: 'geojson',
        data: EMPTY,
        cluster: true,
        clusterRadius: 36,
        clusterMaxZoom: 15,
        clusterProperties: clusterCountProperties(),
      },
    },
    layers,
  };
}

export interface MapCanvasProps {
  settings: MapSettings;
  municipalities: FeatureCollection | null;
  posts: readonly LocatedPost[];
  /** A post id to open; the map calls it when a single point is clicked. */
  onSelect: (id: string) => void;
  /** WebGL is missing or failed: the caller shows the list alone. */
  onUnavailable: () => void;
}

/**
 * The MapLibre map: municipality outlines as the offline base layer (or thin lines over the
 * configured tiles), posts as points coloured by category, clustered, with the number of posts
 * on each cluster as an HTML label (no glyph server is needed for that). Clicking a cluster zooms
 * in; clicking a point opens the post.
 */
export function MapCanvas({ settings, municipalities, posts, onSelect, onUnavailable }: MapCanvasProps) {
  const { t } = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const fitted = useRef(false);
  const postsRef = useRef(posts);
  const onSelectRef = useRef(onSelect);
  const onUnavailableRef = useRef(onUnavailable);
  useEffect(() => {
    onSelectRef.current = onSelect;
    onUnavailableRef.current = onUnavailable;
  });

  const outlinesAttribution = t('map.attributionMunicipalities');
  const mapTitle = t('map.canvasLabel');
  const zoomIn = t('map.zoomIn');
  const zoomOut = t('map.zoomOut');
  const attributionToggle = t('map.attributionToggle');

  useEffect(() => {
    const element = container.current;
    if (!element) {
      return undefined;
    }
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: element,
        style: baseStyle(settings, municipalities, outlinesAttribution),
        bounds: NETHERLANDS_BOUNDS,
        fitBoundsOptions: { padding: 16 },
        attributionControl: { compact: true },
        dragRotate: false,
        pitchWithRotate: false,
        locale: {
          'Map.Title': mapTitle,
          'NavigationControl.ZoomIn': zoomIn,
          'NavigationControl.ZoomOut': zoomOut,
          'AttributionControl.ToggleAttribution': attributionToggle,
        },
      });
    } catch {
      onUnavailableRef.current();
      return undefined;
    }
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('error', (event) => {
      // A missing tile is not worth a message; a lost WebGL context is.
      if (/webgl/i.test(String(event.error?.message ?? ''))) {
        onUnavailableRef.current();
      }
    });

    const markers = new Map<number, Marker>();
    const updateCounts = () => {
      const seen = new Set<number>();
      for (const feature of map.querySourceFeatures('posts')) {
        const props = feature.properties as Record<string, unknown>;
        const id = Number(props.cluster_id);
        if (props.cluster !== true || Number.isNaN(id) || seen.has(id)) {
          continue;
        }
        seen.add(id);
        const existing = markers.get(id);
        const point = pointOf(feature.geometry);
        if (!point) {
          continue;
        }
        if (existing) {
          existing.setLngLat(point);
          continue;
        }
        const label = document.createElement('div');
        label.className = 'map-count';
        label.setAttribute('aria-hidden', 'true');
        const count = props.point_count_abbreviated ?? props.point_count;
        label.textContent = typeof count === 'string' || typeof count === 'number' ? String(count) : '';
        markers.set(id, new Marker({ element: label }).setLngLat(point).addTo(map));
      }
      for (const [id, marker] of markers) {
        if (!seen.has(id)) {
          marker.remove();
          markers.delete(id);
        }
      }
    };

    map.on('load', () => {
      loaded.current = true;
      showPosts(map, postsRef.current);
    });
    map.on('idle', updateCounts);
    map.on('click', 'clusters', (event) => {
      const feature = event.features?.[0];
      const clusterId = Number(feature?.properties?.cluster_id);
      const center = feature ? pointOf(feature.geometry) : null;
      if (!center || Number.isNaN(clusterId)) {
        return;
      }
      const source = map.getSource<GeoJSONSource>('posts');
      source?.getClusterExpansionZoom(clusterId).then(
        (zoom) => map.easeTo({ center, zoom }),
        () => undefined,
      );
    });
    map.on('click', 'points', (event) => {
      const id: unknown = event.features?.[0]?.properties.id;
      if (typeof id === 'string') {
        onSelectRef.current(id);
      }
    });
    for (const layer of ['clusters', 'points']) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    return () => {
      for (const marker of markers.values()) {
        marker.remove();
      }
      loaded.current = false;
      fitted.current = false;
      mapRef.current = null;
      map.remove();
    };
    // The map is built once per base layer and language (its control labels are set at creation).
  }, [settings, municipalities, outlinesAttribution, mapTitle, zoomIn, zoomOut, attributionToggle]);

  function showPosts(map: MapLibreMap, shown: readonly LocatedPost[]) {
    void map.getSource<GeoJSONSource>('posts')?.setData(toFeatureCollection(shown));
    const bounds = boundsOf(shown);
    if (bounds && !fitted.current) {
      fitted.current = true;
      map.fitBounds(bounds, { padding: 48, maxZoom: 13, duration: 0 });
    }
  }

  useEffect(() => {
    postsRef.current = posts;
    const map = mapRef.current;
    if (map && loaded.current) {
      showPosts(map, posts);
    }
    // showPosts only reads refs; the data is what changes.
  }, [posts]);

  return <div ref={container} className="map-canvas" />;
}
