import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import type { ApiClient } from '../ui/api.ts';
import { emptyFilter, FEED_CAP, filterPosts, isFilterActive, sourcesOf, type FeedFilter } from '../ui/feed.ts';
import { hashtagLabel } from '../ui/format.ts';
import { useT } from '../ui/i18n/language.tsx';
import { errorMessage } from './error-message.ts';
import { FeedControls } from './feed-controls.tsx';
import { PostCard } from './post-card.tsx';
import { useLiveFeed } from './use-live-feed.ts';

/** Kijken / Watch: the live feed of public posts. */
export function WatchPage({ api, onUnauthorized }: { api: ApiClient; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, tPlural } = translator;
  const ids = useId();
  const live = useLiveFeed(api, onUnauthorized);
  const { feed, dispatch, firstLoad } = live;
  const [filter, setFilter] = useState<FeedFilter>(emptyFilter);
  // Typing in the filter box stays responsive while the (up to 500-item) list re-filters behind it.
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterPosts(feed.items, deferredFilter), [feed.items, deferredFilter]);
  const sources = useMemo(() => {
    const all = new Set([...sourcesOf(feed.items), ...sourcesOf(feed.buffered)]);
    if (filter.source) {
      all.add(filter.source);
    }
    return [...all].sort();
  }, [feed.items, feed.buffered, filter.source]);

  const handleHashtag = useCallback((tag: string) => setFilter((current) => ({ ...current, text: hashtagLabel(tag) })), []);
  const filtering = isFilterActive(deferredFilter);

  return (
    <div className="watch">
      <div className="watch__intro">
        <h1 className="page__title">{t('watch.title')}</h1>
        <p className="page__lead">{t('watch.lead')}</p>
      </div>

      <FeedControls
        connection={live.connection}
        onReconnectNow={live.reconnectNow}
        stats={live.stats}
        series={live.series}
        paused={feed.paused}
        onTogglePause={() => dispatch({ type: feed.paused ? 'resume' : 'pause' })}
        filter={filter}
        onFilterChange={setFilter}
        sources={sources}
      />

      <section className="watch__feed" aria-labelledby={`${ids}-feed`}>
        <h2 id={`${ids}-feed`} className="visually-hidden">
          {t('watch.feedLabel')}
        </h2>
        <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {live.announcement
            ? // The alternating trailing space makes an identical message count as a change.
              tPlural('watch.announce', live.announcement.count) + (live.announcement.sequence % 2 ? '\u00a0' : '')
            : ''}
        </p>

        <div className="feed-bar">
          {feed.buffered.length > 0 && (
            <button type="button" className="button button--primary feed-bar__new" onClick={() => dispatch({ type: 'showBuffered' })}>
              {tPlural('watch.showNew', feed.buffered.length)}
            </button>
          )}
          {filtering && (
            <p className="feed-bar__count">{t('watch.filter.showing', { shown: visible.length, total: feed.items.length })}</p>
          )}
        </div>

        {firstLoad.status === 'loading' && feed.items.length === 0 && (
          <p className="feed-state" role="status">
            {t('watch.loading')}
          </p>
        )}
        {firstLoad.status === 'error' && (
          <div className="notice notice--error" role="alert">
            <p>
              {t('watch.loadError')} {errorMessage(firstLoad.error, translator)}
            </p>
            <button type="button" className="button button--small" onClick={live.retryFirstLoad}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {firstLoad.status === 'ready' && feed.items.length === 0 && <p className="feed-state">{t('watch.empty')}</p>}
        {feed.items.length > 0 && visible.length === 0 && <p className="feed-state">{t('watch.emptyFiltered')}</p>}

        <ol className="feed" aria-label={t('watch.feedLabel')} aria-busy={firstLoad.status === 'loading'}>
          {visible.map((post) => (
            <li key={post.id} className="feed__item" data-post-id={post.id}>
              <PostCard post={post} now={live.now} onHashtag={handleHashtag} />
            </li>
          ))}
        </ol>

        <div className="feed-end">
          {feed.capped ? (
            <p className="feed-end__note">{t('watch.capped', { max: FEED_CAP })}</p>
          ) : feed.nextCursor ? (
            <button type="button" className="button" onClick={live.loadMore} aria-disabled={live.loadingMore || undefined}>
              {live.loadingMore ? t('watch.loadingMore') : t('watch.loadMore')}
            </button>
          ) : (
            firstLoad.status === 'ready' && feed.items.length > 0 && <p className="feed-end__note">{t('watch.end')}</p>
          )}
          {live.loadMoreError !== null && (
            <p className="notice notice--error" role="alert">
              {errorMessage(live.loadMoreError, translator)}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
