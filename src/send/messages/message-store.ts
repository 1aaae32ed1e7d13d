import { conflict, notFound } from '#core/errors.ts';
import type { Db } from '#platform/db/database.ts';
import type { SendMessageTable } from '#send/tables.ts';
import type { ChannelKind, MessageType } from '../channels/channel.ts';
import type { MessageState } from '../lifecycle.ts';
import type { Message, MessageArea, MessageContents } from './message.ts';

export function toRow(m: Message): SendMessageTable {
  return {
    id: m.id,
    organisation_id: m.organisationId,
    status: m.status,
    msg_type: m.msgType,
    references_id: m.referencesId,
    exercise: m.exercise ? 1 : 0,
    category: m.category,
    urgency: m.urgency,
    severity: m.severity,
    certainty: m.certainty,
    topics: JSON.stringify(m.topics),
    channels: JSON.stringify(m.channels),
    content: JSON.stringify(m.content),
    area: m.area ? JSON.stringify(m.area.input) : null,
    area_description: m.area?.description ?? null,
    area_geometry: m.area ? JSON.stringify(m.area.geometry) : null,
    scheduled_for: m.scheduledFor,
    expires_at: m.expiresAt,
    author: m.author,
    submitted_by: m.submittedBy,
    submitted_at: m.submittedAt,
    approved_by: m.approvedBy,
    approved_at: m.approvedAt,
    emergency: m.emergency ? 1 : 0,
    emergency_reason: m.emergencyReason,
    rejection_reason: m.rejectionReason,
    published_at: m.publishedAt,
    superseded_by: m.supersededBy,
    revision: m.revision,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

export function fromRow(r: SendMessageTable): Message {
  const area: MessageArea | null =
    r.area === null || r.area_geometry === null
      ? null
      : { input: JSON.parse(r.area) as MessageArea['input'], description: r.area_description ?? '', geometry: JSON.parse(r.area_geometry) as MessageArea['geometry'] };
  return {
    id: r.id,
    organisationId: r.organisation_id,
    status: r.status as MessageState,
    msgType: r.msg_type as MessageType,
    referencesId: r.references_id,
    exercise: r.exercise === 1,
    category: r.category as Message['category'],
    urgency: r.urgency as Message['urgency'],
    severity: r.severity as Message['severity'],
    certainty: r.certainty as Message['certainty'],
    topics: JSON.parse(r.topics) as string[],
    channels: JSON.parse(r.channels) as ChannelKind[],
    content: JSON.parse(r.content) as MessageContents,
    area,
    scheduledFor: r.scheduled_for,
    expiresAt: r.expires_at,
    author: r.author,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    emergency: r.emergency === 1,
    emergencyReason: r.emergency_reason,
    rejectionReason: r.rejection_reason,
    publishedAt: r.published_at,
    supersededBy: r.superseded_by,
    revision: Number(r.revision),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertMessage(db: Db, message: Message): Promise<void> {
  await db.insertInto('send_messages').values(toRow(message)).execute();
}

/** The message of an organisation; another organisation's message is "not found" (no probing). */
export async function findMessage(db: Db, organisationId: string, id: string): Promise<Message | undefined> {
  const row = await db.selectFrom('send_messages').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function getMessage(db: Db, organisationId: string, id: string): Promise<Message> {
  const message = await findMessage(db, organisationId, id);
  if (!message) throw notFound('MESSAGE_NOT_FOUND', 'There is no such message.');
  return message;
}

/** Any organisation's message by id (for the publisher job and the delivery engine). */
export async function findMessageById(db: Db, id: string): Promise<Message | undefined> {
  const row = await db.selectFrom('send_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * Writes `next` if the stored revision is still `next.revision - 1` (compare-and-set): of two
 * coordinators approving at once, one wins and the other hears that the message changed.
 */
export async function replaceMessage(db: Db, next: Message): Promise<void> {
  const { id, organisation_id: _org, created_at: _created, ...changes } = toRow(next);
  const result = await db
    .updateTable('send_messages')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', next.organisationId)
    .where('revision', '=', next.revision - 1)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('MESSAGE_CHANGED', 'The message was changed by someone else meanwhile; reload it and try again.');
}

export interface MessageListFilter {
  organisationId: string;
  statuses?: readonly MessageState[];
  /** Messages created before this id (ids are time-ordered), for paging. */
  before?: string;
  limit: number;
}

export async function listMessages(db: Db, filter: MessageListFilter): Promise<Message[]> {
  let query = db.selectFrom('send_messages').selectAll().where('organisation_id', '=', filter.organisationId);
  if (filter.statuses && filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.before) query = query.where('id', '<', filter.before);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(fromRow);
}

/** The states in which a message has gone out and anyone may read it (feeds, CAP, the citizen app). */
export const PUBLIC_STATES = ['published', 'updated', 'cancelled'] as const satisfies readonly MessageState[];

/**
 * Any organisation's message by id, but only once it has gone out: a draft, a message awaiting
 * approval, a scheduled or a discarded one is `undefined`, exactly like an unknown id.
 */
export async function findPublicMessage(db: Db, id: string): Promise<Message | undefined> {
  const row = await db.selectFrom('send_messages').selectAll().where('id', '=', id).where('status', 'in', [...PUBLIC_STATES]).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Hops followed along `superseded_by` at most: chains are a handful long; a corrupt cycle must not spin. */
const MAX_CHAIN = 32;

/**
 * The newest public version of `message`, following `supersededBy` (A updated by B, B cancelled
 * by C: C), or `undefined` when nothing superseded it. The chain stays within the organisation.
 */
export async function findNewestVersion(db: Db, message: Message): Promise<Message | undefined> {
  let newest: Message | undefined;
  let next = message.supersededBy;
  for (let hop = 0; next !== null && hop < MAX_CHAIN; hop++) {
    const found = await findPublicMessage(db, next);
    if (!found || found.organisationId !== message.organisationId || found.id === message.id) break;
    newest = found;
    next = found.supersededBy;
  }
  return newest;
}
