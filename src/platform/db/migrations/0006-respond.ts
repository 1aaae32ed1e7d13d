import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Respond (SPEC R1–R3): the volunteer and AED registries, dispatches, the responders alerted in
 * them (one row per dispatch and volunteer: the key that makes an alert idempotent) and the
 * timeline of each dispatch for evaluation.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('respond_volunteers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('qualification', 'text', (c) => c.notNull())
    .addColumn('qualified_until', 'text')
    .addColumn('snoozed_until', d.timestamp)
    .addColumn('live_lat', 'double precision')
    .addColumn('live_lon', 'double precision')
    .addColumn('live_at', d.timestamp)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('push_subscription', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('respond_volunteers_org_ref').on('respond_volunteers').columns(['organisation_id', 'external_ref']).unique().execute();

  await db.schema
    .createTable('respond_volunteer_addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('respond_volunteers.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('windows', 'text')
    .execute();
  await db.schema.createIndex('respond_volunteer_addresses_volunteer').on('respond_volunteer_addresses').columns(['volunteer_id', 'position']).execute();

  await db.schema
    .createTable('respond_aeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('access_notes', 'text')
    .addColumn('cabinet_code', 'text')
    .addColumn('availability', 'text')
    .addColumn('pads_expire', 'text')
    .addColumn('battery_expires', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('owner_phone', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('respond_aeds_org_ref').on('respond_aeds').columns(['organisation_id', 'external_ref']).unique().execute();

  await db.schema
    .createTable('respond_dispatches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('geocoded_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('aeds', 'text', (c) => c.notNull())
    .addColumn('wave', 'integer', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', d.timestamp, (c) => c.notNull())
    .addColumn('first_accept_at', d.timestamp)
    .addColumn('first_arrival_at', d.timestamp)
    .addColumn('aed_on_scene_at', d.timestamp)
    .addColumn('closed_at', d.timestamp)
    .execute();
  await db.schema.createIndex('respond_dispatches_org_status').on('respond_dispatches').columns(['organisation_id', 'status', 'started_at']).execute();

  await db.schema
    .createTable('respond_responders')
    .addColumn('dispatch_id', 'text', (c) => c.notNull().references('respond_dispatches.id').onDelete('cascade'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('wave', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('aed_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('distance_m', 'double precision', (c) => c.notNull())
    .addColumn('route_m', 'double precision', (c) => c.notNull())
    .addColumn('eta_s', 'double precision', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('alerted_at', d.timestamp, (c) => c.notNull())
    .addColumn('accepted_at', d.timestamp)
    .addColumn('declined_at', d.timestamp)
    .addColumn('on_way_at', d.timestamp)
    .addColumn('arrived_at', d.timestamp)
    .addColumn('timed_out_at', d.timestamp)
    .addColumn('stood_down_at', d.timestamp)
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('respond_responders_pk', ['dispatch_id', 'volunteer_id'])
    .execute();
  await db.schema.createIndex('respond_responders_volunteer').on('respond_responders').columns(['volunteer_id', 'state']).execute();

  await db.schema
    .createTable('respond_timeline')
    .addColumn('seq', d.serialPrimaryKey)
    .addColumn('dispatch_id', 'text', (c) => c.notNull().references('respond_dispatches.id').onDelete('cascade'))
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('respond_timeline_dispatch').on('respond_timeline').columns(['dispatch_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('respond_timeline').execute();
  await db.schema.dropTable('respond_responders').execute();
  await db.schema.dropTable('respond_dispatches').execute();
  await db.schema.dropTable('respond_aeds').execute();
  await db.schema.dropTable('respond_volunteer_addresses').execute();
  await db.schema.dropTable('respond_volunteers').execute();
}
