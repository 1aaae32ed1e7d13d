import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Weak signals (SPEC W5): the signals the burst detector raised, the posts behind each, and the
 * detector's learned state per organisation; watchlists and alert rules (W6) with their
 * notifications and per-channel deliveries.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('cell', 'text')
    .addColumn('resolution', 'integer', (c) => c.notNull())
    .addColumn('centre_lat', 'double precision')
    .addColumn('centre_lon', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('detected_at', d.timestamp, (c) => c.notNull())
    .addColumn('window_start', d.timestamp, (c) => c.notNull())
    .addColumn('first_post_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_post_at', d.timestamp, (c) => c.notNull())
    .addColumn('observed', 'integer', (c) => c.notNull())
    .addColumn('expected', 'double precision', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('baseline_per_hour', 'double precision', (c) => c.notNull())
    .addColumn('fired', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signals_org_detected').on('signals').columns(['organisation_id', 'detected_at']).execute();

  await db.schema
    .createTable('signal_posts')
    .addColumn('signal_id', 'text', (c) => c.notNull().references('signals.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('added_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('signal_posts_pk', ['signal_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('signal_detector_state')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('watchlists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'double precision', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('watchlists_org').on('watchlists').columns(['organisation_id', 'name']).execute();

  await db.schema
    .createTable('alert_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('watchlist_id', 'text', (c) => c.notNull().references('watchlists.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('throttle_minutes', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_rules_watchlist').on('alert_rules').column('watchlist_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('watchlist_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('read_at', d.timestamp)
    .execute();
  await db.schema.createIndex('notifications_org_created').on('notifications').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('sent_at', d.timestamp)
    .addPrimaryKeyConstraint('notification_deliveries_pk', ['notification_id', 'channel'])
    .execute();
  await db.schema.createIndex('notification_deliveries_rule').on('notification_deliveries').columns(['rule_id', 'channel', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notification_deliveries', 'notifications', 'alert_rules', 'watchlists', 'signal_detector_state', 'signal_posts', 'signals']) {
    await db.schema.dropTable(table).execute();
  }
}
