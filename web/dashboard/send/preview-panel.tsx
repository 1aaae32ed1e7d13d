import { useId } from 'react';
import { formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { groupPreviews, previewFill, UNIT_KEYS } from './delivery-figures.ts';
import type { ChannelPreview } from './send-api.ts';

export interface PreviewPanelProps {
  previews: readonly ChannelPreview[] | null;
  /** True when the form changed since the previews were made. */
  stale: boolean;
  exercise: boolean;
}

/**
 * Per channel and language: the exact text the service will get, its length in the service's own
 * unit against its limit, and the problems that would block publishing (from the API).
 */
export function PreviewPanel({ previews, stale, exercise }: PreviewPanelProps) {
  const { t, language } = useT();
  const ids = useId();
  const groups = previews ? groupPreviews(previews) : [];
  return (
    <section className="panel send-preview" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="send-preview__title">
        {t('send.preview.title')}
      </h2>
      {exercise && <p className="send-exercise-flag">{t('send.exercise.flag')}</p>}
      {previews === null && <p className="field__hint">{t('send.preview.empty')}</p>}
      {stale && previews !== null && <p className="notice notice--info">{t('send.preview.stale')}</p>}
      {groups.map((group) => (
        <article key={group.channel} className={`send-preview__channel${group.blocked ? ' send-preview__channel--blocked' : ''}`} aria-labelledby={`${ids}-${group.channel}`}>
          <h3 id={`${ids}-${group.channel}`} className="send-preview__channel-title">
            {t(`send.channel.${group.channel}`)}
            <span className={`status-pill status-pill--${group.blocked ? 'bad' : 'good'}`}>{group.blocked ? t('send.preview.blocked') : t('send.preview.ok')}</span>
          </h3>
          {group.versions.map((version) => {
            const fill = version.preview ? previewFill(version.preview) : null;
            return (
              <div key={version.language} className="send-preview__version">
                <p className="send-preview__language">{t(version.language === 'nl' ? 'send.language.nl' : 'send.language.en')}</p>
                {version.preview && (
                  <>
                    <pre className="send-preview__text" lang={version.language}>
                      {version.preview.text}
                    </pre>
                    {fill && (
                      <p className={`send-preview__length${fill.over ? ' send-preview__length--over' : ''}`}>
                        {fill.limit === null
                          ? t('send.preview.lengthNoLimit', { length: formatNumber(fill.length, language), unit: t(UNIT_KEYS[version.preview.unit]) })
                          : t('send.preview.length', { length: formatNumber(fill.length, language), limit: formatNumber(fill.limit, language), unit: t(UNIT_KEYS[version.preview.unit]) })}
                        {fill.ratio !== null && (
                          <span className="send-meter" aria-hidden="true">
                            <span className="send-meter__fill" style={{ width: `${Math.round(fill.ratio * 100)}%` }} />
                          </span>
                        )}
                      </p>
                    )}
                  </>
                )}
                {version.problems.length > 0 && (
                  <ul className="send-preview__problems">
                    {version.problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </article>
      ))}
    </section>
  );
}
