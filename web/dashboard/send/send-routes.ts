import type { MessageKey } from '../../ui/i18n/catalogue.ts';
import { normalisePath } from '../../ui/router.tsx';

/** Views inside Send, each at its own path (linkable, survives a reload), like Watch's. */
export const SEND_VIEWS = ['compose', 'approvals', 'history'] as const;
export type SendView = (typeof SEND_VIEWS)[number];

export const SEND_VIEW_PATHS: Readonly<Record<SendView, string>> = {
  compose: '/send',
  approvals: '/send/approvals',
  history: '/send/history',
};

export const SEND_VIEW_LABELS: Readonly<Record<SendView, MessageKey>> = {
  compose: 'send.view.compose',
  approvals: 'send.view.approvals',
  history: 'send.view.history',
};

export type SendRoute = { view: SendView } | { view: 'message'; id: string } | { view: 'edit'; id: string };

export function sendMessagePath(id: string): string {
  return `/send/messages/${encodeURIComponent(id)}`;
}

export function sendEditPath(id: string): string {
  return `/send/messages/${encodeURIComponent(id)}/edit`;
}

/** The Send route a path shows, or null when the path is not under /send. */
export function sendRouteFromPath(pathname: string): SendRoute | null {
  const path = normalisePath(pathname);
  const view = SEND_VIEWS.find((v) => SEND_VIEW_PATHS[v] === path);
  if (view) return { view };
  const match = /^\/send\/messages\/([^/]+)(\/edit)?$/.exec(path);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return match[2] ? { view: 'edit', id } : { view: 'message', id };
}
