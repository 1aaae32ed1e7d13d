import type { Clock } from '#core/clock.ts';
import { conflict, invalid, notFound, unauthenticated } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import { hashSecret, newSecret } from '#platform/auth/secrets.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import { aedUnusable, type AedUnusable } from './dispatch.ts';
import './events.ts';
import type { Geocoder } from './geocode/geocoder.ts';
import type { RespondIndexes } from './indexes.ts';
import {
  aedInfoOf,
  findAed,
  findAedByRef,
  findVolunteer,
  findVolunteerByRef,
  findVolunteerByTokenHash,
  listAeds,
  listVolunteers,
  replaceAddresses,
  type AedRecord,
  type VolunteerAddress,
  type VolunteerRecord,
} from './registry-store.ts';
import { aedInputSchema, volunteerInputSchema, type AddressInput, type AedInput, type AedPatch, type VolunteerInput, type VolunteerPatch } from './registry-schemas.ts';
import { localMoment } from './weekly.ts';

/** A volunteer as the control room sees them (the token and push subscription never leave). */
export type VolunteerView = Omit<VolunteerRecord, 'organisationId' | 'pushSubscription'> & { hasPushSubscription: boolean };

/** An AED as the control room sees it: access notes and cabinet code are for accepted responders only. */
export type AedView = Omit<AedRecord, 'organisationId' | 'accessNotes' | 'cabinetCode'> & {
  hasAccessNotes: boolean;
  hasCabinetCode: boolean;
  /** Why it would not be used right now (expired pads or battery switch it off), or null. */
  unusableNow: AedUnusable | null;
};

export interface RegistryOptions {
  database: Database;
  bus: EventBus;
  audit: AuditLog;
  clock: Clock;
  geocoder: Geocoder;
  indexes: RespondIndexes;
}

/** The responder app's secret: shown once at registration, stored only as a hash. */
const TOKEN_PREFIX = 'wzr_';

/**
 * The volunteer and AED registries (SPEC R1): registration with geocoded addresses, the responder
 * app's token, live location and snooze; AEDs with hours, expiry and owner. Every change is
 * audited, announced (`respond.registry.changed`) and applied to the in-memory indexes after commit.
 */
export class RegistryService {
  constructor(private readonly options: RegistryOptions) {}

  // Volunteers

  async createVolunteer(organisationId: string, input: VolunteerInput, actor: string): Promise<{ volunteer: VolunteerView; token: string }> {
    const data = volunteerInputSchema.parse(input);
    const addresses = await this.resolveAddresses(data.addresses);
    const now = this.now();
    const id = newId();
    const token = newSecret(TOKEN_PREFIX);
    await this.write(organisationId, 'volunteer', id, async (tx) => {
      await tx.db
        .insertInto('respond_volunteers')
        .values({
          id,
          organisation_id: organisationId,
          external_ref: data.externalRef,
          name: data.name,
          email: data.email,
          phone: data.phone,
          language: data.language,
          qualification: data.qualification,
          qualified_until: data.qualifiedUntil,
          snoozed_until: null,
          live_lat: null,
          live_lon: null,
          live_at: null,
          token_hash: hashSecret(token),
          push_subscription: null,
          created_at: now,
          updated_at: now,
        })
        .execute()
        .catch((error: unknown) => {
          if (this.options.database.dialect.isUniqueViolation(error)) throw conflict('VOLUNTEER_EXISTS', `A volunteer with reference "${data.externalRef}" exists already.`);
          throw error;
        });
      await replaceAddresses(tx.db, id, addresses, newId);
      await this.options.audit.append(tx, { organisationId, actor, action: 'volunteer.create', subjectType: 'volunteer', subjectId: id, data: { addresses: addresses.length } });
    });
    return { volunteer: await this.getVolunteer(organisationId, id), token };
  }

