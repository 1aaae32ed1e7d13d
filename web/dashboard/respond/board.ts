import type { MessageKey } from '../../ui/i18n/catalogue.ts';
import { normalisePath } from '../../ui/router.tsx';
import { RESPONDER_STATES, type Dispatch, type DispatchDetail, type DispatchLocation, type ResponderState } from './respond-api.ts';

/*
 * The dispatch board's logic as plain functions (no React, no fetch): routes, applying the live
 * events to what is on screen, the legend's symbols, the key moments and figures, and checking
 * the start form. Tested in test/web/respond-board.test.ts.
 */

export type RespondRoute = { view: 'board' } | { view: 'registry' } | { view: 'dispatch'; id: string };

export const RESPOND_PATHS = { board: '/respond', registry: '/respond/registry' } as const;

export function dispatchPath(id: string): string {
  return `/respond/dispatches/${encodeURIComponent(id)}`;
}

/** The Respond route a path shows, or null when the path is not under /respond. */
export function respondRouteFromPath(pathname: string): RespondRoute | null {
  const path = normalisePath(pathname);
  if (path === RESPOND_PATHS.board) return { view: 'board' };
  if (path === RESPOND_PATHS.registry) return { view: 'registry' };
  const match = /^\/respond\/dispatches\/([^/]+)$/.exec(path);
  if (!match) return null;
  try {
    return { view: 'dispatch', id: decodeURIComponent(match[1]!) };
  } catch {
    return null;
  }
}

/**
 * How each responder state is drawn. Colour is never the only cue (WCAG 1.4.1): every state has
 * its own symbol inside the marker, the same symbol in the legend and the list, and its name.
 * Colours are chosen to keep 3:1 against the white marker ring and the light base map.
 */
export const STATE_STYLE: Readonly<Record<ResponderState, { colour: string; symbol: string; label: MessageKey }>> = {
  alerted: { colour: '#8a5a00', symbol: '!', label: 'respond.state.alerted' },
  accepted: { colour: '#0b5cad', symbol: '✓', label: 'respond.state.accepted' },
  on_way: { colour: '#5b2a86', symbol: '→', label: 'respond.state.on_way' },
  arrived: { colour: '#1e6b30', symbol: '●', label: 'respond.state.arrived' },
  declined: { colour: '#b3261e', symbol: '✕', label: 'respond.state.declined' },
  timed_out: { colour: '#5f6b76', symbol: '…', label: 'respond.state.timed_out' },
  stood_down: { colour: '#3d4852', symbol: '–', label: 'respond.state.stood_down' },
};

/** States in which a responder is still coming or there; the rest are out of the picture. */
export const COMMITTED_STATES: readonly ResponderState[] = ['accepted', 'on_way', 'arrived'];

export const BOARD_EVENT_TYPES = ['dispatch.started', 'dispatch.alerted', 'responder.updated', 'dispatch.closed'] as const;
export type BoardEventType = (typeof BOARD_EVENT_TYPES)[number];

export interface BoardEvent {
  type: BoardEventType;
  dispatchId: string;
  volunteerId: string | null;
  state: ResponderState | null;
  at: string | null;
  reason: string | null;
}

/** Reads one SSE message of /api/dispatches/stream; null for anything that is not a board event. */
export function parseBoardEvent(type: string, data: string): BoardEvent | null {
  if (!(BOARD_EVENT_TYPES as readonly string[]).includes(type)) return null;
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.dispatchId !== 'string') return null;
  const state = typeof record.state === 'string' && (RESPONDER_STATES as readonly string[]).includes(record.state) ? (record.state as ResponderState) : null;
  const at = [record.at, record.closedAt, record.alertedAt, record.startedAt].find((v): v is string => typeof v === 'string') ?? null;
  return {
    type: type as BoardEventType,
    dispatchId: record.dispatchId,
    volunteerId: typeof record.volunteerId === 'string' ? record.volunteerId : null,
    state,
    at,
    reason: typeof record.reason === 'string' ? record.reason : null,
  };
}

const STAMP: Partial<Record<ResponderState, 'acceptedAt' | 'declinedAt' | 'onWayAt' | 'arrivedAt' | 'timedOutAt' | 'stoodDownAt'>> = {
  accepted: 'acceptedAt',
  declined: 'declinedAt',
  on_way: 'onWayAt',
  arrived: 'arrivedAt',
  timed_out: 'timedOutAt',
  stood_down: 'stoodDownAt',
};

/**
 * What an event changes on a dispatch that is on screen, at once, before the reload that brings
 * the authoritative figures. Answers the same object when the event changes nothing (an unknown
 * volunteer, a state it already has): the stream is at-least-once, so events may come twice.
 */
export function applyBoardEvent<T extends Dispatch>(dispatch: T, event: BoardEvent): T {
  if (event.dispatchId !== dispatch.id) return dispatch;
  if (event.type === 'dispatch.closed') {
    if (dispatch.status === 'closed') return dispatch;
    return { ...dispatch, status: 'closed', closeReason: event.reason, closedAt: event.at };
  }
  if (event.type !== 'responder.updated' || event.state === null || event.volunteerId === null) return dispatch;
  const index = dispatch.responders.findIndex((r) => r.volunteerId === event.volunteerId);
  const current = dispatch.responders[index];
  if (!current || current.state === event.state) return dispatch;
  const stamp = STAMP[event.state];
  const responders = [...dispatch.responders];
  responders[index] = { ...current, state: event.state, ...(stamp && event.at ? { [stamp]: event.at } : {}) };
  return { ...dispatch, responders, counts: countStates(responders) };
}

