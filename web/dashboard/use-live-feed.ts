import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError, parsePost, parseStats, POST_STREAM_URL, type ApiClient, type Post, type StreamStats } from '../ui/api.ts';
import type { ConnectionState } from '../ui/event-stream.ts';
import { FEED_CAP, feedReducer, initialFeedState, type FeedAction, type FeedState } from '../ui/feed.ts';
import { completeMinutesFrom, MinuteHistogram } from '../ui/sparkline.ts';
import { useEventStream } from '../ui/use-event-stream.ts';

export const PAGE_SIZE = 50;
export const SPARKLINE_MINUTES = 30;
/** Live posts are applied in batches: at hundreds of posts per second, one render per post would freeze the page. */
const FLUSH_INTERVAL_MS = 250;
/** Screen readers hear "N new posts" at most this often; more would drown everything else out. */
const ANNOUNCE_INTERVAL_MS = 15_000;
const CLOCK_TICK_MS = 15_000;
const EVENT_TYPES = ['post', 'stats'] as const;

export type FirstLoad = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

export interface Announcement {
  readonly count: number;
  /** Changes on every announcement, so that the same count twice is still announced twice. */
  readonly sequence: number;
}

export interface LiveFeed {
  readonly feed: FeedState;
  readonly dispatch: (action: FeedAction) => void;
  readonly firstLoad: FirstLoad;
  readonly retryFirstLoad: () => void;
  readonly loadMore: () => void;
  readonly loadingMore: boolean;
  readonly loadMoreError: unknown;
  readonly stats: StreamStats | null;
  /** Posts per minute, oldest first, the current minute last. */
  readonly series: readonly number[];
  readonly connection: ConnectionState;
  readonly reconnectNow: () => void;
  readonly announcement: Announcement | null;
  /** Wall-clock time, refreshed every few seconds, for relative times. */
  readonly now: number;
}

/**
 * Everything behind the Watch page: the first page of posts, the live stream (with gap filling
 * after a reconnect), older pages, stream statistics and the screen-reader announcements.
 */
