import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CITIZEN_PATHS } from '../routes.ts';
import { fetchPublicMessage, versionFor, type PublicMessage } from './message-api.ts';
import { MessageArea } from './message-area.tsx';
import { messagePagePath } from './message-paths.ts';
import { messageTime, whenText } from './message-time.ts';
import './messages.css';

type Load = { status: 'loading' } | { status: 'ready'; message: PublicMessage } | { status: 'missing' } | { status: 'failed' };

const linkClass = 'utrecht-link utrecht-link--html-a';

/**
 * The page's frame: the exercise banner first, then the one h1. The h1 keeps its place in every state, so the
 * focus the router puts on it (use-page-focus.ts) survives the message loading.
 */
function Frame({ notices, title, children }: { notices?: ReactNode; title: string; children: ReactNode }) {
  return (
    <>
      <div className="message-notices">{notices}</div>
      <h1 className="utrecht-heading-1">{title}</h1>
      {children}
    </>
  );
}

function Notice({ kind, title, children }: { kind: 'info' | 'warning'; title: string; children: ReactNode }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${kind} message-notice`} role="note">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph message-notice__title">
            <strong>{title}</strong>
          </p>
          {children}
        </div>
      </div>
    </div>
  );
}

/** "Updated" or "withdrawn", with the way to the newest version; or what this version replaces. */
function History({ message }: { message: PublicMessage }) {
  const { t } = useT();
  const newest = message.supersededBy;
  if (newest) {
    const cancelled = newest.kind === 'Cancel';
    return (
      <Notice kind={cancelled ? 'warning' : 'info'} title={t(cancelled ? 'message.cancelled.title' : 'message.updated.title')}>
        <p className="utrecht-paragraph">
          {t(cancelled ? 'message.cancelled.body' : 'message.updated.body')}{' '}
          <Link to={messagePagePath(newest.id)} className={linkClass}>
            {t(cancelled ? 'message.cancelled.link' : 'message.updated.link')}
          </Link>
        </p>
      </Notice>
    );
  }
  if (message.msgType === 'Cancel') {
    return (
      <Notice kind="warning" title={t('message.cancelled.title')}>
        <p className="utrecht-paragraph">{t('message.isCancel')}</p>
        {message.replacesId && <PreviousLink id={message.replacesId} />}
      </Notice>
    );
  }
  if (message.msgType === 'Update' && message.replacesId) {
    return (
      <p className="utrecht-paragraph">
        {t('message.isUpdate')} <PreviousLink id={message.replacesId} />
      </p>
    );
  }
  return null;
}

function PreviousLink({ id }: { id: string }) {
  const { t } = useT();
  return (
    <Link to={messagePagePath(id)} className={linkClass}>
      {t('message.previous')}
    </Link>
  );
}

/**
 * A published message as residents see it — every channel (push, SMS, Mastodon, Bluesky, CAP,
 * feeds) links here: the headline, when it went out, the text and what to do in the reader's
 * language (Dutch when there is no English version), an exercise banner, whether it was updated
 * or withdrawn, and the area in words and on a map. Plain Dutch at B1 level, "u".
 */
export function MessagePage({ messageId }: { messageId: string }) {
  const { t, language } = useT();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchPublicMessage(messageId, controller.signal).then(
      (message) => setLoad({ status: 'ready', message }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad(error instanceof ApiError && (error.status === 404 || error.status === 400) ? { status: 'missing' } : { status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [messageId]);

  if (load.status === 'loading') {
    return (
      <Frame title={t('message.pageTitle')}>
        <p className="utrecht-paragraph" role="status">
          {t('message.loading')}
        </p>
      </Frame>
    );
  }
  if (load.status !== 'ready') {
    const missing = load.status === 'missing';
    return (
      <Frame title={t(missing ? 'message.missing.title' : 'message.failed.title')}>
        <p className="utrecht-paragraph">{t(missing ? 'message.missing.body' : 'message.failed.body')}</p>
        <p className="utrecht-paragraph">
          <Link to={CITIZEN_PATHS.home} className={linkClass}>
            {t('citizen.notFound.home')}
          </Link>
        </p>
      </Frame>
    );
  }

  const { message } = load;
  const { version, language: textLanguage } = versionFor(message, language);
  // The text is in the language it was written in; a screen reader must read Dutch as Dutch.
  const lang = textLanguage === language ? undefined : textLanguage;
  const now = Date.now();
  const published = messageTime(message.publishedAt, language, now);
  const expired = message.expiresAt !== null && Date.parse(message.expiresAt) <= now;
  // The exercise banner comes before anything else, as every channel puts "OEFENING" first.
  const notices = message.exercise && <p className="message-exercise">{t('message.exercise')}</p>;
  return (
    <Frame notices={notices} title={version.headline}>
      <History message={message} />
      {message.organisationName && <p className="utrecht-paragraph message-meta">{t('message.from', { organisation: message.organisationName })}</p>}
      {published && (
        <p className="utrecht-paragraph utrecht-paragraph--lead">
          {published.date ? t('message.publishedOn', { date: published.date, time: published.time }) : t('message.publishedAt', { time: published.time })}
          {message.expiresAt && !expired && ` · ${t('message.validUntil', { when: whenText(message.expiresAt, language, now) })}`}
        </p>
      )}
      {expired && message.expiresAt && <p className="utrecht-paragraph">{t('message.expired', { when: whenText(message.expiresAt, language, now) })}</p>}
      {lang && <p className="utrecht-paragraph utrecht-paragraph--small">{t('message.onlyDutch')}</p>}
      <div lang={lang}>
        <p className="utrecht-paragraph message-text">{version.body}</p>
        {version.instruction && (
          <>
            <h2 className="utrecht-heading-2" lang={language}>
              {t('message.instruction')}
            </h2>
            <p className="utrecht-paragraph message-text">{version.instruction}</p>
          </>
        )}
      </div>

      <h2 className="utrecht-heading-2">{t('message.where')}</h2>
      {message.area ? <MessageArea description={message.area.description} polygons={message.area.polygons} /> : <p className="utrecht-paragraph">{t('message.noArea')}</p>}

      <p className="utrecht-paragraph">
        <strong>{t('message.emergency')}</strong>
      </p>

      <section className="message-subscribe" aria-labelledby="message-subscribe-title">
        <h2 id="message-subscribe-title" className="utrecht-heading-2 message-subscribe__title">
          {t('message.subscribe.title')}
        </h2>
        <p className="utrecht-paragraph">{t('message.subscribe.body')}</p>
        <p className="utrecht-paragraph">
          <Link to={CITIZEN_PATHS.subscribe} className={linkClass}>
            {t('message.subscribe.link')}
          </Link>
        </p>
      </section>
    </Frame>
  );
}
