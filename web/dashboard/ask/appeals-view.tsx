import { useId, useState } from 'react';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { useResource } from '../watch/use-resource.ts';
import { APPEAL_STATUSES, type AppealStatus, type AskApi } from './ask-api.ts';
import { appealPath, ASK_VIEW_PATHS } from './ask-routes.ts';

/** The organisation's appeals, newest first, filtered by status. */
export function AppealsView({ api, canManage, onUnauthorized }: { api: AskApi; canManage: boolean; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const [status, setStatus] = useState<AppealStatus | 'all'>('all');
  const { resource } = useResource((signal) => api.listAppeals({ status: status === 'all' ? undefined : [status], limit: 100, signal }), status, onUnauthorized, 15_000);

  return (
    <section aria-labelledby={`${ids}-title`}>
      <div className="ask-queue__bar">
        <h2 id={`${ids}-title`} className="page__subtitle">
          {t('ask.appeals.title')}
        </h2>
        <div className="send-segmented" role="radiogroup" aria-label={t('ask.appeals.filter')}>
          {(['all', ...APPEAL_STATUSES] as const).map((s) => (
            <label key={s} className="send-segmented__option">
              <input type="radio" name={`${ids}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
              {s === 'all' ? t('ask.appeals.all') : t(`ask.appealStatus.${s}`)}
            </label>
          ))}
        </div>
        {canManage && (
          <Link to={ASK_VIEW_PATHS.compose} className="button button--primary">
            {t('ask.appeals.new')}
          </Link>
        )}
      </div>
      {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {resource.status === 'error' && (
        <p className="notice notice--error" role="alert">
          {t('ask.loadError')} {errorMessage(resource.error, translator)}
        </p>
      )}
      {resource.status === 'ready' && resource.value.length === 0 && <p className="ask-empty">{t('ask.appeals.empty')}</p>}
      {resource.status === 'ready' && resource.value.length > 0 && (
        <div className="send-table-wrap">
          <table className="send-table">
            <caption className="visually-hidden">{t('ask.appeals.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ask.appeals.col.title')}</th>
                <th scope="col">{t('ask.appeals.col.kind')}</th>
                <th scope="col">{t('ask.appeals.col.status')}</th>
                <th scope="col">{t('ask.appeals.col.published')}</th>
                <th scope="col">{t('ask.appeals.col.ends')}</th>
              </tr>
            </thead>
            <tbody>
              {resource.value.map((appeal) => (
                <tr key={appeal.id}>
                  <td>
                    <Link to={appealPath(appeal.id)}>{appeal.title}</Link>
                  </td>
                  <td>{t(`ask.kind.${appeal.kind}`)}</td>
                  <td>
                    <span className={`badge ask-appeal-status ask-appeal-status--${appeal.status}`}>{t(`ask.appealStatus.${appeal.status}`)}</span>
                  </td>
                  <td>{appeal.publishedAt ? formatAbsoluteTime(appeal.publishedAt, language) : '–'}</td>
                  <td>{appeal.closedAt ? formatAbsoluteTime(appeal.closedAt, language) : appeal.endsAt ? formatAbsoluteTime(appeal.endsAt, language) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