export function useLiveFeed(api: ApiClient, onUnauthorized: () => void): LiveFeed {
  const [feed, dispatch] = useReducer(feedReducer, initialFeedState);
  const [firstLoad, setFirstLoad] = useState<FirstLoad>({ status: 'loading' });
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const [stats, setStats] = useState<StreamStats | null>(null);
  const [histogram] = useState(() => new MinuteHistogram(SPARKLINE_MINUTES));
  const [now, setNow] = useState(() => Date.now());
  const [series, setSeries] = useState<readonly number[]>(() => histogram.series(Date.now()));
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  const pending = useRef<Post[]>([]);
  const flushTimer = useRef<number | null>(null);
  const unannounced = useRef(0);
  const announceTimer = useRef<number | null>(null);
  const lastAnnouncedAt = useRef(0);
  // Ids counted from the stream before the first page arrived, so the page does not count them twice.
  const countedBeforeFirstPage = useRef<Set<string> | null>(new Set());

  /** True when the error meant "not signed in" and has been handed to the app. */
  const handledAsUnauthorized = useCallback(
    (error: unknown): boolean => {
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
        return true;
      }
      return false;
    },
    [onUnauthorized],
  );

  /** Fills the sparkline's past from the first page, once. */
  const seedHistory = useCallback(
    (posts: readonly Post[], isWholeHistory: boolean) => {
      const counted = countedBeforeFirstPage.current;
      if (!counted) {
        return;
      }
      countedBeforeFirstPage.current = null;
      const arrivals = posts
        .map((post) => ({ id: post.id, time: Date.parse(post.receivedAt) }))
        .filter((arrival) => !Number.isNaN(arrival.time));
      const from = completeMinutesFrom(
        arrivals.map((arrival) => arrival.time),
        isWholeHistory,
      );
      for (const arrival of arrivals) {
        if (arrival.time >= from && !counted.has(arrival.id)) {
          histogram.add(arrival.time);
        }
      }
      setSeries(histogram.series(Date.now()));
    },
    [histogram],
  );

  useEffect(() => {
    const controller = new AbortController();
    setFirstLoad({ status: 'loading' });
    api.listPosts({ limit: PAGE_SIZE, signal: controller.signal }).then(
      (page) => {
        dispatch({ type: 'firstPage', page });
        setFirstLoad({ status: 'ready' });
        seedHistory(page.items, page.nextCursor === null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !handledAsUnauthorized(error)) {
          setFirstLoad({ status: 'error', error });
        }
      },
    );
    return () => controller.abort();
  }, [api, loadAttempt, handledAsUnauthorized, seedHistory]);

  const announce = useCallback((count: number) => {
    unannounced.current += count;
    if (announceTimer.current !== null) {
      return;
    }
    const wait = Math.max(0, lastAnnouncedAt.current + ANNOUNCE_INTERVAL_MS - Date.now());
    announceTimer.current = window.setTimeout(() => {
      announceTimer.current = null;
      lastAnnouncedAt.current = Date.now();
      const total = unannounced.current;
      unannounced.current = 0;
      setAnnouncement((previous) => ({ count: total, sequence: (previous?.sequence ?? 0) + 1 }));
    }, wait);
  }, []);

  const flush = useCallback(() => {
    flushTimer.current = null;
    const posts = pending.current;
    pending.current = [];
    if (posts.length > 0) {
      dispatch({ type: 'incoming', posts });
      setSeries(histogram.series(Date.now()));
      announce(posts.length);
    }
  }, [announce, histogram]);

  const handleEvent = useCallback(
    (type: string, data: string) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        return;
      }
      if (type === 'stats') {
        const next = parseStats(parsed);
        if (next) {
          setStats(next);
        }
        return;
      }
      const post = parsePost(parsed);
      if (!post) {
        return;
      }
      histogram.add(Date.now());
      countedBeforeFirstPage.current?.add(post.id);
      pending.current.push(post);
      if (pending.current.length > FEED_CAP) {
        // Only the newest FEED_CAP can ever be shown; keep the batch bounded during a flood.
        pending.current = pending.current.slice(-FEED_CAP);
      }
      if (flushTimer.current === null) {
        flushTimer.current = window.setTimeout(flush, FLUSH_INTERVAL_MS);
      }
    },
    [flush, histogram],
  );

  // After a lost connection, fetch the newest page: posts sent while we were away are not replayed.
  const fillGap = useCallback(() => {
    api.listPosts({ limit: PAGE_SIZE }).then(
      (page) => dispatch({ type: 'incoming', posts: page.items }),
      (error: unknown) => {
        handledAsUnauthorized(error);
      },
    );
  }, [api, handledAsUnauthorized]);

  const { state: connection, reconnectNow } = useEventStream(POST_STREAM_URL, {
    eventTypes: EVENT_TYPES,
    onEvent: handleEvent,
    onReconnected: fillGap,
  });

  // EventSource hides the status of a failed connection; after two failures, ask whether the
  // session expired, so the operator is sent to the login page instead of retrying forever.
  const reconnectAttempt = connection.status === 'reconnecting' ? connection.attempt : 0;
  useEffect(() => {
    if (reconnectAttempt !== 2) {
      return;
    }
    api.getSession().then(
      (session) => {
        if (!session) {
          onUnauthorized();
        }
      },
      () => undefined,
    );
  }, [api, onUnauthorized, reconnectAttempt]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const time = Date.now();
      setNow(time);
      setSeries(histogram.series(time));
    }, CLOCK_TICK_MS);
    return () => window.clearInterval(timer);
  }, [histogram]);

  useEffect(
    () => () => {
      // Reset the refs too: React may mount the component again (StrictMode does), and a stale
      // timer id would make `flush` believe a flush is still scheduled.
      if (flushTimer.current !== null) {
        window.clearTimeout(flushTimer.current);
        flushTimer.current = null;
      }
      if (announceTimer.current !== null) {
        window.clearTimeout(announceTimer.current);
        announceTimer.current = null;
      }
    },
    [],
  );

  const loadMore = useCallback(() => {
    const cursor = feed.nextCursor;
    if (!cursor || loadingMore) {
      return;
    }
    setLoadingMore(true);
    setLoadMoreError(null);
    api.listPosts({ limit: PAGE_SIZE, before: cursor }).then(
      (page) => {
        dispatch({ type: 'olderPage', page });
        setLoadingMore(false);
      },
      (error: unknown) => {
        setLoadingMore(false);
        if (!handledAsUnauthorized(error)) {
          setLoadMoreError(error);
        }
      },
    );
  }, [api, feed.nextCursor, handledAsUnauthorized, loadingMore]);

  const retryFirstLoad = useCallback(() => setLoadAttempt((n) => n + 1), []);

  return {
    feed,
    dispatch,
    firstLoad,
    retryFirstLoad,
    loadMore,
    loadingMore,
    loadMoreError,
    stats,
    series,
    connection,
    reconnectNow,
    announcement,
    now,
  };
}
