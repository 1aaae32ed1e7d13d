import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../ui/api.ts';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT, type Translator } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CATEGORY_LABELS, isCategoryId, PRIORITY_LABELS } from '../../ui/taxonomy.ts';
import { errorMessage } from '../error-message.ts';
import { createAlertsApi, type Notification } from './alerts-api.ts';
import { addNotification, NOTIFICATIONS_KEPT as KEEP } from './signal-display.ts';
import { useAlertsStream } from './use-alerts-stream.ts';
import './alerts.css';


/** A signal's summary starts with its category id (`fire: …`): shown with the category's name. */
function summaryOf(n: Notification, t: Translator['t']): string {
  const m = /^([a-z_]+): /.exec(n.summary);
  return n.subjectType === 'signal' && m && isCategoryId(m[1]) ? `${t(CATEGORY_LABELS[m[1]])}: ${n.summary.slice(m[0].length)}` : n.summary;
}

/**
 * The top bar's notifications (SPEC W6): a button with the number unread and a panel below it
 * listing what alert rules fired, live. New notifications are announced politely to screen
 * readers and never take the focus; the panel opens only when asked.
 */
export function NotificationsBell({ onUnauthorized }: { onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const alerts = useMemo(() => createAlertsApi(), []);
  const [items, setItems] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    alerts.listNotifications().then(
      (list) => {
        setItems(list);
        setError(null);
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 401) onUnauthorized();
        else setError(e);
      },
    );
  }, [alerts, onUnauthorized]);
  useEffect(load, [load]);

  useAlertsStream({
    onNotification: (notification) => {
      setItems((current) => addNotification(current, notification));
      setAnnouncement(t('notifications.announce', { title: notification.title }));
    },
    onReconnected: load,
  });

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const unread = items.filter((n) => n.readAt === null);
  const count = unread.length >= KEEP ? `${KEEP}+` : String(unread.length);

  async function markRead(list: readonly Notification[]) {
    const at = new Date().toISOString();
    try {
      for (const n of list) await alerts.markRead(n.id);
      const done = new Set(list.map((n) => n.id));
      setItems((current) => current.map((n) => (done.has(n.id) ? { ...n, readAt: n.readAt ?? at } : n)));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized();
      else setError(e);
    }
  }

  return (
    <div className="alerts-bell" ref={rootRef}>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <button
        ref={buttonRef}
        type="button"
        className="topbar__logout alerts-bell__button"
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        onClick={() => setOpen((v) => !v)}
      >
        {t('notifications.button')}{' '}
        <span className={`alerts-bell__count${unread.length > 0 ? ' alerts-bell__count--unread' : ''}`}>{t('notifications.unread', { count })}</span>
      </button>
      <div id={`${ids}-panel`} className="alerts-bell__panel" hidden={!open}>
        <div className="alerts-bell__head">
          <h2 className="alerts-bell__title">{t('notifications.title')}</h2>
          <button type="button" className="button button--small" disabled={unread.length === 0} onClick={() => void markRead(unread)}>
            {t('notifications.readAll')}
          </button>
        </div>
        {error !== null && (
          <p className="notice notice--error" role="alert">
            {t('signals.loadError')} {errorMessage(error, translator)}
          </p>
        )}
        {items.length === 0 ? (
          <p className="field__hint">{t('notifications.empty')}</p>
        ) : (
          <ul className="alerts-bell__items">
            {items.map((n) => (
              <li key={n.id} className={`alerts-bell__item${n.readAt === null ? ' alerts-bell__item--unread' : ''}`}>
                <p className="alerts-bell__item-title">
                  {n.readAt === null && <span className="visually-hidden">{t('notifications.new')}: </span>}
                  {n.title}
                </p>
                <p className="alerts-bell__summary" dir="auto">
                  {summaryOf(n, t)}
                </p>
                <p className="signals__meta">
                  <time dateTime={n.createdAt}>{formatAbsoluteTime(n.createdAt, language)}</time> · {t(PRIORITY_LABELS[n.priority])} ·{' '}
                  <Link
                    to={n.subjectType === 'signal' ? `/watch/signals?signal=${encodeURIComponent(n.subjectId)}` : '/watch'}
                    onClick={() => {
                      setOpen(false);
                      if (n.readAt === null) void markRead([n]);
                    }}
                  >
                    {n.subjectType === 'signal' ? t('notifications.toSignal') : t('notifications.toPosts')}
                  </Link>
                  {n.readAt === null && (
                    <>
                      {' · '}
                      <button type="button" className="link-button" onClick={() => void markRead([n])}>
                        {t('notifications.markRead')}
                        <span className="visually-hidden">: {n.title}</span>
                      </button>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
