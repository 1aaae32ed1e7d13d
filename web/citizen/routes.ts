import { normalisePath } from '../ui/router.tsx';
import { askPageOf, TIP_PATH } from './ask/ask-paths.ts';
import { messageIdOf } from './messages/message-paths.ts';

/** The citizen app lives under /citizen/; the server answers every path below it with its index.html. */
export const CITIZEN_BASE = '/citizen';

export type CitizenRoute = 'home' | 'privacy' | 'subscribe' | 'confirm' | 'unsubscribe' | 'responder' | 'ask' | 'message' | 'notFound';

export const CITIZEN_PATHS: Readonly<Record<Exclude<CitizenRoute, 'notFound' | 'message'>, string>> = {
  home: `${CITIZEN_BASE}/`,
  privacy: `${CITIZEN_BASE}/privacy`,
  subscribe: `${CITIZEN_BASE}/subscribe`,
  confirm: `${CITIZEN_BASE}/confirm`,
  unsubscribe: `${CITIZEN_BASE}/unsubscribe`,
  /** The volunteer responders' app; its own pages are below this path (web/citizen/responder). */
  responder: `${CITIZEN_BASE}/hulpverlener`,
  /** Tips and appeals; appeals are at /citizen/oproep/:id (web/citizen/ask). */
  ask: TIP_PATH,
};

export function citizenRouteOf(pathname: string): CitizenRoute {
  const path = normalisePath(pathname);
  if (path === CITIZEN_BASE || path === `${CITIZEN_BASE}/index.html`) {
    return 'home';
  }
  if (path === CITIZEN_PATHS.privacy) {
    return 'privacy';
  }
  if (path === CITIZEN_PATHS.subscribe || path === CITIZEN_PATHS.confirm || path === CITIZEN_PATHS.unsubscribe) {
    return path === CITIZEN_PATHS.subscribe ? 'subscribe' : path === CITIZEN_PATHS.confirm ? 'confirm' : 'unsubscribe';
  }
  if (path === CITIZEN_PATHS.responder || path.startsWith(`${CITIZEN_PATHS.responder}/`)) {
    return 'responder';
  }
  if (askPageOf(path)) {
    return 'ask';
  }
  // A published message (/citizen/messages/:id): where every channel links.
  if (messageIdOf(path) !== null) {
    return 'message';
  }
  return 'notFound';
}
