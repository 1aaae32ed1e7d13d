import { normalisePath } from '../../ui/router.tsx';

/*
 * The path of a published message in the citizen app: /citizen/messages/:id. Every channel links
 * there (src/send/messages/outgoing.ts `messageUrl`); keep the two in step.
 */

export const MESSAGES_BASE = '/citizen/messages';

export function messagePagePath(id: string): string {
  return `${MESSAGES_BASE}/${encodeURIComponent(id)}`;
}

/** The message id a path shows, or null when the path is not a message page. */
export function messageIdOf(pathname: string): string | null {
  const match = /^\/citizen\/messages\/([^/]+)$/.exec(normalisePath(pathname));
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
