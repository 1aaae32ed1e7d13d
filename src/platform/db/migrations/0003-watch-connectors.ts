import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Per-organisation source connectors and their health, owned by the watch module. */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('connectors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('connectors_organisation').on('connectors').column('organisation_id').execute();

  await db.schema
    .createTable('connector_health')
    .addColumn('connector_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('since', d.timestamp, (c) => c.notNull())
    .addColumn('last_post_at', d.timestamp)
    .addColumn('posts_total', d.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('malformed_total', d.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('connector_health').execute();
  await db.schema.dropTable('connectors').execute();
}
