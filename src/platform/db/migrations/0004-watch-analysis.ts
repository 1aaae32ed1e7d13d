import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * What the watch pipeline learns about a post (language, places, category, priority, the
 * explanation), operator feedback on classifications, and the encrypted identity vault behind
 * pseudonyms (SPEC W3, W4, G1).
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('post_analysis')
    .addColumn('post_id', 'text', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('relevant', 'integer', (c) => c.notNull())
    .addColumn('relevance', 'double precision', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('location_precision', 'text')
    .addColumn('place_name', 'text')
    .addColumn('near_duplicate_of', 'text')
    .addColumn('feedback_label', 'text')
    .addColumn('feedback_priority', 'text')
    .addColumn('feedback_at', d.timestamp)
    .addColumn('analysed_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('post_analysis_org_category').on('post_analysis').columns(['organisation_id', 'category', 'post_id']).execute();
  await db.schema.createIndex('post_analysis_org_priority').on('post_analysis').columns(['organisation_id', 'priority', 'post_id']).execute();

  await db.schema
    .createTable('classification_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classification_feedback_org').on('classification_feedback').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('author_identities')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('sealed_handle', 'text', (c) => c.notNull())
    .addColumn('first_seen', d.timestamp, (c) => c.notNull())
    .addColumn('last_seen', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('author_identities_pk', ['organisation_id', 'pseudonym'])
    .execute();
  await db.schema.createIndex('author_identities_last_seen').on('author_identities').column('last_seen').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('author_identities').execute();
  await db.schema.dropTable('classification_feedback').execute();
  await db.schema.dropTable('post_analysis').execute();
}
