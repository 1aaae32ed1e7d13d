import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../ui/i18n/language.tsx';
import { AreaSketchSvg } from '../area-sketch.tsx';
import { areaSketch } from '../ask/appeal-area.ts';
import type { Polygons } from './message-api.ts';

const MessageMap = lazy(() => import('./message-map.tsx').then((module) => ({ default: module.MessageMap })));

const WIDTH = 320;
const HEIGHT = 200;

/** The polygon with the largest extent: the one a drawing of a multi-part area should show. */
function mainPolygon(polygons: Polygons): [number, number][][] | null {
  let best: [number, number][][] | null = null;
  let bestExtent = -1;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    if (ring.length < 3) continue;
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const extent = (Math.max(...lons) - Math.min(...lons)) * (Math.max(...lats) - Math.min(...lats));
    if (extent > bestExtent) {
      best = polygon;
      bestExtent = extent;
    }
  }
  return best;
}

type MapState = 'waiting' | 'loading' | 'ready' | 'unavailable';

/**
 * Where a message applies: always in words (the map is never the only way), and as a picture.
 * Until the figure scrolls into view — and whenever MapLibre cannot draw (no WebGL) — the picture
 * is the appeal page's offline drawing; then a small MapLibre map takes its place.
 */
export function MessageArea({ description, polygons }: { description: string; polygons: Polygons }) {
  const { t, language } = useT();
  const figure = useRef<HTMLElement>(null);
  const [state, setState] = useState<MapState>('waiting');
  const sketch = useMemo(() => {
    const polygon = mainPolygon(polygons);
    return polygon ? areaSketch({ type: 'polygon', coordinates: polygon }, WIDTH, HEIGHT, 24) : null;
  }, [polygons]);

  useEffect(() => {
    const element = figure.current;
    if (!element || polygons.length === 0) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setState('loading');
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          setState((current) => (current === 'waiting' ? 'loading' : current));
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [polygons]);

  const showMap = state === 'loading' || state === 'ready';
  const drawing = sketch && <AreaSketchSvg sketch={sketch} width={WIDTH} height={HEIGHT} />;
  return (
    <figure ref={figure} className="message-map" data-map={state}>
      {showMap ? (
        <div className="message-map__frame">
          {state === 'loading' && <div className="message-map__placeholder">{drawing}</div>}
          <Suspense fallback={null}>
            <MessageMap polygons={polygons} onReady={() => setState('ready')} onUnavailable={() => setState('unavailable')} />
          </Suspense>
        </div>
      ) : (
        drawing
      )}
      {/* Staff write the area's description in Dutch (it is CAP's areaDesc). */}
      <figcaption className="utrecht-paragraph message-map__caption" lang={description && language !== 'nl' ? 'nl' : undefined}>
        {description || t('message.noArea')}
      </figcaption>
    </figure>
  );
}
