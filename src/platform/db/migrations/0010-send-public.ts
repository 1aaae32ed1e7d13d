import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * The public side of send (SPEC S1): every language version of every published CAP alert, as the
 * channel handed it over, so the public routes can serve one CAP document per alert (an `info`
 * per language) and the organisation's Atom index.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('send_cap_versions')
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', d.timestamp, (c) => c.notNull())
    .addColumn('outgoing', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('send_cap_versions_pk', ['identifier', 'language'])
    .execute();
  await db.schema.createIndex('send_cap_versions_by_organisation').on('send_cap_versions').columns(['organisation_id', 'sent_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('send_cap_versions').execute();
}
