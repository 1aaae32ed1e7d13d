import { notFound } from '#core/errors.ts';
import type { Db } from '#platform/db/database.ts';
import type { Message } from '../messages/message.ts';
import { findNewestVersion, findPublicMessage } from '../messages/message-store.ts';

/** A message that has gone out, with what a reader needs to know about its chain. */
export interface PublicMessage {
  message: Message;
  organisationName: string;
  /** The earlier version an Update or Cancel replaces (only when that one is public too). */
  replacesId: string | null;
  /** The newest version when this one was updated or cancelled; its msgType says which. */
  newest: { id: string; kind: 'Update' | 'Cancel' } | null;
}

/**
 * Reads a published, updated or cancelled message by id for anyone who has its link. Everything
 * else (draft, awaiting approval, scheduled, discarded, unknown) is the same "not found".
 */
export async function readPublicMessage(db: Db, id: string, organisationName: (id: string) => Promise<string | null>): Promise<PublicMessage> {
  const message = await findPublicMessage(db, id);
  if (!message) throw notFound('MESSAGE_NOT_FOUND', 'There is no published message with this id.');
  const [name, newest, replaces] = await Promise.all([
    organisationName(message.organisationId),
    findNewestVersion(db, message),
    message.referencesId ? findPublicMessage(db, message.referencesId) : undefined,
  ]);
  return {
    message,
    organisationName: name ?? '',
    replacesId: replaces && replaces.organisationId === message.organisationId ? replaces.id : null,
    newest: newest ? { id: newest.id, kind: newest.msgType === 'Cancel' ? 'Cancel' : 'Update' } : null,
  };
}
