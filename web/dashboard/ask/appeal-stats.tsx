import { formatAbsoluteTime, formatNumber } from '../../ui/format.ts';
import { useT, type Translator } from '../../ui/i18n/language.tsx';
import type { Appeal, AppealFigures } from './ask-api.ts';
import { barGeometry, durationParts, tipsOverTime } from './stats.ts';

const WIDTH = 320;
const HEIGHT = 80;

/** A duration in words: "1 u 5 min", "3 min 20 s". */
export function formatDuration(seconds: number, t: Translator['t']): string {
  const { hours, minutes, seconds: s } = durationParts(seconds);
  if (hours > 0) return t('ask.stats.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t('ask.stats.minutesSeconds', { minutes, seconds: s });
  return t('ask.stats.seconds', { seconds: s });
}

/**
 * The appeal's figures (SPEC A1, E1): reach as the send module reports it, tips, useful tips,
 * time to the first (useful) tip, and tips over time as a small bar chart whose numbers are
 * also in a table for screen readers and for anyone who wants the exact counts.
 */
export function AppealStats({ appeal, figures, tipTimes, nowMs }: { appeal: Appeal; figures: AppealFigures; tipTimes: readonly string[]; nowMs: number }) {
  const { t, language } = useT();
  const unknown = t('ask.stats.unknown');
  const series = appeal.publishedAt ? tipsOverTime(tipTimes, appeal.publishedAt, appeal.closedAt ? Date.parse(appeal.closedAt) : nowMs) : null;
  const bars = series ? barGeometry(series.counts, WIDTH, HEIGHT) : [];
  const bucketLabel = (index: number) => (series ? formatAbsoluteTime(new Date(series.startMs + index * series.bucketMinutes * 60_000).toISOString(), language) : '');

  return (
    <section className="ask-stats" aria-labelledby="appeal-stats-title">
      <h3 id="appeal-stats-title" className="send-subtitle">
        {t('ask.stats.title')}
      </h3>
      <dl className="stats ask-stats__figures">
        <div className="stats__item">
          <dt>{t('ask.stats.reach')}</dt>
          <dd className="stats__value">{figures.reach === null ? unknown : formatNumber(figures.reach, language)}</dd>
        </div>
        <div className="stats__item">
          <dt>{t('ask.stats.tips')}</dt>
          <dd className="stats__value">{formatNumber(figures.tips, language)}</dd>
        </div>
        <div className="stats__item">
          <dt>{t('ask.stats.useful')}</dt>
          <dd className="stats__value">{formatNumber(figures.usefulTips, language)}</dd>
        </div>
        <div className="stats__item">
          <dt>{t('ask.stats.firstTip')}</dt>
          <dd className="stats__value">{figures.secondsToFirstTip === null ? '–' : formatDuration(figures.secondsToFirstTip, t)}</dd>
        </div>
        <div className="stats__item">
          <dt>{t('ask.stats.firstUseful')}</dt>
          <dd className="stats__value">{figures.secondsToFirstUsefulTip === null ? '–' : formatDuration(figures.secondsToFirstUsefulTip, t)}</dd>
        </div>
        {appeal.status === 'closed' && (
          <div className="stats__item">
            <dt>{t('ask.stats.closingReach')}</dt>
            <dd className="stats__value">{figures.closingReach === null ? unknown : formatNumber(figures.closingReach, language)}</dd>
          </div>
        )}
      </dl>
      {figures.reach === null && appeal.publishedAt && <p className="field__hint">{t('ask.stats.reachUnknown')}</p>}
      {series && (
        <figure className="ask-chart">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="ask-chart__svg" aria-hidden="true" focusable="false">
            <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="ask-chart__axis" />
            {bars.map((bar, index) => (
              <rect key={index} className="ask-chart__bar" x={bar.x} y={bar.y} width={bar.width} height={Math.max(bar.count > 0 ? 1 : 0, bar.height)} />
            ))}
          </svg>
          <figcaption className="field__hint">{t('ask.stats.chartCaption', { minutes: series.bucketMinutes })}</figcaption>
          <details className="ask-chart__table">
            <summary>{t('ask.stats.chartTable')}</summary>
            <table className="send-table">
              <thead>
                <tr>
                  <th scope="col">{t('ask.stats.from')}</th>
                  <th scope="col">{t('ask.stats.tips')}</th>
                </tr>
              </thead>
              <tbody>
                {series.counts.map((count, index) => (
                  <tr key={index}>
                    <td>{bucketLabel(index)}</td>
                    <td>{count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      )}
    </section>
  );
}
