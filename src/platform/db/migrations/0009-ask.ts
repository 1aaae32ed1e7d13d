import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * The ask module (SPEC A1–A3): appeals, citizen tips and their photos. Photos are files in the
 * media directory; these rows hold their SHA-256 (chain of custody), perceptual hash, EXIF time
 * and place, and the paths of the metadata-free copies.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('response_instructions', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('consent', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addColumn('published_at', d.timestamp)
    .addColumn('ends_at', d.timestamp)
    .addColumn('closed_at', d.timestamp)
    .addColumn('outcome', 'text')
    .addColumn('outcome_text', 'text')
    .addColumn('publish_message_id', 'text')
    .addColumn('close_message_id', 'text')
    .execute();
  await db.schema.createIndex('appeals_org_status').on('appeals').columns(['organisation_id', 'status', 'id']).execute();

  await db.schema
    .createTable('tips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('incident_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('location_accuracy_m', 'double precision')
    .addColumn('observed_at', d.timestamp)
    .addColumn('received_at', d.timestamp, (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('language', 'text')
    .addColumn('category', 'text')
    .addColumn('priority', 'text')
    .addColumn('relevance', 'double precision')
    .addColumn('priority_score', 'integer', (c) => c.notNull())
    .addColumn('triaged_at', d.timestamp)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', d.timestamp)
    .addColumn('status_changed_by', 'text')
    .addColumn('photo_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tips_queue').on('tips').columns(['organisation_id', 'priority_score', 'id']).execute();
  await db.schema.createIndex('tips_appeal').on('tips').columns(['appeal_id', 'status', 'received_at']).execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('declared_type', 'text')
    .addColumn('byte_size', d.bigint, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_path', 'text', (c) => c.notNull())
    .addColumn('display_path', 'text')
    .addColumn('thumb_path', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('phash', 'text')
    .addColumn('group_id', 'text')
    .addColumn('exif_taken_at', d.timestamp)
    .addColumn('exif_lat', 'double precision')
    .addColumn('exif_lon', 'double precision')
    .addColumn('reject_reason', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('processed_at', d.timestamp)
    .execute();
  await db.schema.createIndex('media_owner').on('media').columns(['owner_type', 'owner_id']).execute();
  await db.schema.createIndex('media_org_hashed').on('media').columns(['organisation_id', 'processed_at']).execute();
  await db.schema.createIndex('media_group').on('media').columns(['organisation_id', 'group_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media').execute();
  await db.schema.dropTable('tips').execute();
  await db.schema.dropTable('appeals').execute();
}
