import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * The send module (SPEC S1–S5): messages with their lifecycle, per-organisation templates,
 * citizen subscriptions (area + topics, no names, no IP addresses) and deliveries keyed by their
 * idempotency key, so that a re-run of the expansion or a restart never queues anything twice.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('send_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('msg_type', 'text', (c) => c.notNull())
    .addColumn('references_id', 'text')
    .addColumn('exercise', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('certainty', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('area_description', 'text')
    .addColumn('area_geometry', 'text')
    .addColumn('scheduled_for', d.timestamp)
    .addColumn('expires_at', d.timestamp)
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', d.timestamp)
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', d.timestamp)
    .addColumn('emergency', 'integer', (c) => c.notNull())
    .addColumn('emergency_reason', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('published_at', d.timestamp)
    .addColumn('superseded_by', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('send_messages_org_status').on('send_messages').columns(['organisation_id', 'status', 'id']).execute();
  await db.schema.createIndex('send_messages_org_id').on('send_messages').columns(['organisation_id', 'id']).execute();

  await db.schema
    .createTable('send_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('certainty', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('send_templates_org').on('send_templates').columns(['organisation_id', 'name']).execute();

  await db.schema
    .createTable('send_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('geometry', 'text')
    .addColumn('min_lon', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lon', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('confirm_expires_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('confirmed_at', d.timestamp)
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('send_subscriptions_updated').on('send_subscriptions').column('updated_at').execute();
  await db.schema.createIndex('send_subscriptions_confirm').on('send_subscriptions').column('confirm_token_hash').execute();

  await db.schema
    .createTable('send_deliveries')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', d.timestamp, (c) => c.notNull())
    .addColumn('lease', 'text')
    .addColumn('locked_until', d.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('external_id', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('finished_at', d.timestamp)
    .execute();
  await db.schema.createIndex('send_deliveries_due').on('send_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('send_deliveries_message').on('send_deliveries').columns(['message_id', 'channel', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('send_deliveries').execute();
  await db.schema.dropTable('send_subscriptions').execute();
  await db.schema.dropTable('send_templates').execute();
  await db.schema.dropTable('send_messages').execute();
}
