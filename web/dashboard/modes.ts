import type { MessageKey } from '../ui/i18n/catalogue.ts';
import { normalisePath } from '../ui/router.tsx';
import { sendRouteFromPath } from './send/send-routes.ts';
import { respondRouteFromPath } from './respond/board.ts';
import { askRouteFromPath } from './ask/ask-routes.ts';

/** The paper's four ways of using social media plus responders and measuring (SPEC §1). */
export const MODES = ['watch', 'send', 'ask', 'respond', 'interact', 'evaluate'] as const;
export type ModeId = (typeof MODES)[number];

export const MODE_LABELS: Readonly<Record<ModeId, MessageKey>> = {
  watch: 'mode.watch.label',
  send: 'mode.send.label',
  ask: 'mode.ask.label',
  respond: 'mode.respond.label',
  interact: 'mode.interact.label',
  evaluate: 'mode.evaluate.label',
};

export type PlannedModeId = Exclude<ModeId, 'watch'>;

/** What the modes that this version does not have yet will do, taken from SPEC §4–§8. */
export const PLANNED_MODES: Readonly<Record<PlannedModeId, { lead: MessageKey; points: readonly MessageKey[] }>> = {
  send: { lead: 'mode.send.lead', points: ['mode.send.point1', 'mode.send.point2', 'mode.send.point3', 'mode.send.point4'] },
  ask: { lead: 'mode.ask.lead', points: ['mode.ask.point1', 'mode.ask.point2', 'mode.ask.point3', 'mode.ask.point4'] },
  respond: {
    lead: 'mode.respond.lead',
    points: ['mode.respond.point1', 'mode.respond.point2', 'mode.respond.point3', 'mode.respond.point4'],
  },
  interact: {
    lead: 'mode.interact.lead',
    points: ['mode.interact.point1', 'mode.interact.point2', 'mode.interact.point3', 'mode.interact.point4'],
  },
  evaluate: {
    lead: 'mode.evaluate.lead',
    points: ['mode.evaluate.point1', 'mode.evaluate.point2', 'mode.evaluate.point3', 'mode.evaluate.point4'],
  },
};

export function modePath(mode: ModeId): string {
  return `/${mode}`;
}

/** Views inside Watch, each with its own path so that it can be linked and survives a reload. */
export const WATCH_VIEWS = ['columns', 'map', 'signals', 'incidents', 'rumours', 'network', 'watchlists', 'sources'] as const;
export type WatchView = (typeof WATCH_VIEWS)[number];

const WATCH_VIEW_PATHS: Readonly<Record<WatchView, string>> = {
  columns: '/watch',
  map: '/watch/map',
  signals: '/watch/signals',
  incidents: '/watch/incidents',
  rumours: '/watch/rumours',
  network: '/watch/network',
  watchlists: '/watch/watchlists',
  sources: '/watch/sources',
};

export const WATCH_VIEW_LABELS: Readonly<Record<WatchView, MessageKey>> = {
  columns: 'watch.view.columns',
  map: 'watch.view.map',
  signals: 'watch.view.signals',
  incidents: 'watch.view.incidents',
  rumours: 'watch.view.rumours',
  network: 'watch.view.network',
  watchlists: 'watch.view.watchlists',
  sources: 'watch.view.sources',
};

export function watchViewPath(view: WatchView): string {
  return WATCH_VIEW_PATHS[view];
}

/** The Watch view a path shows, or null when the path is not a Watch path. */
export function watchViewFromPath(pathname: string): WatchView | null {
  const path = normalisePath(pathname);
  return WATCH_VIEWS.find((view) => WATCH_VIEW_PATHS[view] === path) ?? null;
}

/** The mode a path shows, or null for an unknown path. `/` is handled by a redirect, not here. */
export function modeFromPath(pathname: string): ModeId | null {
  if (watchViewFromPath(pathname)) {
    return 'watch';
  }
  if (sendRouteFromPath(pathname)) {
    return 'send';
  }
  if (respondRouteFromPath(pathname)) {
    return 'respond';
  }
  if (askRouteFromPath(pathname)) {
    return 'ask';
  }
  const path = normalisePath(pathname);
  return MODES.find((mode) => path === modePath(mode)) ?? null;
}