export function countStates(responders: readonly { state: ResponderState }[]): Record<ResponderState, number> {
  const counts = Object.fromEntries(RESPONDER_STATES.map((s) => [s, 0])) as Record<ResponderState, number>;
  for (const r of responders) counts[r.state] += 1;
  return counts;
}

/** Active dispatches first (newest first), then the closed ones (newest first). */
export function sortDispatches<T extends Pick<Dispatch, 'status' | 'startedAt'>>(dispatches: readonly T[]): T[] {
  return [...dispatches].sort((a, b) => (a.status === b.status ? b.startedAt.localeCompare(a.startedAt) : a.status === 'active' ? -1 : 1));
}

/** Seconds as "m:ss" (or "h:mm:ss"), the way a control room reads response times; null is a dash. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '–';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export type MomentKind = 'started' | 'wave' | 'firstAccept' | 'firstArrival' | 'aedOnScene' | 'closed';

export interface Moment {
  kind: MomentKind;
  at: string;
  /** Seconds since the start. */
  offsetS: number;
  /** The wave number, for `wave`; the close reason, for `closed`. */
  detail: string | null;
}

/**
 * The moments the evaluation cares about, in order: the start, each further wave, the first
 * accept, the first arrival, the AED on scene, the end. Waves come from the timeline; the firsts
 * from the dispatch itself (the server keeps them).
 */
export function keyMoments(dispatch: Pick<DispatchDetail, 'startedAt' | 'firstAcceptAt' | 'firstArrivalAt' | 'aedOnSceneAt' | 'closedAt' | 'closeReason' | 'timeline'>): Moment[] {
  const start = Date.parse(dispatch.startedAt);
  const offset = (at: string) => Math.max(0, Math.round((Date.parse(at) - start) / 100) / 10);
  const moments: Moment[] = [{ kind: 'started', at: dispatch.startedAt, offsetS: 0, detail: null }];
  for (const entry of dispatch.timeline) {
    if (entry.kind !== 'wave') continue;
    const wave = entry.data.wave;
    moments.push({ kind: 'wave', at: entry.at, offsetS: offset(entry.at), detail: typeof wave === 'number' ? String(wave) : null });
  }
  const firsts: [MomentKind, string | null][] = [
    ['firstAccept', dispatch.firstAcceptAt],
    ['firstArrival', dispatch.firstArrivalAt],
    ['aedOnScene', dispatch.aedOnSceneAt],
    ['closed', dispatch.closedAt],
  ];
  for (const [kind, at] of firsts) if (at) moments.push({ kind, at, offsetS: offset(at), detail: kind === 'closed' ? dispatch.closeReason : null });
  return moments.sort((a, b) => a.at.localeCompare(b.at));
}

/** A Dutch postcode as the API reads it: four digits (not starting with 0), two letters; spaces ignored. */
export function normalisePostcode(text: string): string | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(compact) && !/^\d{4}(SA|SD|SS)$/.test(compact) ? compact : null;
}

export type StartFormInput = { mode: 'address'; postcode: string; houseNumber: string } | { mode: 'coordinates'; lat: string; lon: string };

export type StartFormErrors = Partial<Record<'postcode' | 'houseNumber' | 'lat' | 'lon', MessageKey>>;

/** Checks the start form; answers the API's location, or the message per field that is wrong. */
export function checkStartForm(input: StartFormInput): { ok: true; location: DispatchLocation } | { ok: false; errors: StartFormErrors } {
  const errors: StartFormErrors = {};
  if (input.mode === 'address') {
    const postcode = normalisePostcode(input.postcode);
    const house = input.houseNumber.trim();
    if (!postcode) errors.postcode = 'respond.start.postcodeInvalid';
    if (!/^[1-9]\d{0,4}(\s*[-]?\s*[A-Za-z0-9]{1,4})?$/.test(house)) errors.houseNumber = 'respond.start.houseNumberInvalid';
    return postcode && !errors.houseNumber ? { ok: true, location: { postcode, houseNumber: house } } : { ok: false, errors };
  }
  const lat = Number(input.lat.trim().replace(',', '.'));
  const lon = Number(input.lon.trim().replace(',', '.'));
  if (input.lat.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90) errors.lat = 'respond.start.latInvalid';
  if (input.lon.trim() === '' || !Number.isFinite(lon) || lon < -180 || lon > 180) errors.lon = 'respond.start.lonInvalid';
  return errors.lat || errors.lon ? { ok: false, errors } : { ok: true, location: { lat, lon } };
}

/** AED registry state for the list: usable, or why not; expiry within 30 days is flagged. */
export type AedCondition = 'ok' | 'expiresSoon' | 'inactive' | 'pads_expired' | 'battery_expired' | 'closed';

export function aedCondition(aed: { unusableNow: 'inactive' | 'pads_expired' | 'battery_expired' | 'closed' | null; padsExpire: string | null; batteryExpires: string | null }, today: string): AedCondition {
  if (aed.unusableNow) return aed.unusableNow;
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return [aed.padsExpire, aed.batteryExpires].some((d) => d !== null && d <= soon) ? 'expiresSoon' : 'ok';
}

/** Volunteer qualification state on a given day (YYYY-MM-DD): valid, lapsing within 60 days, lapsed, or not recorded. */
export type QualificationStatus = 'valid' | 'lapsing' | 'lapsed' | 'unknown';

export function qualificationStatus(qualifiedUntil: string | null, today: string): QualificationStatus {
  if (qualifiedUntil === null) return 'unknown';
  if (qualifiedUntil < today) return 'lapsed';
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
  return qualifiedUntil <= soon ? 'lapsing' : 'valid';
}
