import { useEffect, useId, useRef, useState } from 'react';
import type { Connector, ConnectorKindInfo, ConnectorState } from '../ui/api.ts';
import { formatAbsoluteTime, formatNumber, formatRelativeTime } from '../ui/format.ts';
import type { MessageKey } from '../ui/i18n/catalogue.ts';
import { useT } from '../ui/i18n/language.tsx';

const STATE_LABELS: Readonly<Record<ConnectorState, MessageKey>> = {
  starting: 'sources.state.starting',
  connecting: 'sources.state.connecting',
  live: 'sources.state.live',
  backoff: 'sources.state.backoff',
  error: 'sources.state.error',
  stopped: 'sources.state.stopped',
};

export interface ConnectorCardProps {
  connector: Connector;
  kind: ConnectorKindInfo | null;
  now: number;
  onEdit: () => void;
  onToggle: (enabled: boolean) => void;
  onDelete: () => void;
}

/** One connector: its health (state in words and colour, message, last post, totals) and its actions. */
export function ConnectorCard({ connector, kind, now, onEdit, onToggle, onDelete }: ConnectorCardProps) {
  const { t, language } = useT();
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const { health } = connector;
  const justNow = t('time.justNow');

  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus();
    }
  }, [confirming]);

  return (
    <article className="connector" aria-labelledby={`${ids}-name`}>
      <div className="connector__head">
        <h3 id={`${ids}-name`} className="connector__name">
          {connector.name}
        </h3>
        <span className="connector__kind">{kind ? kind.label[language] : connector.kind}</span>
        <p className={`health health--${health.state}`}>
          <span className="health__dot" aria-hidden="true" />
          <span className="visually-hidden">{t('sources.health')}: </span>
          {t(STATE_LABELS[health.state])}
          {health.since && (
            <span className="health__since" title={formatAbsoluteTime(health.since, language)}>
              {' '}
              {t('sources.since', { time: formatRelativeTime(health.since, now, language, justNow) })}
            </span>
          )}
        </p>
      </div>
      {health.message && <p className="connector__message">{health.message}</p>}
      <dl className="connector__stats">
        <div>
          <dt>{t('sources.lastPost')}</dt>
          <dd>{health.lastPostAt ? formatRelativeTime(health.lastPostAt, now, language, justNow) : t('sources.lastPostNever')}</dd>
        </div>
        <div>
          <dt>{t('sources.postsTotal')}</dt>
          <dd>{formatNumber(health.postsTotal, language)}</dd>
        </div>
        <div>
          <dt>{t('sources.malformedTotal')}</dt>
          <dd>{formatNumber(health.malformedTotal, language)}</dd>
        </div>
      </dl>
      {connector.webhookUrl && (
        <div className="connector__webhook">
          <label className="field__label" htmlFor={`${ids}-webhook`}>
            {t('sources.webhookUrl')}
          </label>
          <input id={`${ids}-webhook`} className="field__input field__input--code" type="text" readOnly value={connector.webhookUrl} aria-describedby={`${ids}-webhook-hint`} />
          <p id={`${ids}-webhook-hint`} className="field__hint">
            {t('sources.webhookHint')}
          </p>
        </div>
      )}
      <div className="connector__actions">
        <div className="switch">
          <input
            id={`${ids}-enabled`}
            type="checkbox"
            role="switch"
            checked={connector.enabled}
            onChange={(event) => onToggle(event.target.checked)}
          />
          <label htmlFor={`${ids}-enabled`}>
            {t('sources.enabled')}
            <span className="visually-hidden"> ({connector.name})</span>
          </label>
        </div>
        <button type="button" className="button button--small" onClick={onEdit} aria-describedby={`${ids}-name`}>
          {t('sources.edit')}
        </button>
        {confirming ? (
          <span className="connector__confirm" role="group" aria-labelledby={`${ids}-confirm`}>
            <span id={`${ids}-confirm`}>{t('sources.deleteConfirm', { name: connector.name })}</span>
            <button ref={confirmButton} type="button" className="button button--small button--danger" onClick={onDelete}>
              {t('sources.deleteYes')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setConfirming(false);
                window.setTimeout(() => deleteButton.current?.focus(), 0);
              }}
            >
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button ref={deleteButton} type="button" className="button button--small" onClick={() => setConfirming(true)} aria-describedby={`${ids}-name`}>
            {t('sources.delete')}
          </button>
        )}
      </div>
    </article>
  );
}
