import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Incidents (SPEC W7), rumour claims with their corrections (W8) and verification tasks (I4).
 * Member tables copy the few post fields their views need (time, place, author pseudonym), so a
 * timeline or a velocity is one indexed scan of the members, not a join over all posts.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('place_name', 'text')
    .addColumn('first_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_at', d.timestamp, (c) => c.notNull())
    .addColumn('post_count', 'integer', (c) => c.notNull())
    .addColumn('located_count', 'integer', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('min_lat', 'double precision')
    .addColumn('min_lon', 'double precision')
    .addColumn('max_lat', 'double precision')
    .addColumn('max_lon', 'double precision')
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('signal_ids', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('verdict', 'text')
    .addColumn('verdict_note', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_org_last').on('incidents').columns(['organisation_id', 'last_at']).execute();

  await db.schema
    .createTable('incident_posts')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('category', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_posts_pk', ['organisation_id', 'post_id'])
    .execute();
  await db.schema.createIndex('incident_posts_incident').on('incident_posts').columns(['incident_id', 'created_at']).execute();

  await db.schema
    .createTable('rumour_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('root_post_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('first_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_at', d.timestamp, (c) => c.notNull())
    .addColumn('post_count', 'integer', (c) => c.notNull())
    .addColumn('verdict_note', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rumour_claims_org_last').on('rumour_claims').columns(['organisation_id', 'last_at']).execute();

  await db.schema
    .createTable('rumour_claim_posts')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('rumour_claims.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('author_pseudonym', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rumour_claim_posts_pk', ['organisation_id', 'post_id'])
    .execute();
  await db.schema.createIndex('rumour_claim_posts_claim').on('rumour_claim_posts').columns(['claim_id', 'created_at']).execute();

  await db.schema
    .createTable('rumour_claim_urls')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('rumour_claims.id'))
    .addPrimaryKeyConstraint('rumour_claim_urls_pk', ['organisation_id', 'url'])
    .execute();

  await db.schema
    .createTable('rumour_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('rumour_claims.id'))
    .addColumn('text_nl', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('url', 'text')
    .addColumn('message_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('recorded_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rumour_corrections_org').on('rumour_corrections').columns(['organisation_id', 'recorded_at']).execute();

  await db.schema
    .createTable('rumour_correction_posts')
    .addColumn('correction_id', 'text', (c) => c.notNull().references('rumour_corrections.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('author_pseudonym', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rumour_correction_posts_pk', ['correction_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('verification_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', d.timestamp)
    .execute();
  await db.schema.createIndex('verification_tasks_assignee').on('verification_tasks').columns(['organisation_id', 'assignee_id', 'status']).execute();
  await db.schema.createIndex('verification_tasks_subject').on('verification_tasks').columns(['organisation_id', 'subject_type', 'subject_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['verification_tasks', 'rumour_correction_posts', 'rumour_corrections', 'rumour_claim_urls', 'rumour_claim_posts', 'rumour_claims', 'incident_posts', 'incidents']) {
    await db.schema.dropTable(table).execute();
  }
}
