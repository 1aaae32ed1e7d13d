import type { Clock } from '#core/clock.ts';
import { conflict, forbidden, invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AccountService } from '#platform/accounts/account-service.ts';
import type { User } from '#platform/accounts/organisations.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import { isRole, permissionsOf } from '#platform/auth/permissions.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import './events.ts';
import type { VerificationTaskTable } from './tables.ts';
import type { TaskAnswer, TaskStatus, TaskSubject, VerificationTask } from './task.ts';

function toTask(row: VerificationTaskTable): VerificationTask {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    subjectType: row.subject_type as TaskSubject,
    subjectId: row.subject_id,
    question: row.question,
    assigneeId: row.assignee_id,
    status: row.status as TaskStatus,
    answer: row.answer as TaskAnswer | null,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
  };
}

/** Whether a user may answer verification tasks (a field officer, or any role with `tasks:answer`). */
export function canAnswer(user: Pick<User, 'roles' | 'disabled'>): boolean {
  return !user.disabled && permissionsOf(user.roles.filter(isRole)).includes('tasks:answer');
}

/** A user checked by {@link VerificationService.assignee}. */
export interface Assignee {
  readonly id: string;
  readonly organisationId: string;
}

export interface TaskQuery {
  organisationId: string;
  assigneeId?: string;
  status?: TaskStatus;
  subjectType?: TaskSubject;
  subjectId?: string;
  limit: number;
}

/**
 * Verification tasks (SPEC I4): a task about a rumour or an incident is assigned to a user who
 * may answer tasks (role `field_officer`); the assignee answers confirmed, denied or
 * unverifiable with a note, and `verification.answered` carries the answer back to its subject.
 */
export class VerificationService {
  constructor(private readonly options: { database: Database; bus: EventBus; audit: AuditLog; accounts: AccountService; clock: Clock }) {}

  /** Users of the organisation who may be asked to verify. */
  async assignees(organisationId: string): Promise<{ id: string; name: string; email: string }[]> {
    const users = await this.options.accounts.listUsers(organisationId);
    return users.filter(canAnswer).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  }

  /**
   * The user a task may be assigned to; checked before the caller's transaction opens (an
   * embedded store has one connection, so no other query may run while a transaction is open).
   */
  async assignee(organisationId: string, userId: string): Promise<Assignee> {
    const user = (await this.options.accounts.listUsers(organisationId)).find((u) => u.id === userId);
    if (!user) throw invalid('UNKNOWN_ASSIGNEE', 'The assignee is not a user of this organisation.');
    if (!canAnswer(user)) throw invalid('ASSIGNEE_CANNOT_ANSWER', 'The assignee cannot answer verification tasks (role field_officer).');
    return { id: user.id, organisationId };
  }

  /** Creates a task inside the caller's transaction (the subject's state changes with it). */
  async create(
    tx: Tx,
    input: { organisationId: string; subjectType: TaskSubject; subjectId: string; question: string; assignee: Assignee },
    actor: string,
  ): Promise<VerificationTask> {
    const question = input.question.trim();
    if (question.length < 3) throw invalid('INVALID_QUESTION', 'Say what the field officer should check.');
    const assignee = input.assignee;
    if (assignee.organisationId !== input.organisationId) throw invalid('UNKNOWN_ASSIGNEE', 'The assignee is not a user of this organisation.');
    const now = this.options.clock.now();
    const row: VerificationTaskTable = {
      id: newId(now.getTime()),
      organisation_id: input.organisationId,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      question,
      assignee_id: assignee.id,
      status: 'open',
      answer: null,
      note: null,
      created_by: actor,
      created_at: now.toISOString(),
      answered_by: null,
      answered_at: null,
    };
    await tx.db.insertInto('verification_tasks').values(row).execute();
    const task = toTask(row);
    await this.options.audit.append(tx, { organisationId: input.organisationId, actor, action: 'verification.request', subjectType: input.subjectType, subjectId: input.subjectId, data: { task: task.id, assignee: assignee.id } });
    await this.options.bus.publish(tx, 'verification.requested', { task }, { organisationId: input.organisationId });
    return task;
  }

  async list(query: TaskQuery): Promise<VerificationTask[]> {
    let q = this.options.database.db.selectFrom('verification_tasks').selectAll().where('organisation_id', '=', query.organisationId);
    if (query.assigneeId) q = q.where('assignee_id', '=', query.assigneeId);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.subjectType) q = q.where('subject_type', '=', query.subjectType);
    if (query.subjectId) q = q.where('subject_id', '=', query.subjectId);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(toTask);
  }

  async get(organisationId: string, id: string): Promise<VerificationTask> {
    const row = await this.options.database.db.selectFrom('verification_tasks').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('TASK_NOT_FOUND', 'No such verification task in this organisation.');
    return toTask(row);
  }

  /** The assignee's answer; a task is answered once. */
  async answer(organisationId: string, id: string, input: { answer: TaskAnswer; note?: string | null }, by: { userId: string | null; actor: string }): Promise<VerificationTask> {
    return this.options.database.transaction(async (tx) => {
      const row = await tx.db.selectFrom('verification_tasks').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('TASK_NOT_FOUND', 'No such verification task in this organisation.');
      if (row.assignee_id !== by.userId) throw forbidden('NOT_THE_ASSIGNEE', 'Only the field officer the task is assigned to can answer it.');
      if (row.status !== 'open') throw conflict('TASK_ANSWERED', 'This task has been answered already.');
      const note = input.note?.trim() || null;
      const answeredAt = this.options.clock.now().toISOString();
      const updated = { ...row, status: 'answered', answer: input.answer, note, answered_by: by.actor, answered_at: answeredAt };
      await tx.db.updateTable('verification_tasks').set({ status: 'answered', answer: input.answer, note, answered_by: by.actor, answered_at: answeredAt }).where('id', '=', id).execute();
      const task = toTask(updated);
      await this.options.audit.append(tx, { organisationId, actor: by.actor, action: 'verification.answer', subjectType: row.subject_type, subjectId: row.subject_id, data: { task: id, answer: input.answer } });
      await this.options.bus.publish(tx, 'verification.answered', { task }, { organisationId });
      return task;
    });
  }
}
