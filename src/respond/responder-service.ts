import type { Clock } from '#core/clock.ts';
import { conflict, forbidden, notFound } from '#core/errors.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import { alertsOfVolunteer, appendTimeline, findDispatch, findResponder, type DispatchRecord, type ResponderRecord } from './dispatch-store.ts';
import './events.ts';
import { alertMessage, CPR_STEPS } from './messages.ts';
import { findAed, type VolunteerRecord } from './registry-store.ts';
import type { ResponderState } from './tables.ts';

/** What a responder reports from the app. */
export type ResponderAction = 'accept' | 'decline' | 'on_way' | 'arrived';

const TARGET: Record<ResponderAction, ResponderState> = { accept: 'accepted', decline: 'declined', on_way: 'on_way', arrived: 'arrived' };
/** From which states each report is allowed (declining after accepting is allowed: plans change). */
const FROM: Record<ResponderAction, readonly ResponderState[]> = {
  accept: ['alerted'],
  decline: ['alerted', 'accepted', 'on_way'],
  on_way: ['alerted', 'accepted'],
  arrived: ['alerted', 'accepted', 'on_way'],
};
const COMMITTED: readonly ResponderState[] = ['accepted', 'on_way', 'arrived'];

/** An alert as the responder app shows it. */
export interface AlertView {
  dispatchId: string;
  status: 'active' | 'closed';
  state: ResponderState;
  role: 'direct' | 'via_aed';
  message: string;
  victim: { lat: number; lon: number; address: string };
  distanceM: number;
  etaS: number;
  alertedAt: string;
  /** The AED to fetch; access notes only once accepted (the cabinet code has its own, audited, call). */
  aed: { id: string; name: string; location: string; lat: number; lon: number; accessNotes: string | null; hasCabinetCode: boolean } | null;
  /** CPR steps in the volunteer's language, once accepted. */
  cprSteps: string[] | null;
}

/**
 * The responder app's side of a dispatch (SPEC R3): the volunteer's alerts, accept / decline /
 * on my way / arrived, and the AED cabinet code for an accepted fetcher (audited). Each report is
 * a compare-and-set on the responder row, timestamped, on the timeline and announced.
 */
