import type { FeatureCollection, Position } from 'geojson';
import type { MessageKey } from '../../ui/i18n/catalogue.ts';
import { polygonProblem, type AreaChoice } from '../send/area.ts';
import type { AppealArea, AppealDraft, AppealKind, ConsentInput, ConsentMethod } from './ask-api.ts';

/*
 * The appeal composer as data: what the operator fills in, what is missing, and the request the
 * API takes (src/ask/routes/schemas.ts appealDraftSchema, consentSchema). Pure, tested without a
 * browser; the area is chosen with the send composer's picker and turned into the ask module's
 * shape here.
 */

/** Limits the API enforces on an appeal's area (appealDraftSchema). */
export const MIN_APPEAL_RADIUS_M = 50;
export const MAX_APPEAL_RADIUS_M = 100_000;
export const MAX_RING_POINTS = 5000;
/** Photos an appeal may carry (MAX_APPEAL_PHOTOS in appeal-service.ts). */
export const MAX_APPEAL_PHOTOS = 6;
/** Durations offered, in minutes: from half an hour to the API's maximum of a week. */
export const DURATIONS = [30, 60, 120, 240, 480, 1440, 4320, 10080] as const;

export interface AppealFormState {
  kind: AppealKind | '';
  title: string;
  description: string;
  responseInstructions: string;
  durationMinutes: number;
  area: AreaChoice | null;
  /** Missing persons only: the family agreed, who, in what relation, how. */
  consentGiven: boolean;
  consentGivenBy: string;
  consentRelation: string;
  consentMethod: ConsentMethod;
  consentNote: string;
}

export function initialAppealState(): AppealFormState {
  return {
    kind: '',
    title: '',
    description: '',
    responseInstructions: '',
    durationMinutes: 240,
    area: null,
    consentGiven: false,
    consentGivenBy: '',
    consentRelation: '',
    consentMethod: 'in_person',
    consentNote: '',
  };
}

export type AppealField = 'kind' | 'title' | 'description' | 'area' | 'responseInstructions' | 'consent' | 'consentGivenBy' | 'consentRelation' | 'photos';

export interface AppealFormError {
  field: AppealField;
  key: MessageKey;
}

function closeRing(points: readonly Position[]): [number, number][] {
  const ring = points.map((p) => [round6(p[0]!), round6(p[1]!)] as [number, number]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 1; i < ring.length; i++) twice += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return Math.abs(twice / 2);
}

/**
 * The outline of a municipality as one polygon: its largest part's outer ring. The ask module
 * takes a single polygon; the few municipalities made of several islands lose the smaller ones,
 * which the composer says when it happens.
 */
export function municipalityRing(code: string, outlines: FeatureCollection | null): { ring: [number, number][]; partsDropped: number } | null {
  const feature = outlines?.features.find((f) => f.properties?.gemeentecode === code);
  const geometry = feature?.geometry;
  if (!geometry) return null;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const outers = parts.map((part) => part[0]).filter((ring): ring is Position[] => Array.isArray(ring) && ring.length >= 4);
  if (outers.length === 0) return null;
  const largest = outers.reduce((best, ring) => (ringArea(ring) > ringArea(best) ? ring : best));
  const step = Math.ceil(largest.length / (MAX_RING_POINTS - 1));
  const thinned = step > 1 ? largest.filter((_, i) => i % step === 0) : largest;
  return { ring: closeRing(thinned), partsDropped: outers.length - 1 };
}

/** The API's area for a choice, or null while it is not complete or not valid for an appeal. */
export function appealAreaOf(choice: AreaChoice | null, outlines: FeatureCollection | null): AppealArea | null {
  if (!choice) return null;
  switch (choice.kind) {
    case 'circle': {
      const { lat, lon, radiusM } = choice;
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
      if (!(radiusM >= MIN_APPEAL_RADIUS_M && radiusM <= MAX_APPEAL_RADIUS_M)) return null;
      return { type: 'circle', center: { lat: round6(lat), lon: round6(lon) }, radiusM: Math.round(radiusM) };
    }
    case 'polygon':
      return polygonProblem(choice.points) === null && choice.points.length < MAX_RING_POINTS ? { type: 'polygon', coordinates: [closeRing(choice.points)] } : null;
    case 'municipality': {
      const outline = municipalityRing(choice.code, outlines);
      return outline ? { type: 'polygon', coordinates: [outline.ring] } : null;
    }
  }
}

/** The picker's choice for a stored area (reopening a draft). */
export function choiceOfAppealArea(area: AppealArea): AreaChoice {
  if (area.type === 'circle') return { kind: 'circle', lat: area.center.lat, lon: area.center.lon, radiusM: area.radiusM };
  const ring = area.coordinates[0] ?? [];
  return { kind: 'polygon', points: ring.slice(0, -1).map(([x, y]) => [x, y] as [number, number]) };
}

/** What is missing or wrong, in the order of the form (the error summary lists them so). */
export function validateAppeal(state: AppealFormState, outlines: FeatureCollection | null, photoCount = 0): AppealFormError[] {
  const errors: AppealFormError[] = [];
  if (!state.kind) errors.push({ field: 'kind', key: 'ask.composer.error.kind' });
  const title = state.title.trim();
  if (title.length < 3 || title.length > 120) errors.push({ field: 'title', key: 'ask.composer.error.title' });
  const description = state.description.trim();
  if (description.length < 10 || description.length > 4000) errors.push({ field: 'description', key: 'ask.composer.error.description' });
  if (!appealAreaOf(state.area, outlines)) errors.push({ field: 'area', key: state.area?.kind === 'circle' ? 'ask.composer.error.radius' : 'ask.composer.error.area' });
  const instructions = state.responseInstructions.trim();
  if (instructions.length < 3 || instructions.length > 1000) errors.push({ field: 'responseInstructions', key: 'ask.composer.error.instructions' });
  if (state.kind === 'missing_person') {
    if (!state.consentGiven) errors.push({ field: 'consent', key: 'ask.composer.error.consent' });
    if (state.consentGivenBy.trim().length < 2) errors.push({ field: 'consentGivenBy', key: 'ask.composer.error.consentGivenBy' });
    if (state.consentRelation.trim().length < 2) errors.push({ field: 'consentRelation', key: 'ask.composer.error.consentRelation' });
  }
  if (photoCount > MAX_APPEAL_PHOTOS) errors.push({ field: 'photos', key: 'ask.composer.error.photos' });
  return errors;
}

/** The body of POST /api/appeals; call after validateAppeal found nothing. */
export function appealDraftBody(state: AppealFormState, outlines: FeatureCollection | null): AppealDraft {
  const area = appealAreaOf(state.area, outlines);
  if (!state.kind || !area) throw new Error('appealDraftBody: validate the form first');
  return {
    kind: state.kind,
    title: state.title.trim(),
    description: state.description.trim(),
    area,
    responseInstructions: state.responseInstructions.trim(),
    durationMinutes: state.durationMinutes,
  };
}

/** The body of POST /api/appeals/:id/consent, or null when the kind needs none. */
export function consentBody(state: AppealFormState): ConsentInput | null {
  if (state.kind !== 'missing_person') return null;
  const note = state.consentNote.trim();
  return { givenBy: state.consentGivenBy.trim(), relation: state.consentRelation.trim(), method: state.consentMethod, note: note === '' ? null : note };
}
