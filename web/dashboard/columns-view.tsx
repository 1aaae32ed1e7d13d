import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Post } from '../ui/api.ts';
import { bufferedCount } from '../ui/column-feeds.ts';
import { columnTitle, MAX_COLUMNS, newColumnId, sameFilter, type Column, type ColumnFilter } from '../ui/columns.ts';
import { emptyFilter, sourcesOf, type FeedFilter } from '../ui/feed.ts';
import { hashtagLabel } from '../ui/format.ts';
import type { MessageKey } from '../ui/i18n/catalogue.ts';
import { useT, type Translator } from '../ui/i18n/language.tsx';
import { AddColumnForm } from './add-column-form.tsx';
import { ColumnView } from './column-view.tsx';
import { FeedControls } from './feed-controls.tsx';
import type { ColumnFeeds } from './use-column-feeds.ts';
import type { PostStream } from './use-post-stream.ts';

/** A column's name in the current language. */
export function columnName(column: Column, { t }: Pick<Translator, 't'>): string {
  const title = columnTitle(column.filter);
  return t(title.key, title.categoryKey ? { category: t(title.categoryKey) } : title.params);
}

type PendingFocus = { type: 'move'; id: string; by: -1 | 1 } | { type: 'added'; id: string } | { type: 'removed' };

export interface ColumnsViewProps {
  feeds: ColumnFeeds;
  stream: PostStream;
  onOpen: (post: Post) => void;
}

