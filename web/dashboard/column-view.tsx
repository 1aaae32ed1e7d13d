import { memo, useId, useMemo } from 'react';
import type { Post } from '../ui/api.ts';
import { columnPosts, type ColumnFeed } from '../ui/column-feeds.ts';
import type { Column } from '../ui/columns.ts';
import { FEED_CAP, filterPosts, isFilterActive, type FeedFilter } from '../ui/feed.ts';
import { useT } from '../ui/i18n/language.tsx';
import { errorMessage } from './error-message.ts';
import { PostCard } from './post-card.tsx';
import { searchTerms } from '../ui/highlight.ts';

export interface ColumnViewProps {
  column: Column;
  name: string;
  feed: ColumnFeed | undefined;
  filter: FeedFilter;
  position: number;
  total: number;
  now: number;
  active: boolean;
  onHashtag: (tag: string) => void;
  onOpen: (post: Post) => void;
  onMove: (id: string, by: -1 | 1) => void;
  onRemove: (id: string) => void;
  onLoadMore: (id: string) => void;
  onRetry: (id: string) => void;
}

function ArrowIcon({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={direction === 'left' ? 'M10.5 2.5 5 8l5.5 5.5-1.1 1.1L2.8 8l6.6-6.6 1.1 1.1Z' : 'M5.5 2.5 11 8l-5.5 5.5 1.1 1.1L13.2 8 6.6 1.4 5.5 2.5Z'} fill="currentColor" />
    </svg>
  );
}

/** One Watch column: a compact header (name, count, move and remove) over its own scrolling list. */
export const ColumnView = memo(function ColumnView(props: ColumnViewProps) {
  const { column, name, feed, filter, position, total, now, active, onHashtag, onOpen, onMove, onRemove, onLoadMore, onRetry } = props;
  const translator = useT();
  const { t, tPlural } = translator;
  const ids = useId();
  const all = useMemo(() => columnPosts(feed, column), [feed, column]);
  const visible = useMemo(() => filterPosts(all, filter), [all, filter]);
  const filtering = isFilterActive(filter);
  const highlight = useMemo(() => searchTerms(column.filter.kind === 'search' ? column.filter.text : null, filter.text), [column.filter, filter.text]);
  const firstLoad = feed?.firstLoad ?? { status: 'loading' as const };
  const state = feed?.feed;

  return (
    <section className={`column ${active ? 'column--active' : ''}`} aria-labelledby={`${ids}-title`} data-column-id={column.id}>
      <header className="column__header">
        <h3 id={`${ids}-title`} className="column__title" tabIndex={-1}>
          {name}
        </h3>
        <span className="column__count">
          {filtering ? t('column.countFiltered', { shown: visible.length, total: all.length }) : tPlural('column.count', all.length)}
        </span>
        <div className="column__tools">
          <button
            type="button"
            id={`column-${column.id}-left`}
            className="icon-button"
            aria-label={t('column.moveLeft', { name })}
            title={t('column.moveLeft', { name })}
            disabled={position === 0}
            onClick={() => onMove(column.id, -1)}
          >
            <ArrowIcon direction="left" />
          </button>
          <button
            type="button"
            id={`column-${column.id}-right`}
            className="icon-button"
            aria-label={t('column.moveRight', { name })}
            title={t('column.moveRight', { name })}
            disabled={position === total - 1}
            onClick={() => onMove(column.id, 1)}
          >
            <ArrowIcon direction="right" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('column.remove', { name })}
            title={t('column.remove', { name })}
            onClick={() => onRemove(column.id)}
          >
            <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="m4.1 3 3.9 3.9L11.9 3 13 4.1 9.1 8l3.9 3.9-1.1 1.1L8 9.1 4.1 13 3 11.9 6.9 8 3 4.1 4.1 3Z" fill="currentColor" />
            </svg>
          </button>
        </div>
      </header>

      <div className="column__body">
        {firstLoad.status === 'loading' && all.length === 0 && (
          <p className="column__state" role="status">
            {t('watch.loading')}
          </p>
        )}
        {firstLoad.status === 'error' && (
          <div className="notice notice--error column__state" role="alert">
            <p>
              {t('watch.loadError')} {errorMessage(firstLoad.error, translator)}
            </p>
            <button type="button" className="button button--small" onClick={() => onRetry(column.id)}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {firstLoad.status === 'ready' && all.length === 0 && <p className="column__state">{t('column.empty')}</p>}
        {all.length > 0 && visible.length === 0 && <p className="column__state">{t('watch.emptyFiltered')}</p>}

        <ol className="feed column__list" aria-label={t('column.listLabel', { name })} aria-busy={firstLoad.status === 'loading'}>
          {visible.map((post) => (
            <li key={post.id} className="feed__item" data-post-id={post.id}>
              <PostCard post={post} now={now} onHashtag={onHashtag} onOpen={onOpen} highlight={highlight} />
            </li>
          ))}
        </ol>

        {feed && state && firstLoad.status === 'ready' && all.length > 0 && (
          <div className="feed-end">
            {state.capped ? (
              <p className="feed-end__note">{t('watch.capped', { max: FEED_CAP })}</p>
            ) : state.nextCursor ? (
              <button type="button" className="button button--small" onClick={() => onLoadMore(column.id)} aria-disabled={feed.loadingMore || undefined}>
                {feed.loadingMore ? t('watch.loadingMore') : t('watch.loadMore')}
              </button>
            ) : (
              <p className="feed-end__note">{t('watch.end')}</p>
            )}
            {feed.loadMoreError !== null && (
              <p className="notice notice--error" role="alert">
                {errorMessage(feed.loadMoreError, translator)}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
});
