import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient, Post, Session } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import { Link } from '../ui/router.tsx';
import { ColumnsView } from './columns-view.tsx';
import { WATCH_VIEW_LABELS, WATCH_VIEWS, watchViewPath, type WatchView } from './modes.ts';
import { PostDetail } from './post-detail.tsx';
import { SourcesView } from './sources-view.tsx';
import { useColumnFeeds } from './use-column-feeds.ts';
import { usePostStream } from './use-post-stream.ts';
import { createSignalsApi } from './watch/signals-api.ts';
import { createAlertsApi } from './watch/alerts-api.ts';

// MapLibre is about a megabyte of JavaScript: loaded only when the map is opened.
const MapView = lazy(() => import('./map-view.tsx').then((module) => ({ default: module.MapView })));
const IncidentsView = lazy(() => import('./watch/incidents-view.tsx').then((module) => ({ default: module.IncidentsView })));
const RumoursView = lazy(() => import('./watch/rumours-view.tsx').then((module) => ({ default: module.RumoursView })));
const NetworkView = lazy(() => import('./watch/network-view.tsx').then((module) => ({ default: module.NetworkView })));
const SignalsView = lazy(() => import('./watch/signals-view.tsx').then((module) => ({ default: module.SignalsView })));
const WatchlistsView = lazy(() => import('./watch/watchlists-view.tsx').then((module) => ({ default: module.WatchlistsView })));

export type PostListener = (posts: readonly Post[]) => void;

/** What the detail panel shows: a post from a column, or one picked on the map (by id). */
type Selected = { id: string; post: Post | null };

export interface WatchPageProps {
  api: ApiClient;
  session: Session;
  view: WatchView;
  onUnauthorized: () => void;
}

/** Kijken / Watch: columns of live posts, a map of located posts, and the sources (connectors). */
export function WatchPage({ api, session, view, onUnauthorized }: WatchPageProps) {
  const { t } = useT();
  const permissions = session.user.permissions;
  const canManage = permissions.includes('watch:manage');
  const canReveal = permissions.includes('identities:reveal');
  const canAnswerTasks = permissions.includes('tasks:answer');
  const signals = useMemo(() => createSignalsApi(), []);
  const alerts = useMemo(() => createAlertsApi(), []);
  const feeds = useColumnFeeds(api, onUnauthorized);
  const listeners = useRef(new Set<PostListener>());
  const [selected, setSelected] = useState<Selected | null>(null);

  const { receive, fillGaps } = feeds;
  const stream = usePostStream(api, {
    onPosts: (posts) => {
      receive(posts);
      for (const listener of listeners.current) {
        listener(posts);
      }
    },
    onReconnected: fillGaps,
    onUnauthorized,
  });

  const subscribe = useCallback((listener: PostListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const openPost = useCallback((post: Post) => setSelected({ id: post.id, post }), []);
  const openPostById = useCallback((id: string) => setSelected({ id, post: null }), []);
  const closeDetail = useCallback(() => setSelected(null), []);
  const postChanged = useCallback(
    (post: Post) => {
      receive([post]);
      for (const listener of listeners.current) {
        listener([post]);
      }
    },
    [receive],
  );

  const views = useMemo(() => WATCH_VIEWS.filter((v) => v !== 'sources' || canManage), [canManage]);

  return (
    <div className="watch">
      <div className="watch__intro">
        <div>
          <h1 className="page__title">{t('watch.title')}</h1>
          <p className="page__lead">{t('watch.lead')}</p>
        </div>
        <ul className="view-switch" aria-label={t('watch.views')}>
          {views.map((v) => (
            <li key={v}>
              <Link to={watchViewPath(v)} className="view-switch__link" aria-current={v === view ? 'page' : undefined}>
                {t(WATCH_VIEW_LABELS[v])}
              </Link>
            </li>
          ))}
        </ul>
      </div>

      {view === 'columns' && <ColumnsView feeds={feeds} stream={stream} onOpen={openPost} />}
      {view === 'map' && (
        <Suspense fallback={<p role="status">{t('map.loading')}</p>}>
          <MapView api={api} subscribe={subscribe} onOpenPost={openPostById} onUnauthorized={onUnauthorized} />
        </Suspense>
      )}
      {(view === 'incidents' || view === 'rumours' || view === 'network' || view === 'signals' || view === 'watchlists') && (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {view === 'signals' && <SignalsView api={api} alerts={alerts} canManage={canManage} onOpenPost={openPostById} onUnauthorized={onUnauthorized} />}
          {view === 'watchlists' && <WatchlistsView api={api} alerts={alerts} canManage={canManage} onUnauthorized={onUnauthorized} />}
          {view === 'incidents' && <IncidentsView api={api} signals={signals} canManage={canManage} onOpenPost={openPostById} onUnauthorized={onUnauthorized} />}
          {view === 'rumours' && <RumoursView signals={signals} canManage={canManage} canAnswer={canAnswerTasks} onUnauthorized={onUnauthorized} />}
          {view === 'network' && <NetworkView signals={signals} onUnauthorized={onUnauthorized} />}
        </Suspense>
      )}
      {view === 'sources' &&
        (canManage ? (
          <SourcesView api={api} onUnauthorized={onUnauthorized} />
        ) : (
          <p className="notice notice--error" role="alert">
            {t('error.forbidden')}
          </p>
        ))}

      {selected && (
        <PostDetail
          api={api}
          postId={selected.id}
          initialPost={selected.post}
          canGiveFeedback={canManage}
          canReveal={canReveal}
          now={stream.now}
          onClose={closeDetail}
          onPostChanged={postChanged}
          onOpenPost={openPostById}
          onUnauthorized={onUnauthorized}
        />
      )}
    </div>
  );
}
