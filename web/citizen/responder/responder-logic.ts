import { normalisePath } from '../../ui/router.tsx';

/*
 * The responder app's logic as plain functions: its routes, reading the sign-in link, what the
 * volunteer can do in each state, when the location may be shared, and links to the phone's own
 * map app. Tested in test/web/respond-responder.test.ts.
 */

export const RESPONDER_BASE = '/citizen/hulpverlener';
export const TOKEN_STORAGE_KEY = 'waakzaam.responderToken';

export type ResponderRoute = { view: 'home' } | { view: 'alert'; dispatchId: string } | { view: 'notFound' };

export function alertPath(dispatchId: string): string {
  return `${RESPONDER_BASE}/oproep/${encodeURIComponent(dispatchId)}`;
}

export function isResponderPath(pathname: string): boolean {
  const path = normalisePath(pathname);
  return path === RESPONDER_BASE || path.startsWith(`${RESPONDER_BASE}/`);
}

export function responderRouteOf(pathname: string): ResponderRoute {
  const path = normalisePath(pathname);
  if (path === RESPONDER_BASE) return { view: 'home' };
  const match = /^\/citizen\/hulpverlener\/oproep\/([^/]+)$/.exec(path);
  if (!match) return { view: 'notFound' };
  try {
    return { view: 'alert', dispatchId: decodeURIComponent(match[1]!) };
  } catch {
    return { view: 'notFound' };
  }
}

/**
 * The volunteer's token from a sign-in link (`…/hulpverlener#token=wzr_…`). It travels in the
 * fragment so that it never reaches a server log or a Referer header; the app stores it and
 * removes the fragment from the address bar at once.
 */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token')?.trim() ?? '';
  return /^wzr_[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}

export type ResponderState = 'alerted' | 'accepted' | 'declined' | 'on_way' | 'arrived' | 'timed_out' | 'stood_down';
export type ResponderAction = 'accept' | 'decline' | 'on_way' | 'arrived';

/** What the app offers in a state; nothing once the dispatch is closed or the alert has ended. */
export function actionsFor(state: ResponderState, status: 'active' | 'closed'): ResponderAction[] {
  if (status !== 'active') return [];
  switch (state) {
    case 'alerted':
      return ['accept', 'decline'];
    case 'accepted':
      return ['on_way', 'arrived', 'decline'];
    case 'on_way':
      return ['arrived', 'decline'];
    default:
      return [];
  }
}

/** The alert is the volunteer's to act on: accepted and under way, in an active dispatch. */
export function isUnderWay(alert: { state: ResponderState; status: 'active' | 'closed' }): boolean {
  return alert.status === 'active' && (alert.state === 'accepted' || alert.state === 'on_way');
}

/**
 * The location is shared only with the volunteer's consent for this alert, and only while they
 * are under way: not before accepting, not after arriving, not after a stand-down.
 */
export function mayShareLocation(alert: { state: ResponderState; status: 'active' | 'closed' }, consent: boolean): boolean {
  return consent && isUnderWay(alert);
}

/** Locations are sent at most this often (and when moved this far), enough for the board. */
export const LOCATION_INTERVAL_MS = 10_000;
export const LOCATION_MIN_MOVE_M = 15;

/** Whether a new fix is worth sending, given the last one sent. */
export function shouldSendFix(last: { lat: number; lon: number; at: number } | null, next: { lat: number; lon: number; at: number }): boolean {
  if (!last) return true;
  if (next.at - last.at >= LOCATION_INTERVAL_MS) return true;
  return distanceM(last, next) >= LOCATION_MIN_MOVE_M && next.at - last.at >= LOCATION_INTERVAL_MS / 4;
}

/** Great-circle distance in metres (haversine); plenty precise at walking distances. */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

const coordinate = (value: number) => value.toFixed(6);

/**
 * Links that open a walking route in the phone's own map app: a `geo:` URI (Android hands it to
 * the chosen map app) and an OpenStreetMap directions page (works everywhere, also on iOS).
 */
export function routeLinks(to: { lat: number; lon: number }, from: { lat: number; lon: number } | null, label: string): { geo: string; web: string } {
  const place = `${coordinate(to.lat)},${coordinate(to.lon)}`;
  const geo = `geo:${place}?q=${place}(${encodeURIComponent(label)})`;
  const web = from
    ? `https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=${coordinate(from.lat)}%2C${coordinate(from.lon)}%3B${coordinate(to.lat)}%2C${coordinate(to.lon)}`
    : `https://www.openstreetmap.org/?mlat=${coordinate(to.lat)}&mlon=${coordinate(to.lon)}#map=18/${coordinate(to.lat)}/${coordinate(to.lon)}`;
  return { geo, web };
}

export interface SketchPoint {
  kind: 'me' | 'aed' | 'victim';
  lat: number;
  lon: number;
}

/**
 * Places the points of the sketch map in an SVG box: north up, equal metres on both axes, with a
 * margin; answers the positions and the metres per SVG unit (for the scale bar).
 */
export function sketchLayout(points: readonly SketchPoint[], width: number, height: number, margin: number): { placed: (SketchPoint & { x: number; y: number })[]; metresPerUnit: number } {
  if (points.length === 0) return { placed: [], metresPerUnit: 1 };
  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 111_320;
  const xs = points.map((p) => p.lon * kx);
  const ys = points.map((p) => p.lat * ky);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  // At least 200 m across, so that two points close together are not drawn on top of each other.
  const spanM = Math.max(maxX - minX, maxY - minY, 200);
  const metresPerUnit = spanM / Math.min(width - 2 * margin, height - 2 * margin);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const placed = points.map((p, i) => ({ ...p, x: width / 2 + (xs[i]! - cx) / metresPerUnit, y: height / 2 - (ys[i]! - cy) / metresPerUnit }));
  return { placed, metresPerUnit };
}

/** A rounded scale-bar length (50, 100, 200, 500 m …) that fits in about a quarter of the width. */
export function scaleBarMetres(metresPerUnit: number, width: number): number {
  const target = (width / 4) * metresPerUnit;
  const steps = [25, 50, 100, 200, 250, 500, 1000, 2000];
  return steps.reduce((best, step) => (step <= target ? step : best), steps[0]!);
}
