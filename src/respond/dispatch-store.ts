import type { Db } from '#platform/db/database.ts';
import type { ChosenAed } from './dispatch.ts';
import type { DispatchParams } from './params.ts';
import type { RespondDispatchTable, RespondResponderTable, ResponderState } from './tables.ts';
import './tables.ts';

/** Thin typed queries over dispatches, their responders and their timeline. */

export interface ChosenAedRecord extends ChosenAed {
  name: string;
  location: string;
}

export interface DispatchRecord {
  id: string;
  organisationId: string;
  status: 'active' | 'closed';
  closeReason: string | null;
  lat: number;
  lon: number;
  address: string;
  geocodedBy: string;
  note: string | null;
  params: DispatchParams;
  aeds: ChosenAedRecord[];
  wave: number;
  startedBy: string;
  startedAt: string;
  firstAcceptAt: string | null;
  firstArrivalAt: string | null;
  aedOnSceneAt: string | null;
  closedAt: string | null;
}

export interface ResponderRecord {
  dispatchId: string;
  volunteerId: string;
  wave: number;
  role: 'direct' | 'via_aed';
  aedId: string | null;
  source: 'live' | 'address';
  distanceM: number;
  routeM: number;
  etaS: number;
  state: ResponderState;
  alertedAt: string;
  acceptedAt: string | null;
  declinedAt: string | null;
  onWayAt: string | null;
  arrivedAt: string | null;
  timedOutAt: string | null;
  stoodDownAt: string | null;
}

/** States in which a responder still counts as committed to the dispatch (and busy for others). */
export const ENGAGED: readonly ResponderState[] = ['alerted', 'accepted', 'on_way', 'arrived'];
export const ACCEPTED: readonly ResponderState[] = ['accepted', 'on_way', 'arrived'];

export function dispatchOf(row: RespondDispatchTable): DispatchRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    status: row.status,
    closeReason: row.close_reason,
    lat: row.lat,
    lon: row.lon,
    address: row.address,
    geocodedBy: row.geocoded_by,
    note: row.note,
    params: JSON.parse(row.params) as DispatchParams,
    aeds: JSON.parse(row.aeds) as ChosenAedRecord[],
    wave: row.wave,
    startedBy: row.started_by,
    startedAt: row.started_at,
    firstAcceptAt: row.first_accept_at,
    firstArrivalAt: row.first_arrival_at,
    aedOnSceneAt: row.aed_on_scene_at,
    closedAt: row.closed_at,
  };
}

export function responderOf(row: RespondResponderTable): ResponderRecord {
  return {
    dispatchId: row.dispatch_id,
    volunteerId: row.volunteer_id,
    wave: row.wave,
    role: row.role,
    aedId: row.aed_id,
    source: row.source,
    distanceM: row.distance_m,
    routeM: row.route_m,
    etaS: row.eta_s,
    state: row.state,
    alertedAt: row.alerted_at,
    acceptedAt: row.accepted_at,
    declinedAt: row.declined_at,
    onWayAt: row.on_way_at,
    arrivedAt: row.arrived_at,
    timedOutAt: row.timed_out_at,
    stoodDownAt: row.stood_down_at,
  };
}

export async function findDispatch(db: Db, id: string): Promise<DispatchRecord | undefined> {
  const row = await db.selectFrom('respond_dispatches').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? dispatchOf(row) : undefined;
}

export async function listDispatches(db: Db, organisationId: string, status: 'active' | 'closed' | undefined, limit: number, before?: string): Promise<DispatchRecord[]> {
  let query = db.selectFrom('respond_dispatches').selectAll().where('organisation_id', '=', organisationId).orderBy('id', 'desc').limit(limit);
  if (status) query = query.where('status', '=', status);
  if (before) query = query.where('id', '<', before);
  return (await query.execute()).map(dispatchOf);
}

export async function respondersOf(db: Db, dispatchId: string): Promise<ResponderRecord[]> {
  const rows = await db.selectFrom('respond_responders').selectAll().where('dispatch_id', '=', dispatchId).orderBy('wave').orderBy('distance_m').execute();
  return rows.map(responderOf);
}

export async function findResponder(db: Db, dispatchId: string, volunteerId: string): Promise<ResponderRecord | undefined> {
  const row = await db.selectFrom('respond_responders').selectAll().where('dispatch_id', '=', dispatchId).where('volunteer_id', '=', volunteerId).executeTakeFirst();
  return row ? responderOf(row) : undefined;
}

/** Volunteers engaged in another active dispatch of the organisation: not alerted again meanwhile. */
export async function busyVolunteers(db: Db, organisationId: string, exceptDispatch?: string): Promise<Set<string>> {
  let query = db
    .selectFrom('respond_responders')
    .innerJoin('respond_dispatches', 'respond_dispatches.id', 'respond_responders.dispatch_id')
    .select('respond_responders.volunteer_id')
    .where('respond_dispatches.organisation_id', '=', organisationId)
    .where('respond_dispatches.status', '=', 'active')
    .where('respond_responders.state', 'in', [...ENGAGED]);
  if (exceptDispatch) query = query.where('respond_dispatches.id', '<>', exceptDispatch);
  return new Set((await query.execute()).map((r) => r.volunteer_id));
}

/** The volunteer's alerts in active dispatches, newest first. */
export async function alertsOfVolunteer(db: Db, volunteerId: string): Promise<ResponderRecord[]> {
  const rows = await db
    .selectFrom('respond_responders')
    .innerJoin('respond_dispatches', 'respond_dispatches.id', 'respond_responders.dispatch_id')
    .selectAll('respond_responders')
    .where('respond_responders.volunteer_id', '=', volunteerId)
    .where('respond_dispatches.status', '=', 'active')
    .orderBy('respond_responders.alerted_at', 'desc')
    .execute();
  return rows.map(responderOf);
}

export interface TimelineEntry {
  at: string;
  kind: string;
  volunteerId: string | null;
  data: Record<string, unknown>;
}

export async function timelineOf(db: Db, dispatchId: string): Promise<TimelineEntry[]> {
  const rows = await db.selectFrom('respond_timeline').selectAll().where('dispatch_id', '=', dispatchId).orderBy('seq').execute();
  return rows.map((r) => ({ at: r.at, kind: r.kind, volunteerId: r.volunteer_id, data: JSON.parse(r.data) as Record<string, unknown> }));
}

export async function appendTimeline(db: Db, dispatchId: string, at: string, kind: string, volunteerId: string | null, data: Record<string, unknown> = {}): Promise<void> {
  await db.insertInto('respond_timeline').values({ dispatch_id: dispatchId, at, kind, volunteer_id: volunteerId, data: JSON.stringify(data) }).execute();
}
