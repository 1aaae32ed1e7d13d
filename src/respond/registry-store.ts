import type { Db } from '#platform/db/database.ts';
import type { AedInfo, VolunteerPositions } from './dispatch.ts';
import type { Language } from './messages.ts';
import type { RespondAedTable, RespondVolunteerAddressTable, RespondVolunteerTable } from './tables.ts';
import './tables.ts';
import type { WeeklyWindow } from './weekly.ts';

/** Thin typed queries over the registries (respond_volunteers, respond_volunteer_addresses, respond_aeds). */

export interface VolunteerAddress {
  label: string;
  lat: number;
  lon: number;
  windows: WeeklyWindow[] | null;
}

export interface VolunteerRecord {
  id: string;
  organisationId: string;
  externalRef: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
  qualification: string;
  qualifiedUntil: string | null;
  snoozedUntil: string | null;
  live: { lat: number; lon: number; at: string } | null;
  pushSubscription: string | null;
  addresses: VolunteerAddress[];
  createdAt: string;
  updatedAt: string;
}

export interface AedRecord {
  id: string;
  organisationId: string;
  externalRef: string | null;
  name: string;
  location: string;
  lat: number;
  lon: number;
  accessNotes: string | null;
  cabinetCode: string | null;
  availability: WeeklyWindow[] | null;
  padsExpire: string | null;
  batteryExpires: string | null;
  active: boolean;
  ownerName: string | null;
  ownerEmail: string | null;
  ownerPhone: string | null;
  createdAt: string;
  updatedAt: string;
}

export function volunteerOf(row: RespondVolunteerTable, addresses: readonly RespondVolunteerAddressTable[]): VolunteerRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    externalRef: row.external_ref,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    qualification: row.qualification,
    qualifiedUntil: row.qualified_until,
    snoozedUntil: row.snoozed_until,
    live: row.live_lat !== null && row.live_lon !== null && row.live_at !== null ? { lat: row.live_lat, lon: row.live_lon, at: row.live_at } : null,
    pushSubscription: row.push_subscription,
    addresses: [...addresses]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ label: a.label, lat: a.lat, lon: a.lon, windows: a.windows === null ? null : (JSON.parse(a.windows) as WeeklyWindow[]) })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function aedOf(row: RespondAedTable): AedRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    externalRef: row.external_ref,
    name: row.name,
    location: row.location,
    lat: row.lat,
    lon: row.lon,
    accessNotes: row.access_notes,
    cabinetCode: row.cabinet_code,
    availability: row.availability === null ? null : (JSON.parse(row.availability) as WeeklyWindow[]),
    padsExpire: row.pads_expire,
    batteryExpires: row.battery_expires,
    active: row.active === 1,
    ownerName: row.owner_name,
    ownerEmail: row.owner_email,
    ownerPhone: row.owner_phone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The dispatch's view of a volunteer (what the spatial index holds). */
export function positionsOf(v: VolunteerRecord): VolunteerPositions {
  return {
    id: v.id,
    qualifiedUntil: v.qualifiedUntil,
    snoozedUntil: v.snoozedUntil === null ? null : Date.parse(v.snoozedUntil),
    live: v.live ? { lon: v.live.lon, lat: v.live.lat, at: Date.parse(v.live.at) } : null,
    addresses: v.addresses.map((a) => ({ lon: a.lon, lat: a.lat, windows: a.windows })),
  };
}

export function aedInfoOf(a: AedRecord): AedInfo {
  return { id: a.id, lon: a.lon, lat: a.lat, active: a.active, padsExpire: a.padsExpire, batteryExpires: a.batteryExpires, availability: a.availability };
}

async function addressesOf(db: Db, volunteerIds: readonly string[]): Promise<Map<string, RespondVolunteerAddressTable[]>> {
  const map = new Map<string, RespondVolunteerAddressTable[]>();
  for (let i = 0; i < volunteerIds.length; i += 500) {
    const rows = await db.selectFrom('respond_volunteer_addresses').selectAll().where('volunteer_id', 'in', volunteerIds.slice(i, i + 500)).execute();
    for (const row of rows) {
      const list = map.get(row.volunteer_id);
      if (list) list.push(row);
      else map.set(row.volunteer_id, [row]);
    }
  }
  return map;
}

export async function findVolunteer(db: Db, id: string): Promise<VolunteerRecord | undefined> {
  const row = await db.selectFrom('respond_volunteers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return volunteerOf(row, (await addressesOf(db, [id])).get(id) ?? []);
}

export async function findVolunteerByTokenHash(db: Db, tokenHash: string): Promise<VolunteerRecord | undefined> {
  const row = await db.selectFrom('respond_volunteers').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  return volunteerOf(row, (await addressesOf(db, [row.id])).get(row.id) ?? []);
}

export async function findVolunteerByRef(db: Db, organisationId: string, externalRef: string): Promise<VolunteerRecord | undefined> {
  const row = await db.selectFrom('respond_volunteers').select('id').where('organisation_id', '=', organisationId).where('external_ref', '=', externalRef).executeTakeFirst();
  return row ? findVolunteer(db, row.id) : undefined;
}

/** A page of volunteers by id (time-ordered), after `after`. */
export async function listVolunteers(db: Db, organisationId: string, limit: number, after?: string): Promise<VolunteerRecord[]> {
  let query = db.selectFrom('respond_volunteers').selectAll().where('organisation_id', '=', organisationId).orderBy('id').limit(limit);
  if (after) query = query.where('id', '>', after);
  const rows = await query.execute();
  const addresses = await addressesOf(db, rows.map((r) => r.id));
  return rows.map((r) => volunteerOf(r, addresses.get(r.id) ?? []));
}

/** Every volunteer of an organisation, streamed in pages (for building the spatial index). */
export async function* allVolunteers(db: Db, organisationId: string, pageSize = 5000): AsyncGenerator<VolunteerRecord[]> {
  let after: string | undefined;
  for (;;) {
    const page = await listVolunteers(db, organisationId, pageSize, after);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.id;
  }
}

export async function replaceAddresses(db: Db, volunteerId: string, addresses: readonly VolunteerAddress[], newId: () => string): Promise<void> {
  await db.deleteFrom('respond_volunteer_addresses').where('volunteer_id', '=', volunteerId).execute();
  if (addresses.length === 0) return;
  await db
    .insertInto('respond_volunteer_addresses')
    .values(addresses.map((a, position) => ({ id: newId(), volunteer_id: volunteerId, position, label: a.label, lat: a.lat, lon: a.lon, windows: a.windows === null ? null : JSON.stringify(a.windows) })))
    .execute();
}

export async function findAed(db: Db, id: string): Promise<AedRecord | undefined> {
  const row = await db.selectFrom('respond_aeds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? aedOf(row) : undefined;
}

export async function findAedByRef(db: Db, organisationId: string, externalRef: string): Promise<AedRecord | undefined> {
  const row = await db.selectFrom('respond_aeds').selectAll().where('organisation_id', '=', organisationId).where('external_ref', '=', externalRef).executeTakeFirst();
  return row ? aedOf(row) : undefined;
}

export async function listAeds(db: Db, organisationId: string, limit: number, after?: string): Promise<AedRecord[]> {
  let query = db.selectFrom('respond_aeds').selectAll().where('organisation_id', '=', organisationId).orderBy('id').limit(limit);
  if (after) query = query.where('id', '>', after);
  return (await query.execute()).map(aedOf);
}