  async updateVolunteer(organisationId: string, id: string, patch: VolunteerPatch, actor: string): Promise<VolunteerView> {
    await this.findVolunteer(organisationId, id);
    const addresses = patch.addresses === undefined ? undefined : await this.resolveAddresses(patch.addresses);
    const set = {
      ...(patch.externalRef !== undefined && { external_ref: patch.externalRef }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      ...(patch.language !== undefined && { language: patch.language }),
      ...(patch.qualification !== undefined && { qualification: patch.qualification }),
      ...(patch.qualifiedUntil !== undefined && { qualified_until: patch.qualifiedUntil }),
      updated_at: this.now(),
    };
    await this.write(organisationId, 'volunteer', id, async (tx) => {
      await tx.db.updateTable('respond_volunteers').set(set).where('id', '=', id).execute();
      if (addresses) await replaceAddresses(tx.db, id, addresses, newId);
      await this.options.audit.append(tx, { organisationId, actor, action: 'volunteer.update', subjectType: 'volunteer', subjectId: id, data: { fields: Object.keys(patch) } });
    });
    return this.getVolunteer(organisationId, id);
  }

  /** Creates or updates by `externalRef` (CSV import); a new volunteer's token is returned once. */
  async upsertVolunteer(organisationId: string, input: VolunteerInput, actor: string): Promise<{ outcome: 'created' | 'updated'; volunteer: VolunteerView; token: string | null }> {
    const data = volunteerInputSchema.parse(input);
    const existing = data.externalRef ? await findVolunteerByRef(this.options.database.db, organisationId, data.externalRef) : undefined;
    if (!existing) return { outcome: 'created', ...(await this.createVolunteer(organisationId, data, actor)) };
    return { outcome: 'updated', volunteer: await this.updateVolunteer(organisationId, existing.id, data, actor), token: null };
  }

  async deleteVolunteer(organisationId: string, id: string, actor: string): Promise<void> {
    await this.findVolunteer(organisationId, id);
    await this.write(organisationId, 'volunteer', id, async (tx) => {
      await tx.db.deleteFrom('respond_volunteers').where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'volunteer.delete', subjectType: 'volunteer', subjectId: id });
    });
  }

  /** A new responder-app token; the old one stops working at once. */
  async reissueToken(organisationId: string, id: string, actor: string): Promise<string> {
    await this.findVolunteer(organisationId, id);
    const token = newSecret(TOKEN_PREFIX);
    await this.options.database.transaction(async (tx) => {
      await tx.db.updateTable('respond_volunteers').set({ token_hash: hashSecret(token), updated_at: this.now() }).where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'volunteer.token', subjectType: 'volunteer', subjectId: id });
    });
    return token;
  }

  async getVolunteer(organisationId: string, id: string): Promise<VolunteerView> {
    return presentVolunteer(await this.findVolunteer(organisationId, id));
  }

  async listVolunteers(organisationId: string, limit: number, after?: string): Promise<{ items: VolunteerView[]; nextCursor: string | null }> {
    const page = await listVolunteers(this.options.database.db, organisationId, limit, after);
    return { items: page.map(presentVolunteer), nextCursor: page.length === limit ? page[page.length - 1]!.id : null };
  }

  /** The full record, for the dispatch service. */
  async findVolunteer(organisationId: string, id: string): Promise<VolunteerRecord> {
    const record = await findVolunteer(this.options.database.db, id);
    if (!record || record.organisationId !== organisationId) throw notFound('VOLUNTEER_NOT_FOUND', 'No such volunteer in this organisation.');
    return record;
  }

  // The responder app (authenticated by the volunteer's own token)

  async authenticateResponder(authorization: string | undefined): Promise<VolunteerRecord> {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined;
    if (!token || !token.startsWith(TOKEN_PREFIX)) throw unauthenticated('RESPONDER_TOKEN_REQUIRED', 'Send the responder token of the app as "Authorization: Bearer wzr_…".');
    const record = await findVolunteerByTokenHash(this.options.database.db, hashSecret(token));
    if (!record) throw unauthenticated('INVALID_RESPONDER_TOKEN', 'The responder token is unknown or was replaced.');
    return record;
  }

  async setLiveLocation(volunteer: VolunteerRecord, lat: number, lon: number): Promise<void> {
    const now = this.now();
    await this.write(volunteer.organisationId, 'volunteer', volunteer.id, async (tx) => {
      await tx.db.updateTable('respond_volunteers').set({ live_lat: lat, live_lon: lon, live_at: now, updated_at: now }).where('id', '=', volunteer.id).execute();
    });
  }

  async clearLiveLocation(volunteer: VolunteerRecord): Promise<void> {
    await this.write(volunteer.organisationId, 'volunteer', volunteer.id, async (tx) => {
      await tx.db.updateTable('respond_volunteers').set({ live_lat: null, live_lon: null, live_at: null, updated_at: this.now() }).where('id', '=', volunteer.id).execute();
    });
  }

  /** Signs off until `until` (null signs on again). */
  async snooze(volunteer: VolunteerRecord, until: string | null): Promise<void> {
    if (until !== null && Date.parse(until) <= this.options.clock.now().getTime()) throw invalid('SNOOZE_IN_PAST', 'Snooze until a moment in the future, or send null to sign on.');
    await this.write(volunteer.organisationId, 'volunteer', volunteer.id, async (tx) => {
      await tx.db.updateTable('respond_volunteers').set({ snoozed_until: until, updated_at: this.now() }).where('id', '=', volunteer.id).execute();
    });
  }

  async setPushSubscription(volunteer: VolunteerRecord, subscription: unknown): Promise<void> {
    await this.options.database.db
      .updateTable('respond_volunteers')
      .set({ push_subscription: subscription === null ? null : JSON.stringify(subscription), updated_at: this.now() })
      .where('id', '=', volunteer.id)
      .execute();
  }

  // AEDs

  async createAed(organisationId: string, input: AedInput, actor: string): Promise<AedView> {
    const data = aedInputSchema.parse(input);
    const point = await this.resolvePoint(data.position);
    const now = this.now();
    const id = newId();
    await this.write(organisationId, 'aed', id, async (tx) => {
      await tx.db
        .insertInto('respond_aeds')
        .values({
          id,
          organisation_id: organisationId,
          external_ref: data.externalRef,
          name: data.name,
          location: data.location,
          lat: point.lat,
          lon: point.lon,
          access_notes: data.accessNotes,
          cabinet_code: data.cabinetCode,
          availability: data.availability === null ? null : JSON.stringify(data.availability),
          pads_expire: data.padsExpire,
          battery_expires: data.batteryExpires,
          active: data.active ? 1 : 0,
          owner_name: data.ownerName,
          owner_email: data.ownerEmail,
          owner_phone: data.ownerPhone,
          created_at: now,
          updated_at: now,
        })
        .execute()
        .catch((error: unknown) => {
          if (this.options.database.dialect.isUniqueViolation(error)) throw conflict('AED_EXISTS', `An AED with reference "${data.externalRef}" exists already.`);
          throw error;
        });
      await this.options.audit.append(tx, { organisationId, actor, action: 'aed.create', subjectType: 'aed', subjectId: id });
    });
    return this.getAed(organisationId, id);
  }

  async updateAed(organisationId: string, id: string, patch: AedPatch, actor: string): Promise<AedView> {
    await this.findAed(organisationId, id);
    const point = patch.position ? await this.resolvePoint(patch.position) : undefined;
    const set = {
      ...(patch.externalRef !== undefined && { external_ref: patch.externalRef }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.location !== undefined && { location: patch.location }),
      ...(point && { lat: point.lat, lon: point.lon }),
      ...(patch.accessNotes !== undefined && { access_notes: patch.accessNotes }),
      ...(patch.cabinetCode !== undefined && { cabinet_code: patch.cabinetCode }),
      ...(patch.availability !== undefined && { availability: patch.availability === null ? null : JSON.stringify(patch.availability) }),
      ...(patch.padsExpire !== undefined && { pads_expire: patch.padsExpire }),
      ...(patch.batteryExpires !== undefined && { battery_expires: patch.batteryExpires }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      ...(patch.ownerName !== undefined && { owner_name: patch.ownerName }),
      ...(patch.ownerEmail !== undefined && { owner_email: patch.ownerEmail }),
      ...(patch.ownerPhone !== undefined && { owner_phone: patch.ownerPhone }),
      updated_at: this.now(),
    };
    await this.write(organisationId, 'aed', id, async (tx) => {
      await tx.db.updateTable('respond_aeds').set(set).where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'aed.update', subjectType: 'aed', subjectId: id, data: { fields: Object.keys(patch) } });
    });
    return this.getAed(organisationId, id);
  }

  async upsertAed(organisationId: string, input: AedInput, actor: string): Promise<{ outcome: 'created' | 'updated'; aed: AedView }> {
    const data = aedInputSchema.parse(input);
    const existing = data.externalRef ? await findAedByRef(this.options.database.db, organisationId, data.externalRef) : undefined;
    if (!existing) return { outcome: 'created', aed: await this.createAed(organisationId, data, actor) };
    return { outcome: 'updated', aed: await this.updateAed(organisationId, existing.id, data, actor) };
  }

  async deleteAed(organisationId: string, id: string, actor: string): Promise<void> {
    await this.findAed(organisationId, id);
    await this.write(organisationId, 'aed', id, async (tx) => {
      await tx.db.deleteFrom('respond_aeds').where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'aed.delete', subjectType: 'aed', subjectId: id });
    });
  }

  async getAed(organisationId: string, id: string): Promise<AedView> {
    return this.presentAed(await this.findAed(organisationId, id));
  }

  async listAeds(organisationId: string, limit: number, after?: string): Promise<{ items: AedView[]; nextCursor: string | null }> {
    const page = await listAeds(this.options.database.db, organisationId, limit, after);
    return { items: page.map((a) => this.presentAed(a)), nextCursor: page.length === limit ? page[page.length - 1]!.id : null };
  }

  async findAed(organisationId: string, id: string): Promise<AedRecord> {
    const record = await findAed(this.options.database.db, id);
    if (!record || record.organisationId !== organisationId) throw notFound('AED_NOT_FOUND', 'No such AED in this organisation.');
    return record;
  }

  // internals

  private presentAed(a: AedRecord): AedView {
    const { organisationId: _o, accessNotes, cabinetCode, ...rest } = a;
    return { ...rest, hasAccessNotes: accessNotes !== null && accessNotes !== '', hasCabinetCode: cabinetCode !== null && cabinetCode !== '', unusableNow: aedUnusable(aedInfoOf(a), localMoment(this.options.clock.now())) };
  }

  private async resolveAddresses(inputs: readonly AddressInput[]): Promise<VolunteerAddress[]> {
    const out: VolunteerAddress[] = [];
    for (const [i, a] of inputs.entries()) {
      if ('lat' in a) out.push({ label: a.label ?? `adres ${i + 1}`, lat: a.lat, lon: a.lon, windows: a.windows });
      else {
        const found = await this.options.geocoder.geocode(a.postcode, a.houseNumber);
        out.push({ label: a.label ?? found.label, lat: found.point.lat, lon: found.point.lon, windows: a.windows });
      }
    }
    return out;
  }

  private async resolvePoint(position: { lat: number; lon: number } | { postcode: string; houseNumber: string | number }): Promise<{ lat: number; lon: number }> {
    if ('lat' in position) return position;
    const found = await this.options.geocoder.geocode(position.postcode, position.houseNumber);
    return found.point;
  }

  /** One transaction with the change, its announcement, and the index update after commit. */
  private async write(organisationId: string, kind: 'volunteer' | 'aed', id: string, change: (tx: Tx) => Promise<void>): Promise<void> {
    await this.options.database.transaction(async (tx) => {
      await change(tx);
      await this.options.bus.publish(tx, 'respond.registry.changed', { kind, id }, { organisationId });
    });
    const { indexes } = this.options;
    await (kind === 'volunteer' ? indexes.refreshVolunteer(organisationId, id) : indexes.refreshAed(organisationId, id));
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

function presentVolunteer(v: VolunteerRecord): VolunteerView {
  const { organisationId: _o, pushSubscription, ...rest } = v;
  return { ...rest, hasPushSubscription: pushSubscription !== null };
}
