import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError, type ApiClient, type Post } from '../ui/api.ts';
import { columnFeedsReducer, initialColumnFeeds, type ColumnFeedsAction, type ColumnFeedsState } from '../ui/column-feeds.ts';
import {
  COLUMNS_STORAGE_KEY,
  columnQuery,
  editColumns,
  parseStoredColumns,
  serializeColumns,
  type Column,
  type ColumnsEdit,
} from '../ui/columns.ts';

export const PAGE_SIZE = 50;

function readColumns(): Column[] {
  try {
    return parseStoredColumns(window.localStorage.getItem(COLUMNS_STORAGE_KEY));
  } catch {
    // Storage disabled: the defaults, not remembered.
    return parseStoredColumns(null);
  }
}

function storeColumns(columns: readonly Column[]): void {
  try {
    window.localStorage.setItem(COLUMNS_STORAGE_KEY, serializeColumns(columns));
  } catch {
    // Not being able to remember the layout is no reason to refuse the change.
  }
}

export interface ColumnFeeds {
  readonly columns: readonly Column[];
  readonly state: ColumnFeedsState;
  readonly dispatch: (action: ColumnFeedsAction) => void;
  readonly edit: (edit: ColumnsEdit) => void;
  readonly loadMore: (id: string) => void;
  readonly retry: (id: string) => void;
  /** Live posts, and posts that changed (feedback): each goes to the columns it belongs in. */
  readonly receive: (posts: Post[]) => void;
  /** After a reconnect: the newest page of every column, since the stream does not replay. */
  readonly fillGaps: () => void;
}

/**
 * The Watch columns: their list (kept in localStorage), the first page of each from the server,
 * older pages on request, and live posts routed to the columns they match.
 */
export function useColumnFeeds(api: ApiClient, onUnauthorized: () => void): ColumnFeeds {
  const [columns, setColumns] = useState<readonly Column[]>(readColumns);
  const [state, dispatch] = useReducer(columnFeedsReducer, initialColumnFeeds, (initial) =>
    columnFeedsReducer(initial, { type: 'sync', columns: readColumns() }),
  );
  const columnsRef = useRef(columns);
  const inFlight = useRef(new Map<string, AbortController>());

  useEffect(() => {
    columnsRef.current = columns;
    dispatch({ type: 'sync', columns });
  }, [columns]);

  const failed = useCallback(
    (error: unknown): boolean => {
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
        return true;
      }
      return false;
    },
    [onUnauthorized],
  );

  // First pages: every column whose feed is (again) in the loading state and not yet requested.
  useEffect(() => {
    const requests = inFlight.current;
    for (const column of columns) {
      if (state.feeds[column.id]?.firstLoad.status !== 'loading' || requests.has(column.id)) {
        continue;
      }
      const controller = new AbortController();
      requests.set(column.id, controller);
      const done = () => {
        if (requests.get(column.id) === controller) {
          requests.delete(column.id);
        }
      };
      api.listPosts({ limit: PAGE_SIZE, ...columnQuery(column.filter), signal: controller.signal }).then(
        (page) => {
          done();
          dispatch({ type: 'firstPage', id: column.id, page });
        },
        (error: unknown) => {
          done();
          if (!controller.signal.aborted && !failed(error)) {
            dispatch({ type: 'firstError', id: column.id, error });
          }
        },
      );
    }
    for (const [id, controller] of requests) {
      if (!columns.some((column) => column.id === id)) {
        controller.abort();
        requests.delete(id);
      }
    }
  }, [api, columns, state.feeds, failed]);

  useEffect(() => {
    const requests = inFlight.current;
    return () => {
      for (const controller of requests.values()) {
        controller.abort();
      }
      requests.clear();
    };
  }, []);

  const edit = useCallback((change: ColumnsEdit) => {
    setColumns((current) => {
      const next = editColumns(current, change);
      if (next !== current) {
        storeColumns(next);
      }
      return next;
    });
  }, []);

  const loadMore = useCallback(
    (id: string) => {
      const column = columnsRef.current.find((c) => c.id === id);
      const feed = state.feeds[id];
      const cursor = feed?.feed.nextCursor;
      if (!column || !feed || !cursor || feed.loadingMore) {
        return;
      }
      dispatch({ type: 'olderLoading', id });
      api.listPosts({ limit: PAGE_SIZE, before: cursor, ...columnQuery(column.filter) }).then(
        (page) => dispatch({ type: 'olderPage', id, page }),
        (error: unknown) => {
          if (!failed(error)) {
            dispatch({ type: 'olderError', id, error });
          }
        },
      );
    },
    [api, failed, state.feeds],
  );

  const retry = useCallback((id: string) => dispatch({ type: 'reload', id }), []);

  const receive = useCallback((posts: Post[]) => dispatch({ type: 'incoming', columns: columnsRef.current, posts }), []);

  const fillGaps = useCallback(() => {
    for (const column of columnsRef.current) {
      api.listPosts({ limit: PAGE_SIZE, ...columnQuery(column.filter) }).then(
        (page) => dispatch({ type: 'gapPage', id: column.id, posts: page.items }),
        (error: unknown) => {
          failed(error);
        },
      );
    }
  }, [api, failed]);

  return { columns, state, dispatch, edit, loadMore, retry, receive, fillGaps };
}