export class ResponderService {
  constructor(private readonly options: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock }) {}

  async alerts(volunteer: VolunteerRecord): Promise<AlertView[]> {
    const rows = await alertsOfVolunteer(this.options.database.db, volunteer.id);
    const views: AlertView[] = [];
    for (const row of rows) {
      const dispatch = await findDispatch(this.options.database.db, row.dispatchId);
      if (dispatch) views.push(await this.present(volunteer, dispatch, row));
    }
    return views;
  }

  async alert(volunteer: VolunteerRecord, dispatchId: string): Promise<AlertView> {
    const { dispatch, responder } = await this.load(volunteer, dispatchId);
    return this.present(volunteer, dispatch, responder);
  }

  async report(volunteer: VolunteerRecord, dispatchId: string, action: ResponderAction): Promise<AlertView> {
    const { dispatch, responder } = await this.load(volunteer, dispatchId);
    const target = TARGET[action];
    if (responder.state === target) return this.present(volunteer, dispatch, responder); // repeated tap
    if (dispatch.status !== 'active') throw conflict('DISPATCH_CLOSED', 'This alert has been withdrawn; you do not need to go.');
    if (!FROM[action].includes(responder.state)) {
      const code = responder.state === 'timed_out' ? 'ALERT_EXPIRED' : 'INVALID_TRANSITION';
      throw conflict(code, `Cannot report "${action}" when the alert is ${responder.state}.`);
    }
    const at = this.options.clock.now().toISOString();
    const set = {
      state: target,
      updated_at: at,
      ...(action === 'accept' && { accepted_at: at }),
      ...(action === 'decline' && { declined_at: at }),
      ...(action === 'on_way' && { on_way_at: at, ...(responder.acceptedAt === null && { accepted_at: at }) }),
      ...(action === 'arrived' && { arrived_at: at, ...(responder.acceptedAt === null && { accepted_at: at }) }),
    };
    await this.options.database.transaction(async (tx) => {
      const changed = await tx.db
        .updateTable('respond_responders')
        .set(set)
        .where('dispatch_id', '=', dispatchId)
        .where('volunteer_id', '=', volunteer.id)
        .where('state', '=', responder.state)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) throw conflict('CONCURRENT_UPDATE', 'The alert changed meanwhile; reload it.');
      if (COMMITTED.includes(target)) {
        await tx.db.updateTable('respond_dispatches').set({ first_accept_at: at }).where('id', '=', dispatchId).where('first_accept_at', 'is', null).execute();
      }
      if (target === 'arrived') {
        await tx.db.updateTable('respond_dispatches').set({ first_arrival_at: at }).where('id', '=', dispatchId).where('first_arrival_at', 'is', null).execute();
        if (responder.role === 'via_aed') {
          await tx.db.updateTable('respond_dispatches').set({ aed_on_scene_at: at }).where('id', '=', dispatchId).where('aed_on_scene_at', 'is', null).execute();
        }
      }
      await appendTimeline(tx.db, dispatchId, at, target, volunteer.id, { role: responder.role, aedId: responder.aedId });
      await this.options.bus.publish(tx, 'responder.updated', { dispatchId, volunteerId: volunteer.id, state: target, at }, { organisationId: dispatch.organisationId });
    });
    return this.alert(volunteer, dispatchId);
  }

  /** The cabinet code of the AED this responder fetches, once accepted; every reveal is audited. */
  async cabinetCode(volunteer: VolunteerRecord, dispatchId: string): Promise<{ aedId: string; cabinetCode: string | null }> {
    const { dispatch, responder } = await this.load(volunteer, dispatchId);
    if (dispatch.status !== 'active') throw conflict('DISPATCH_CLOSED', 'This alert has been withdrawn.');
    if (responder.role !== 'via_aed' || responder.aedId === null) throw forbidden('NO_AED_ASSIGNED', 'You were not asked to fetch an AED.');
    if (!COMMITTED.includes(responder.state)) throw forbidden('ACCEPT_FIRST', 'Accept the alert first; then the cabinet code is shown.');
    const aed = await findAed(this.options.database.db, responder.aedId);
    if (!aed) throw notFound('AED_NOT_FOUND', 'The AED has been removed from the register.');
    await this.options.audit.record({
      organisationId: dispatch.organisationId,
      actor: `volunteer:${volunteer.id}`,
      action: 'aed.cabinet_code.reveal',
      subjectType: 'aed',
      subjectId: aed.id,
      data: { dispatchId },
    });
    return { aedId: aed.id, cabinetCode: aed.cabinetCode };
  }

  private async load(volunteer: VolunteerRecord, dispatchId: string): Promise<{ dispatch: DispatchRecord; responder: ResponderRecord }> {
    const responder = await findResponder(this.options.database.db, dispatchId, volunteer.id);
    const dispatch = responder ? await findDispatch(this.options.database.db, dispatchId) : undefined;
    if (!responder || !dispatch) throw notFound('ALERT_NOT_FOUND', 'You have no alert for this dispatch.');
    return { dispatch, responder };
  }

  private async present(volunteer: VolunteerRecord, dispatch: DispatchRecord, r: ResponderRecord): Promise<AlertView> {
    const committed = COMMITTED.includes(r.state) && dispatch.status === 'active';
    const chosen = r.aedId ? dispatch.aeds.find((a) => a.id === r.aedId) : undefined;
    const record = r.aedId ? await findAed(this.options.database.db, r.aedId) : undefined;
    const aed = chosen
      ? {
          id: chosen.id,
          name: chosen.name,
          location: chosen.location,
          lat: chosen.point.lat,
          lon: chosen.point.lon,
          accessNotes: committed ? (record?.accessNotes ?? null) : null,
          hasCabinetCode: Boolean(record?.cabinetCode),
        }
      : null;
    return {
      dispatchId: dispatch.id,
      status: dispatch.status,
      state: r.state,
      role: r.role,
      message: alertMessage(volunteer.language, r.role, dispatch.address, chosen ? `${chosen.name}, ${chosen.location}` : null),
      victim: { lat: dispatch.lat, lon: dispatch.lon, address: dispatch.address },
      distanceM: Math.round(r.distanceM),
      etaS: Math.round(r.etaS),
      alertedAt: r.alertedAt,
      aed,
      cprSteps: committed ? [...CPR_STEPS[volunteer.language]] : null,
    };
  }
}
