import type { MessageKey } from '../../ui/i18n/catalogue.ts';
import { normalisePath } from '../../ui/router.tsx';

/** Views inside Ask, each at its own path (linkable, survives a reload), like Send's. */
export const ASK_VIEWS = ['queue', 'appeals', 'compose'] as const;
export type AskView = (typeof ASK_VIEWS)[number];

export const ASK_VIEW_PATHS: Readonly<Record<AskView, string>> = {
  queue: '/ask',
  appeals: '/ask/appeals',
  compose: '/ask/appeals/new',
};

export const ASK_VIEW_LABELS: Readonly<Record<AskView, MessageKey>> = {
  queue: 'ask.view.queue',
  appeals: 'ask.view.appeals',
  compose: 'ask.view.compose',
};

export type AskRoute = { view: AskView } | { view: 'appeal'; id: string };

export function appealPath(id: string): string {
  return `/ask/appeals/${encodeURIComponent(id)}`;
}

/** The Ask route a path shows, or null when the path is not under /ask. */
export function askRouteFromPath(pathname: string): AskRoute | null {
  const path = normalisePath(pathname);
  const view = ASK_VIEWS.find((v) => ASK_VIEW_PATHS[v] === path);
  if (view) return { view };
  const match = /^\/ask\/appeals\/([^/]+)$/.exec(path);
  if (!match) return null;
  try {
    return { view: 'appeal', id: decodeURIComponent(match[1]!) };
  } catch {
    return null;
  }
}
