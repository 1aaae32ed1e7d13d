import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Normalised posts (SPEC W2) and connector cursors, owned by the watch module. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('author_pseudonym', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('received_at', d.timestamp, (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('location_precision', 'text')
    .addColumn('place_name', 'text')
    .addColumn('hashtags', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('media', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('repost_of', 'text')
    .addColumn('quote_of', 'text')
    .addUniqueConstraint('posts_source_unique', ['organisation_id', 'source', 'source_id'])
    .execute();
  await db.schema.createIndex('posts_organisation_id').on('posts').columns(['organisation_id', 'id']).execute();

  await db.schema
    .createTable('connector_cursors')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('connector_id', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text', (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('connector_cursors_pk', ['organisation_id', 'connector_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('connector_cursors').execute();
  await db.schema.dropTable('posts').execute();
}
