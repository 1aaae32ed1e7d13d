import type { Selectable } from 'kysely';
import type { Db } from '#platform/db/database.ts';
import type { AppealTable } from '../tables.ts';
import type { Appeal, AppealArea, AppealOutcome, AppealStatus, Consent } from './appeal.ts';

type Executor = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;
export type AppealRow = Selectable<AppealTable>;

export async function insertAppeal(db: Executor, row: AppealRow): Promise<void> {
  await db.insertInto('appeals').values(row).execute();
}

export async function findAppealRow(db: Executor, organisationId: string | null, id: string): Promise<AppealRow | undefined> {
  let q = db.selectFrom('appeals').selectAll().where('id', '=', id);
  if (organisationId !== null) q = q.where('organisation_id', '=', organisationId);
  return q.executeTakeFirst();
}

export async function listAppealRows(db: Executor, organisationId: string, status: AppealStatus[] | undefined, limit: number): Promise<AppealRow[]> {
  let q = db.selectFrom('appeals').selectAll().where('organisation_id', '=', organisationId);
  if (status && status.length > 0) q = q.where('status', 'in', status);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export async function photoIdsOf(db: Executor, appealIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (appealIds.length === 0) return map;
  const rows = await db.selectFrom('media').select(['id', 'owner_id']).where('owner_type', '=', 'appeal').where('owner_id', 'in', appealIds).where('status', '!=', 'rejected').orderBy('id').execute();
  for (const r of rows) map.set(r.owner_id, [...(map.get(r.owner_id) ?? []), r.id]);
  return map;
}

export function toAppeal(row: AppealRow, photoIds: string[]): Appeal {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    description: row.description,
    area: JSON.parse(row.area) as AppealArea,
    responseInstructions: row.response_instructions,
    durationMinutes: Number(row.duration_minutes),
    consent: row.consent === null ? null : (JSON.parse(row.consent) as Consent),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    endsAt: row.ends_at,
    closedAt: row.closed_at,
    outcome: row.outcome as AppealOutcome | null,
    outcomeText: row.outcome_text,
    publishMessageId: row.publish_message_id,
    closeMessageId: row.close_message_id,
    photoIds,
  };
}
