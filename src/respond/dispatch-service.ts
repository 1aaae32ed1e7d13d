import type { Clock } from '#core/clock.ts';
import { conflict, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import type { JobRunner } from '#platform/jobs/job-runner.ts';
import type { Logger } from '#platform/log.ts';
import type { Alerter } from './alerter.ts';
import { decideWave, type Assignment, type EarlierWaves, type WaveDecision } from './dispatch.ts';
import {
  ACCEPTED,
  appendTimeline,
  busyVolunteers,
  ENGAGED,
  findDispatch,
  respondersOf,
  type ChosenAedRecord,
  type DispatchRecord,
} from './dispatch-store.ts';
import type { DispatchCloseReason } from './events.ts';
import './events.ts';
import type { Geocoder } from './geocode/geocoder.ts';
import type { LonLat } from './geo.ts';
import type { RespondIndexes } from './indexes.ts';
import { alertMessages, standDownMessages } from './messages.ts';
import { resolveParams, waveRadius, type DispatchParams, type DispatchParamsOverrides } from './params.ts';
import { findAed, findVolunteer } from './registry-store.ts';
import { localMoment } from './weekly.ts';

export type DispatchLocation = { lat: number; lon: number } | { postcode: string; houseNumber: string | number };

export interface StartDispatchInput {
  location: DispatchLocation;
  /** How responders read the place; for coordinates without it, "lat, lon" is used. */
  address?: string;
  note?: string;
  params?: DispatchParamsOverrides;
}

export const JOB_WAVE = 'respond.wave';
export const JOB_ACK_TIMEOUT = 'respond.ack-timeout';
export const JOB_EXPIRE = 'respond.expire';

interface WavePayload {
  dispatchId: string;
  wave: number;
}

export interface DispatchServiceOptions {
  database: Database;
  bus: EventBus;
  audit: AuditLog;
  clock: Clock;
  jobs: JobRunner;
  log: Logger;
  geocoder: Geocoder;
  indexes: RespondIndexes;
  alerter: Alerter;
}

/**
 * Dispatches (SPEC R2, R3): start with the first wave, further waves when too few accept, alert
 * time-outs, and the end (ambulance on scene, cancelled, expired). Every step is one transaction
 * that also stages its events and schedules its persistent jobs, so a crash at any point leaves
 * either the whole step or nothing, and the jobs pick up after a restart. A responder row is keyed
 * by (dispatch, volunteer): a volunteer is alerted at most once per dispatch, whatever repeats.
 */
export class DispatchService {
  constructor(private readonly options: DispatchServiceOptions) {}

  /** Registers the job handlers (timers survive restarts because they are rows). */
  registerJobs(): void {
    const { jobs } = this.options;
    jobs.register<WavePayload>(JOB_WAVE, (job) => this.nextWave(job.payload.dispatchId, job.payload.wave));
    jobs.register<WavePayload>(JOB_ACK_TIMEOUT, (job) => this.timeOutAlerts(job.payload.dispatchId, job.payload.wave));
    jobs.register<{ dispatchId: string }>(JOB_EXPIRE, async (job) => {
      const dispatch = await findDispatch(this.options.database.db, job.payload.dispatchId);
      if (dispatch?.status === 'active') await this.close(dispatch.organisationId, dispatch.id, 'expired', 'system');
    });
  }

  async start(organisationId: string, input: StartDispatchInput, actor: string): Promise<DispatchRecord> {
    const params = resolveParams(input.params);
    const place = await this.locate(input);
    const now = this.options.clock.now();
    const id = newId(now.getTime());
    const busy = await busyVolunteers(this.options.database.db, organisationId);
    const decision = await this.decide(organisationId, place.point, now, params, 1, busy);
    const aeds = await this.describeAeds(decision.aeds.map((a) => a.id), decision);
    const at = now.toISOString();
    await this.options.database.transaction(async (tx) => {
      await tx.db
        .insertInto('respond_dispatches')
        .values({
          id,
          organisation_id: organisationId,
          status: 'active',
          close_reason: null,
          lat: place.point.lat,
          lon: place.point.lon,
          address: place.label,
          geocoded_by: place.source,
          note: input.note ?? null,
          params: JSON.stringify(params),
          aeds: JSON.stringify(aeds),
          wave: 1,
          started_by: actor,
          started_at: at,
          first_accept_at: null,
          first_arrival_at: null,
          aed_on_scene_at: null,
          closed_at: null,
        })
        .execute();
      await appendTimeline(tx.db, id, at, 'started', null, { address: place.label, geocodedBy: place.source, aeds: aeds.map((a) => a.id) });
      await this.options.bus.publish(tx, 'dispatch.started', { dispatchId: id, lat: place.point.lat, lon: place.point.lon, address: place.label, startedAt: at }, { organisationId });
      await this.options.audit.append(tx, { organisationId, actor, action: 'dispatch.start', subjectType: 'dispatch', subjectId: id, data: { geocodedBy: place.source, alerted: decision.assignments.length } });
      await this.sendWave(tx, { id, organisationId, address: place.label, aeds }, 1, decision.assignments, at);
      await this.scheduleWave(tx, id, 1, now, params);
      await this.options.jobs.schedule({ kind: JOB_EXPIRE, runAt: new Date(now.getTime() + params.maxDurationMs), payload: { dispatchId: id }, dedupeKey: `${JOB_EXPIRE}:${id}` }, tx);
    });
    return (await findDispatch(this.options.database.db, id))!;
  }

  /**
   * The wave timer: when fewer than `targetAccepted` accepted and waves remain, alert the next
   * nearest not yet alerted (with the wave's radius). Runs again harmlessly: the wave number
   * advances by compare-and-set, and responder rows are unique per volunteer.
   */
  async nextWave(dispatchId: string, wave: number): Promise<void> {
    const dispatch = await findDispatch(this.options.database.db, dispatchId);
    if (!dispatch || dispatch.status !== 'active' || dispatch.wave !== wave) return;
    const { params } = dispatch;
    const responders = await respondersOf(this.options.database.db, dispatchId);
    const accepted = responders.filter((r) => ACCEPTED.includes(r.state)).length;
    if (accepted >= params.targetAccepted || wave >= params.maxWaves) return;
    const now = this.options.clock.now();
    const exclude = await busyVolunteers(this.options.database.db, dispatch.organisationId, dispatchId);
    for (const r of responders) exclude.add(r.volunteerId);
    const engaged = responders.filter((r) => ENGAGED.includes(r.state));
    const fetchersPerAed = new Map<string, number>();
    for (const r of engaged) if (r.aedId) fetchersPerAed.set(r.aedId, (fetchersPerAed.get(r.aedId) ?? 0) + 1);
    const earlier: EarlierWaves = { direct: engaged.filter((r) => r.role === 'direct').length, via: engaged.filter((r) => r.role === 'via_aed').length, fetchersPerAed };
    const next = wave + 1;
    const decision = await this.decide(dispatch.organisationId, dispatch, now, params, next, exclude, earlier);
    const known = new Set(dispatch.aeds.map((a) => a.id));
    const aeds = [...dispatch.aeds, ...(await this.describeAeds(decision.aeds.map((a) => a.id).filter((a) => !known.has(a)), decision))];
    const at = now.toISOString();
    await this.options.database.transaction(async (tx) => {
      const moved = await tx.db.updateTable('respond_dispatches').set({ wave: next, aeds: JSON.stringify(aeds) }).where('id', '=', dispatchId).where('wave', '=', wave).where('status', '=', 'active').executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return; // another runner advanced it
      await appendTimeline(tx.db, dispatchId, at, 'wave', null, { wave: next, accepted, alerted: decision.assignments.length, radiusM: waveRadius(params, next) });
      await this.sendWave(tx, { id: dispatchId, organisationId: dispatch.organisationId, address: dispatch.address, aeds }, next, decision.assignments, at);
      const canGrow = waveRadius(params, next + 1) > waveRadius(params, next);
      if (decision.assignments.length > 0 || canGrow) await this.scheduleWave(tx, dispatchId, next, now, params);
    });
  }

  /** Alerts of a wave still unanswered after `ackTimeoutMs` time out. */
  async timeOutAlerts(dispatchId: string, wave: number): Promise<void> {
    const dispatch = await findDispatch(this.options.database.db, dispatchId);
    if (!dispatch || dispatch.status !== 'active') return;
    const at = this.options.clock.now().toISOString();
    await this.options.database.transaction(async (tx) => {
      const expired = await tx.db
        .updateTable('respond_responders')
        .set({ state: 'timed_out', timed_out_at: at, updated_at: at })
        .where('dispatch_id', '=', dispatchId)
        .where('wave', '=', wave)
        .where('state', '=', 'alerted')
        .returning('volunteer_id')
        .execute();
      for (const { volunteer_id } of expired) {
        await appendTimeline(tx.db, dispatchId, at, 'timed_out', volunteer_id);
        await this.options.bus.publish(tx, 'responder.updated', { dispatchId, volunteerId: volunteer_id, state: 'timed_out', at }, { organisationId: dispatch.organisationId });
      }
    });
  }

  /** Ends a dispatch: the ambulance is on scene, the call was cancelled, or it expired. */
  async close(organisationId: string, dispatchId: string, reason: DispatchCloseReason, actor: string): Promise<DispatchRecord> {
    const dispatch = await this.find(organisationId, dispatchId);
    if (dispatch.status === 'closed') throw conflict('DISPATCH_CLOSED', `The dispatch was closed already (${dispatch.closeReason}).`);
    const at = this.options.clock.now().toISOString();
    await this.options.database.transaction(async (tx) => {
      const closed = await tx.db.updateTable('respond_dispatches').set({ status: 'closed', close_reason: reason, closed_at: at }).where('id', '=', dispatchId).where('status', '=', 'active').executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1) throw conflict('DISPATCH_CLOSED', 'The dispatch was closed already.');
      const stoodDown = await tx.db
        .updateTable('respond_responders')
        .set({ state: 'stood_down', stood_down_at: at, updated_at: at })
        .where('dispatch_id', '=', dispatchId)
        .where('state', 'in', ['alerted', 'accepted', 'on_way'])
        .returning('volunteer_id')
        .execute();
      const message = standDownMessages(dispatch.address);
      for (const { volunteer_id } of stoodDown) {
        await this.options.bus.publish(tx, 'responder.updated', { dispatchId, volunteerId: volunteer_id, state: 'stood_down', at }, { organisationId });
      }
      await appendTimeline(tx.db, dispatchId, at, 'closed', null, { reason, stoodDown: stoodDown.length, message });
      await this.options.bus.publish(tx, 'dispatch.closed', { dispatchId, reason, closedAt: at }, { organisationId });
      await this.options.audit.append(tx, { organisationId, actor, action: 'dispatch.close', subjectType: 'dispatch', subjectId: dispatchId, data: { reason } });
    });
    return (await findDispatch(this.options.database.db, dispatchId))!;
  }

  async find(organisationId: string, dispatchId: string): Promise<DispatchRecord> {
    const dispatch = await findDispatch(this.options.database.db, dispatchId);
    if (!dispatch || dispatch.organisationId !== organisationId) throw notFound('DISPATCH_NOT_FOUND', 'No such dispatch in this organisation.');
    return dispatch;
  }

  // internals

  private async locate(input: StartDispatchInput): Promise<{ point: LonLat; label: string; source: string }> {
    const { location } = input;
    if ('lat' in location) return { point: { lon: location.lon, lat: location.lat }, label: input.address ?? `${location.lat.toFixed(5)}, ${location.lon.toFixed(5)}`, source: 'coordinates' };
    const found = await this.options.geocoder.geocode(location.postcode, location.houseNumber);
    return { point: found.point, label: input.address ?? found.label, source: found.source };
  }

  private async decide(organisationId: string, victim: LonLat, now: Date, params: DispatchParams, wave: number, exclude: ReadonlySet<string>, earlier?: EarlierWaves): Promise<WaveDecision> {
    const { volunteers, aeds } = await this.options.indexes.forOrganisation(organisationId);
    const radiusM = waveRadius(params, wave);
    const point = { lon: victim.lon, lat: victim.lat };
    return decideWave({ victim: point, moment: localMoment(now), params, radiusM, volunteers: volunteers.near(point, radiusM), aeds: aeds.near(point, params.maxRadiusM), exclude, earlier });
  }

  private async describeAeds(ids: readonly string[], decision: WaveDecision): Promise<ChosenAedRecord[]> {
    const out: ChosenAedRecord[] = [];
    for (const id of ids) {
      const record = await findAed(this.options.database.db, id);
      const chosen = decision.aeds.find((a) => a.id === id)!;
      out.push({ ...chosen, name: record?.name ?? id, location: record?.location ?? '' });
    }
    return out;
  }

  /** Inserts the responders (idempotent per volunteer) and alerts each new one once. */
  private async sendWave(tx: Tx, dispatch: { id: string; organisationId: string; address: string; aeds: readonly ChosenAedRecord[] }, wave: number, assignments: readonly Assignment[], at: string): Promise<void> {
    const aedById = new Map(dispatch.aeds.map((a) => [a.id, a]));
    const usedAeds = new Set<string>();
    for (const a of assignments) {
      const inserted = await tx.db
        .insertInto('respond_responders')
        .values({
          dispatch_id: dispatch.id,
          volunteer_id: a.volunteerId,
          organisation_id: dispatch.organisationId,
          wave,
          role: a.role,
          aed_id: a.aedId,
          source: a.source,
          distance_m: a.distanceM,
          route_m: a.routeM,
          eta_s: a.etaS,
          state: 'alerted',
          alerted_at: at,
          accepted_at: null,
          declined_at: null,
          on_way_at: null,
          arrived_at: null,
          timed_out_at: null,
          stood_down_at: null,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['dispatch_id', 'volunteer_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) continue; // alerted before: never twice
      const volunteer = await findVolunteer(tx.db, a.volunteerId);
      if (!volunteer) continue;
      const aed = a.aedId ? aedById.get(a.aedId) : undefined;
      const message = alertMessages(a.role, dispatch.address, aed ? `${aed.name}, ${aed.location}` : null);
      await this.options.alerter.alert(tx, { id: volunteer.id, organisationId: dispatch.organisationId, language: volunteer.language, pushSubscription: volunteer.pushSubscription }, { ...a, dispatchId: dispatch.id, wave, message, alertedAt: at });
      await appendTimeline(tx.db, dispatch.id, at, 'alerted', a.volunteerId, { wave, role: a.role, aedId: a.aedId, distanceM: Math.round(a.distanceM) });
      if (a.aedId) usedAeds.add(a.aedId);
    }
    for (const aedId of usedAeds) {
      // The owner hears once per dispatch, at the first wave that sends someone to their AED.
      const before = await tx.db.selectFrom('respond_responders').select('volunteer_id').where('dispatch_id', '=', dispatch.id).where('aed_id', '=', aedId).where('wave', '<', wave).executeTakeFirst();
      const record = before ? undefined : await findAed(tx.db, aedId);
      if (!record) continue;
      await this.options.bus.publish(tx, 'aed.used', { aedId, dispatchId: dispatch.id, name: record.name, ownerName: record.ownerName, ownerEmail: record.ownerEmail, ownerPhone: record.ownerPhone, at }, { organisationId: dispatch.organisationId });
    }
  }

  private async scheduleWave(tx: Tx, dispatchId: string, wave: number, now: Date, params: DispatchParams): Promise<void> {
    const payload: WavePayload = { dispatchId, wave };
    await this.options.jobs.schedule({ kind: JOB_ACK_TIMEOUT, runAt: new Date(now.getTime() + params.ackTimeoutMs), payload, dedupeKey: `${JOB_ACK_TIMEOUT}:${dispatchId}:${wave}` }, tx);
    if (wave < params.maxWaves) await this.options.jobs.schedule({ kind: JOB_WAVE, runAt: new Date(now.getTime() + params.waveDelayMs), payload, dedupeKey: `${JOB_WAVE}:${dispatchId}:${wave}` }, tx);
  }
}
