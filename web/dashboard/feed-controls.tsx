import { useId } from 'react';
import type { StreamStats } from '../ui/api.ts';
import type { ConnectionState } from '../ui/event-stream.ts';
import { isFilterActive, type FeedFilter } from '../ui/feed.ts';
import { formatNumber } from '../ui/format.ts';
import { useT } from '../ui/i18n/language.tsx';
import { useSourceLabel } from './post-card.tsx';
import { SparklineChart } from './sparkline-chart.tsx';

function ConnectionIndicator({ connection, onReconnectNow }: { connection: ConnectionState; onReconnectNow: () => void }) {
  const { t } = useT();
  const label =
    connection.status === 'live'
      ? t('watch.connection.live')
      : connection.status === 'reconnecting'
        ? t('watch.connection.reconnecting', { attempt: connection.attempt })
        : connection.status === 'connecting'
          ? t('watch.connection.connecting')
          : t('watch.connection.stopped');
  return (
    <div className="connection">
      {/* Polite: a dropped connection matters, but must not interrupt what the operator is doing. */}
      <p className={`connection__state connection__state--${connection.status}`} aria-live="polite">
        <span className="connection__dot" aria-hidden="true" />
        <span className="visually-hidden">{t('watch.connection.label')}: </span>
        {label}
      </p>
      {connection.status === 'reconnecting' && (
        <button type="button" className="button button--small" onClick={onReconnectNow}>
          {t('watch.connection.reconnectNow')}
        </button>
      )}
    </div>
  );
}

export interface FeedControlsProps {
  connection: ConnectionState;
  onReconnectNow: () => void;
  stats: StreamStats | null;
  series: readonly number[];
  paused: boolean;
  onTogglePause: () => void;
  filter: FeedFilter;
  onFilterChange: (filter: FeedFilter) => void;
  sources: readonly string[];
}

/** The left-hand panel of Watch: connection, throughput, pause and filters. */
export function FeedControls(props: FeedControlsProps) {
  const { connection, onReconnectNow, stats, series, paused, onTogglePause, filter, onFilterChange, sources } = props;
  const { t, language } = useT();
  const labelOf = useSourceLabel();
  const ids = useId();
  const current = series.at(-1) ?? 0;
  // The server's rate is posts per second over 10 s; operators think in posts per minute.
  const perMinute = stats ? formatNumber(stats.rate * 60, language) : t('watch.stats.unknown');

  return (
    <section className="panel watch__controls" aria-labelledby={`${ids}-controls`}>
      <h2 id={`${ids}-controls`} className="visually-hidden">
        {t('watch.controls')}
      </h2>
      <ConnectionIndicator connection={connection} onReconnectNow={onReconnectNow} />

      <dl className="stats">
        <div className="stats__item">
          <dt>{t('watch.stats.received')}</dt>
          <dd className="stats__value">{stats ? formatNumber(stats.received, language) : t('watch.stats.unknown')}</dd>
        </div>
        <div className="stats__item">
          <dt>{t('watch.stats.rate')}</dt>
          <dd className="stats__value">{perMinute}</dd>
        </div>
      </dl>

      <figure className="sparkline">
        <SparklineChart
          values={series}
          label={t('watch.sparkline.label', {
            minutes: series.length,
            current: formatNumber(current, language),
            max: formatNumber(Math.max(0, ...series), language),
          })}
        />
        <figcaption className="sparkline__caption">{t('watch.sparkline.caption', { minutes: series.length })}</figcaption>
      </figure>

      <div className="pause">
        <button type="button" className={`button ${paused ? 'button--primary' : ''}`} onClick={onTogglePause}>
          {paused ? t('watch.resume') : t('watch.pause')}
        </button>
        {paused && (
          <p className="pause__note" role="status">
            {t('watch.paused')}
          </p>
        )}
      </div>

      <div className="filters" role="search" aria-labelledby={`${ids}-filters`}>
        <h3 id={`${ids}-filters`} className="filters__title">
          {t('watch.filter.heading')}
        </h3>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-text`}>
            {t('watch.filter.text')}
          </label>
          <input
            id={`${ids}-text`}
            className="field__input"
            type="search"
            value={filter.text}
            aria-describedby={`${ids}-text-hint`}
            autoComplete="off"
            onChange={(event) => onFilterChange({ ...filter, text: event.target.value })}
          />
          <p id={`${ids}-text-hint`} className="field__hint">
            {t('watch.filter.textHint')}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-source`}>
            {t('watch.filter.source')}
          </label>
          <select
            id={`${ids}-source`}
            className="field__input"
            value={filter.source}
            onChange={(event) => onFilterChange({ ...filter, source: event.target.value })}
          >
            <option value="">{t('watch.filter.allSources')}</option>
            {sources.map((source) => (
              <option key={source} value={source}>
                {labelOf(source)}
              </option>
            ))}
          </select>
        </div>
        {isFilterActive(filter) && (
          <button type="button" className="button button--small" onClick={() => onFilterChange({ text: '', source: '' })}>
            {t('watch.filter.clear')}
          </button>
        )}
      </div>
    </section>
  );
}
