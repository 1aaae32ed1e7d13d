import { useId, useState } from 'react';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { useResource } from '../watch/use-resource.ts';
import { deliveryInProgress } from './delivery-figures.ts';
import { DeliveryBars, StatusBadge } from './message-parts.tsx';
import { MESSAGE_STATES, type MessageState, type SendApi, type SendMessage } from './send-api.ts';
import { sendEditPath, sendMessagePath } from './send-routes.ts';

/** Figures change fast while a message goes out; the list is polled (the send API has no stream). */
const REFRESH_MS = 5_000;
const PAGE = 25;

/** History: every message, newest first, with its status and per-channel delivery figures. */
export function HistoryView({ api, onUnauthorized }: { api: SendApi; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const [status, setStatus] = useState<MessageState | ''>('');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const before = pages[pages.length - 1] ?? null;
  const { resource } = useResource((signal) => api.listMessages({ status: status ? [status] : [], before, limit: PAGE, signal }), `${status}:${before ?? ''}`, onUnauthorized, REFRESH_MS);
  const items: SendMessage[] = resource.status === 'ready' ? resource.value.items : [];
  const next = resource.status === 'ready' ? resource.value.next : null;

  return (
    <section aria-labelledby={`${ids}-title`}>
      <div className="send-history__head">
        <h2 id={`${ids}-title`} className="send-section-title">
          {t('send.history.title')}
        </h2>
        <div className="field send-history__filter">
          <label className="field__label" htmlFor={`${ids}-status`}>
            {t('send.history.filter')}
          </label>
          <select
            id={`${ids}-status`}
            className="field__input"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as MessageState | '');
              setPages([null]);
            }}
          >
            <option value="">{t('send.history.all')}</option>
            {MESSAGE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`send.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {resource.status === 'error' && (
        <p className="notice notice--error" role="alert">
          {t('send.loadError')} {errorMessage(resource.error, translator)}
        </p>
      )}
      {resource.status === 'ready' && items.length === 0 && <p className="feed-state">{t('send.history.empty')}</p>}
      <ul className="send-cards">
        {items.map((message) => (
          <li key={message.id} className="panel send-card">
            <article aria-labelledby={`${ids}-${message.id}`}>
              <p className="send-summary__chips">
                <StatusBadge status={message.status} />
                {message.exercise && <span className="send-exercise-flag">{t('send.exercise.flag')}</span>}
                {message.msgType !== 'Alert' && <span className="send-status send-status--type">{t(message.msgType === 'Update' ? 'send.type.update' : 'send.type.cancel')}</span>}
                <time className="send-card__time" dateTime={message.publishedAt ?? message.updatedAt}>
                  {formatAbsoluteTime(message.publishedAt ?? message.updatedAt, language)}
                </time>
              </p>
              <h3 id={`${ids}-${message.id}`} className="send-card__title">
                <Link to={message.status === 'draft' ? sendEditPath(message.id) : sendMessagePath(message.id)}>{message.content.nl.headline}</Link>
              </h3>
              <DeliveryBars message={message} />
              {deliveryInProgress(message.deliveries) && <p className="field__hint">{t('send.delivery.inProgress')}</p>}
            </article>
          </li>
        ))}
      </ul>
      <div className="send-actions">
        {pages.length > 1 && (
          <button type="button" className="button" onClick={() => setPages(pages.slice(0, -1))}>
            {t('send.history.newer')}
          </button>
        )}
        {next && (
          <button type="button" className="button" onClick={() => setPages([...pages, next])}>
            {t('send.history.older')}
          </button>
        )}
      </div>
    </section>
  );
}
