import { useCallback, useEffect, useRef, useState } from 'react';
import { parsePost, parseStats, POST_STREAM_URL, type ApiClient, type Post, type StreamStats } from '../ui/api.ts';
import type { ConnectionState } from '../ui/event-stream.ts';
import { FEED_CAP } from '../ui/feed.ts';
import { completeMinutesFrom, MinuteHistogram } from '../ui/sparkline.ts';
import { useEventStream } from '../ui/use-event-stream.ts';

export const SPARKLINE_MINUTES = 30;
/** Posts taken from the newest page to fill the sparkline's past. */
const HISTORY_PAGE = 100;
/** Live posts are applied in batches: at hundreds of posts per second, one render per post would freeze the page. */
const FLUSH_INTERVAL_MS = 250;
/** Screen readers hear "N new posts" at most this often; more would drown everything else out. */
const ANNOUNCE_INTERVAL_MS = 15_000;
const CLOCK_TICK_MS = 15_000;
const EVENT_TYPES = ['post', 'stats'] as const;

export interface Announcement {
  readonly count: number;
  /** Changes on every announcement, so that the same count twice is still announced twice. */
  readonly sequence: number;
}

export interface PostStream {
  readonly stats: StreamStats | null;
  /** Posts per minute, oldest first, the current minute last. */
  readonly series: readonly number[];
  readonly connection: ConnectionState;
  readonly reconnectNow: () => void;
  readonly announcement: Announcement | null;
  /** Wall-clock time, refreshed every few seconds, for relative times. */
  readonly now: number;
}

export interface PostStreamHandlers {
  /** A batch of live posts (at most every 250 ms). */
  readonly onPosts: (posts: Post[]) => void;
  /** The stream is back after a loss: posts sent meanwhile were not replayed. */
  readonly onReconnected: () => void;
  readonly onUnauthorized: () => void;
}

/**
 * The one live connection of Watch (`GET /api/posts/stream`), shared by the columns and the map:
 * batches of posts, the server's statistics, the posts-per-minute sparkline, the screen-reader
 * announcements and the check for an expired session.
 */
export function usePostStream(api: ApiClient, handlers: PostStreamHandlers): PostStream {
  const [stats, setStats] = useState<StreamStats | null>(null);
  const [histogram] = useState(() => new MinuteHistogram(SPARKLINE_MINUTES));
  const [now, setNow] = useState(() => Date.now());
  const [series, setSeries] = useState<readonly number[]>(() => histogram.series(Date.now()));
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  const pending = useRef<Post[]>([]);
  const flushTimer = useRef<number | null>(null);
  const unannounced = useRef(0);
  const announceTimer = useRef<number | null>(null);
  const lastAnnouncedAt = useRef(0);
  // Ids counted from the stream before the history page arrived, so they are not counted twice.
  const countedBeforeHistory = useRef<Set<string> | null>(new Set());

  // The sparkline's past, from the newest page (only minutes that page covers completely).
  useEffect(() => {
    const controller = new AbortController();
    api.listPosts({ limit: HISTORY_PAGE, signal: controller.signal }).then(
      (page) => {
        const counted = countedBeforeHistory.current;
        if (!counted) {
          return;
        }
        countedBeforeHistory.current = null;
        const arrivals = page.items.map((post) => ({ id: post.id, time: Date.parse(post.receivedAt) })).filter((a) => !Number.isNaN(a.time));
        const from = completeMinutesFrom(
          arrivals.map((a) => a.time),
          page.nextCursor === null,
        );
        for (const arrival of arrivals) {
          if (arrival.time >= from && !counted.has(arrival.id)) {
            histogram.add(arrival.time);
          }
        }
        setSeries(histogram.series(Date.now()));
      },
      // The columns report load errors; the sparkline simply starts empty.
      () => undefined,
    );
    return () => controller.abort();
  }, [api, histogram]);

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
      handlersRef.current.onPosts(posts);
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
      countedBeforeHistory.current?.add(post.id);
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

  const onReconnected = useCallback(() => handlersRef.current.onReconnected(), []);
  const { state: connection, reconnectNow } = useEventStream(POST_STREAM_URL, { eventTypes: EVENT_TYPES, onEvent: handleEvent, onReconnected });

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
          handlersRef.current.onUnauthorized();
        }
      },
      () => undefined,
    );
  }, [api, reconnectAttempt]);

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

  return { stats, series, connection, reconnectNow, announcement, now };
}
