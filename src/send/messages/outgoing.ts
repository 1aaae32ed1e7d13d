import type { MessageLanguage, MessageReference, OutgoingMessage } from '../channels/channel.ts';
import { languagesOf, type Message } from './message.ts';

/** Where citizens read a published message (the citizen app's message page). */
export function messageUrl(publicUrl: string, messageId: string): string {
  return `${publicUrl}/citizen/messages/${encodeURIComponent(messageId)}`;
}

export interface OutgoingContext {
  senderName: string;
  publicUrl: string;
  /** When the message went out (CAP sent); the publication time, or now for a preview. */
  sentAt: string;
  /** The earlier message an Update or Cancel refers to, with its publication time. */
  references: readonly MessageReference[];
}

/**
 * The message as a channel receives it, in one language (falling back to Dutch when the message
 * has no version in the asked language). The text stays as written: every channel marks an
 * exercise (CAP status Exercise → "OEFENING") and an update or cancellation itself, in the form
 * its medium allows (channels/text.ts), so nothing is marked twice.
 */
export function toOutgoing(message: Message, language: MessageLanguage, context: OutgoingContext): OutgoingMessage {
  const lang: MessageLanguage = languagesOf(message).includes(language) ? language : 'nl';
  const version = lang === 'en' && message.content.en ? message.content.en : message.content.nl;
  return {
    id: message.id,
    organisationId: message.organisationId,
    senderName: context.senderName,
    msgType: message.msgType,
    status: message.exercise ? 'Exercise' : 'Actual',
    language: lang,
    category: message.category,
    urgency: message.urgency,
    severity: message.severity,
    certainty: message.certainty,
    headline: version.headline,
    body: version.body,
    ...(version.instruction === undefined ? {} : { instruction: version.instruction }),
    url: messageUrl(context.publicUrl, message.id),
    ...(message.area ? { area: { description: message.area.description, geometry: message.area.geometry } } : {}),
    topics: [...message.topics],
    sentAt: context.sentAt,
    ...(message.expiresAt === null ? {} : { expiresAt: message.expiresAt }),
    references: context.references,
    media: [],
  };
}
