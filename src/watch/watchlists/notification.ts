import type { Priority } from '#core/taxonomy.ts';
import type { NotificationTable } from '#watch/tables.ts';

/** A notification of an alert rule (SPEC W6): what fired, about which post or signal. */
export interface Notification {
  id: string;
  ruleId: string;
  watchlistId: string;
  subjectType: 'post' | 'signal';
  subjectId: string;
  title: string;
  summary: string;
  priority: Priority;
  createdAt: string;
  readAt: string | null;
}

export function fromNotificationRow(row: NotificationTable): Notification {
  return {
    id: row.id,
    ruleId: row.rule_id,
    watchlistId: row.watchlist_id,
    subjectType: row.subject_type as Notification['subjectType'],
    subjectId: row.subject_id,
    title: row.title,
    summary: row.summary,
    priority: row.priority as Priority,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