/** TweetDeck-like columns: side-by-side at desktop widths, one at a time (with a chooser) on narrow screens. */
export function ColumnsView({ feeds, stream, onOpen }: ColumnsViewProps) {
  const translator = useT();
  const { t, tPlural } = translator;
  const ids = useId();
  const { columns, state, dispatch, edit } = feeds;
  const [filter, setFilter] = useState<FeedFilter>(emptyFilter);
  const deferredFilter = useDeferredValue(filter);
  const [adding, setAdding] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(columns[0]?.id ?? null);
  const [status, setStatus] = useState('');
  const pendingFocus = useRef<PendingFocus | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const stripRef = useRef<HTMLDivElement>(null);

  const active = columns.some((c) => c.id === activeId) ? activeId : (columns[0]?.id ?? null);
  const buffered = bufferedCount(state);

  const sources = useMemo(() => {
    const all = new Set(Object.values(state.feeds).flatMap((c) => sourcesOf(c.feed.items)));
    for (const column of columns) {
      if (column.filter.kind === 'source') {
        all.add(column.filter.source);
      }
    }
    if (filter.source) {
      all.add(filter.source);
    }
    return [...all].sort();
  }, [state.feeds, columns, filter.source]);

  // Keyboard focus follows the column that was moved or added, and goes to "add" after a removal.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) {
      return;
    }
    pendingFocus.current = null;
    if (pending.type === 'removed') {
      addButton.current?.focus();
      return;
    }
    const strip = stripRef.current;
    if (pending.type === 'added') {
      strip?.querySelector<HTMLElement>(`[data-column-id="${pending.id}"] .column__title`)?.focus();
      return;
    }
    const same = document.getElementById(`column-${pending.id}-${pending.by < 0 ? 'left' : 'right'}`) as HTMLButtonElement | null;
    const other = document.getElementById(`column-${pending.id}-${pending.by < 0 ? 'right' : 'left'}`) as HTMLButtonElement | null;
    (same && !same.disabled ? same : other)?.focus();
  }, [columns]);

  const handleMove = useCallback(
    (id: string, by: -1 | 1) => {
      const from = columns.findIndex((c) => c.id === id);
      const column = columns[from];
      if (!column || from + by < 0 || from + by >= columns.length) {
        return;
      }
      pendingFocus.current = { type: 'move', id, by };
      edit({ type: 'move', id, by });
      setStatus(t('columns.moved', { name: columnName(column, translator), position: from + by + 1, total: columns.length }));
    },
    [columns, edit, t, translator],
  );

  const handleRemove = useCallback(
    (id: string) => {
      const column = columns.find((c) => c.id === id);
      if (!column) {
        return;
      }
      pendingFocus.current = { type: 'removed' };
      edit({ type: 'remove', id });
      setStatus(t('columns.removed', { name: columnName(column, translator) }));
    },
    [columns, edit, t, translator],
  );

  const handleAdd = (newFilter: ColumnFilter): MessageKey | null => {
    if (columns.length >= MAX_COLUMNS) {
      return 'columns.add.full';
    }
    if (columns.some((c) => sameFilter(c.filter, newFilter))) {
      return 'columns.add.duplicate';
    }
    const column = { id: newColumnId(columns), filter: newFilter };
    pendingFocus.current = { type: 'added', id: column.id };
    edit({ type: 'add', column });
    setActiveId(column.id);
    setAdding(false);
    setStatus(t('columns.added', { name: columnName(column, translator) }));
    return null;
  };

  const handleHashtag = useCallback((tag: string) => setFilter((current) => ({ ...current, text: hashtagLabel(tag) })), []);
  const handleLoadMore = feeds.loadMore;
  const handleRetry = feeds.retry;
  const fullMessage = columns.length >= MAX_COLUMNS ? t('columns.add.full', { max: MAX_COLUMNS }) : null;

  return (
    <div className="watch__layout">
      <FeedControls
        connection={stream.connection}
        onReconnectNow={stream.reconnectNow}
        stats={stream.stats}
        series={stream.series}
        paused={state.paused}
        onTogglePause={() => dispatch({ type: state.paused ? 'resume' : 'pause' })}
        filter={filter}
        onFilterChange={setFilter}
        sources={sources}
      />

      <section className="watch__columns" aria-labelledby={`${ids}-columns`}>
        <h2 id={`${ids}-columns`} className="visually-hidden">
          {t('watch.view.columns')}
        </h2>
        <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {stream.announcement
            ? // The alternating trailing space makes an identical message count as a change.
              tPlural('watch.announce', stream.announcement.count) + (stream.announcement.sequence % 2 ? '\u00a0' : '')
            : ''}
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {status}
        </p>

        <div className="columns-bar">
          <button
            ref={addButton}
            type="button"
            className="button button--small"
            aria-expanded={adding}
            aria-disabled={fullMessage !== null || undefined}
            title={fullMessage ?? undefined}
            onClick={() => (fullMessage ? setStatus(fullMessage) : setAdding((open) => !open))}
          >
            <span aria-hidden="true">+</span> {t('columns.add')}
          </button>
          {columns.length > 1 && (
            <div className="columns-bar__chooser field">
              <label className="field__label" htmlFor={`${ids}-active`}>
                {t('columns.show')}
              </label>
              <select id={`${ids}-active`} className="field__input" value={active ?? ''} onChange={(event) => setActiveId(event.target.value)}>
                {columns.map((column) => (
                  <option key={column.id} value={column.id}>
                    {columnName(column, translator)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {buffered > 0 && (
            <button type="button" className="button button--primary button--small" onClick={() => dispatch({ type: 'showBuffered' })}>
              {tPlural('watch.showNew', buffered)}
            </button>
          )}
        </div>

        {adding && (
          <AddColumnForm
            sources={sources}
            onAdd={handleAdd}
            onCancel={() => {
              setAdding(false);
              addButton.current?.focus();
            }}
          />
        )}

        {columns.length === 0 && <p className="feed-state">{t('columns.none')}</p>}

        <div className="columns" ref={stripRef}>
          {columns.map((column, index) => (
            <ColumnView
              key={column.id}
              column={column}
              name={columnName(column, translator)}
              feed={state.feeds[column.id]}
              filter={deferredFilter}
              position={index}
              total={columns.length}
              now={stream.now}
              active={column.id === active}
              onHashtag={handleHashtag}
              onOpen={onOpen}
              onMove={handleMove}
              onRemove={handleRemove}
              onLoadMore={handleLoadMore}
              onRetry={handleRetry}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
