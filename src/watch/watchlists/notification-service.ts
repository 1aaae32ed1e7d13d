import type { Clock } from '#core/clock.ts';
import { notFound } from '#core/errors.ts';
import type { Database } from '#platform/db/database.ts';
import { fromNotificationRow, type Notification } from './notification.ts';

/** The dashboard's view of notifications: newest first, with per-channel delivery state, and marking read. */
export class NotificationService {
  constructor(private readonly options: { database: Database; clock: Clock }) {}

  async list(organisationId: string, query: { limit: number; before?: string; unread?: boolean }): Promise<(Notification & { deliveries: { channel: string; status: string; lastError: string | null }[] })[]> {
    const db = this.options.database.db;
    let q = db.selectFrom('notifications').selectAll().where('organisation_id', '=', organisationId);
    if (query.before) q = q.where('id', '<', query.before);
    if (query.unread) q = q.where('read_at', 'is', null);
    const rows = await q.orderBy('id', 'desc').limit(query.limit).execute();
    const ids = rows.map((r) => r.id);
    const deliveries = ids.length === 0 ? [] : await db.selectFrom('notification_deliveries').select(['notification_id', 'channel', 'status', 'last_error']).where('notification_id', 'in', ids).execute();
    return rows.map((row) => ({
      ...fromNotificationRow(row),
      deliveries: deliveries.filter((d) => d.notification_id === row.id).map((d) => ({ channel: d.channel, status: d.status, lastError: d.last_error })),
    }));
  }

  async markRead(organisationId: string, id: string): Promise<void> {
    const result = await this.options.database.db
      .updateTable('notifications')
      .set({ read_at: this.options.clock.now().toISOString() })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const exists = await this.options.database.db.selectFrom('notifications').select('id').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound('NOTIFICATION_NOT_FOUND', 'No such notification in this organisation.');
    }
  }
}
