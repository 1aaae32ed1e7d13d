import type { PublicArea } from './tip-api.ts';

/*
 * An appeal's area drawn without a map service (works offline, no tiles, no trackers): the
 * outline projected to metres around its centre, north up, with a scale bar. Pure, tested.
 */

const METRES_PER_DEGREE = 111_320;

export interface AreaSketch {
  /** SVG path of the outline in the box. */
  path: string;
  /** The centre of the area in the box. */
  centre: { x: number; y: number };
  /** The centre in degrees (for the text alternative and a link to a map app). */
  centreDeg: { lat: number; lon: number };
  /** A round length for the scale bar, in metres, and its length in the box. */
  scaleM: number;
  scaleLength: number;
  /** The area's extent, in metres (width, height), for the text. */
  extentM: { width: number; height: number };
}

function ringOf(area: PublicArea): [number, number][] {
  if (area.type === 'polygon') return area.coordinates[0] ?? [];
  const { lat, lon } = area.center;
  const ring: [number, number][] = [];
  for (let i = 0; i <= 64; i++) {
    const θ = (2 * Math.PI * i) / 64;
    ring.push([lon + (area.radiusM * Math.sin(θ)) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), lat + (area.radiusM * Math.cos(θ)) / METRES_PER_DEGREE]);
  }
  return ring;
}

const NICE = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000];

/** The sketch of an area in a `width` × `height` box with `margin` on every side. */
export function areaSketch(area: PublicArea, width: number, height: number, margin: number): AreaSketch | null {
  const ring = ringOf(area);
  if (ring.length < 3) return null;
  const lats = ring.map((p) => p[1]);
  const lons = ring.map((p) => p[0]);
  const centreDeg = area.type === 'circle' ? area.center : { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 };
  const cos = Math.cos((centreDeg.lat * Math.PI) / 180);
  const points = ring.map(([lon, lat]) => ({ x: (lon - centreDeg.lon) * METRES_PER_DEGREE * cos, y: (lat - centreDeg.lat) * METRES_PER_DEGREE }));
  const extentM = { width: Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x)), height: Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y)) };
  const scale = Math.min((width - 2 * margin) / Math.max(1, extentM.width), (height - 2 * margin) / Math.max(1, extentM.height));
  const cx = width / 2;
  const cy = height / 2;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(cx + p.x * scale).toFixed(1)},${(cy - p.y * scale).toFixed(1)}`).join(' ') + ' Z';
  const target = (width / 4) / scale;
  const scaleM = [...NICE].reverse().find((m) => m <= target) ?? NICE[0]!;
  return { path, centre: { x: cx, y: cy }, centreDeg, scaleM, scaleLength: scaleM * scale, extentM };
}
