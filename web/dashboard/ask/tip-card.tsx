import { useId } from 'react';
import { formatAbsoluteTime, formatCoordinate } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CATEGORY_LABELS, PRIORITY_LABELS } from '../../ui/taxonomy.ts';
import { referenceOf } from '../../citizen/ask/tip-form.ts';
import type { Photo, Tip, TipStatus } from './ask-api.ts';
import { appealPath } from './ask-routes.ts';
import { TIP_ACTIONS, tipPhotoBadges } from './queue.ts';

export interface TipCardProps {
  tip: Tip;
  appealTitle: string | null;
  canManage: boolean;
  busy: boolean;
  highlighted: boolean;
  onStatus: (tip: Tip, status: TipStatus) => void;
  onOpenOriginal: (photo: Photo) => void;
  onShowGroup: (groupId: string) => void;
}

/**
 * One tip in the triage queue: its text (shown as text, never as markup), when and where, the
 * appeal it answers, its photos as metadata-free thumbnails with their near-duplicate count, and
 * the triage buttons. Status is said in words, not by colour alone.
 */
export function TipCard({ tip, appealTitle, canManage, busy, highlighted, onStatus, onOpenOriginal, onShowGroup }: TipCardProps) {
  const { t, tPlural, language } = useT();
  const headingId = useId();
  const photos = tipPhotoBadges(tip);
  return (
    <li className={`ask-tip${highlighted ? ' ask-tip--highlighted' : ''}`} data-tip-id={tip.id}>
      <article aria-labelledby={headingId}>
        <header className="ask-tip__head">
          <h3 id={headingId} className="ask-tip__title">
            {t('ask.tip.heading', { reference: referenceOf(tip.id) })}
          </h3>
          <span className={`badge ask-status ask-status--${tip.status}`}>{t(`ask.tipStatus.${tip.status}`)}</span>
          {tip.priority ? <span className={`badge ask-priority ask-priority--${tip.priority}`}>{t('ask.tip.priority', { priority: t(PRIORITY_LABELS[tip.priority]) })}</span> : <span className="badge badge--neutral">{t('ask.tip.unclassified')}</span>}
          {tip.category && <span className="tag">{t(CATEGORY_LABELS[tip.category])}</span>}
          {highlighted && <span className="badge ask-marked">{t('ask.group.marked')}</span>}
        </header>
        {tip.text ? <p className="ask-tip__text">{tip.text}</p> : <p className="ask-tip__text ask-muted">{t('ask.tip.noText')}</p>}
        <dl className="meta-list ask-tip__meta">
          <div>
            <dt>{t('ask.tip.received')}</dt>
            <dd>
              <time dateTime={tip.receivedAt}>{formatAbsoluteTime(tip.receivedAt, language)}</time>
            </dd>
          </div>
          {tip.observedAt && (
            <div>
              <dt>{t('ask.tip.observed')}</dt>
              <dd>
                <time dateTime={tip.observedAt}>{formatAbsoluteTime(tip.observedAt, language)}</time>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('ask.tip.location')}</dt>
            <dd>
              {tip.location
                ? t('ask.tip.locationValue', { lat: formatCoordinate(tip.location.lat, language), lon: formatCoordinate(tip.location.lon, language), accuracy: tip.location.accuracyM === null ? '?' : Math.round(tip.location.accuracyM) })
                : t('ask.tip.noLocation')}
            </dd>
          </div>
          <div>
            <dt>{t('ask.tip.appeal')}</dt>
            <dd>{tip.appealId ? <Link to={appealPath(tip.appealId)}>{appealTitle ?? t('ask.tip.appealLink')}</Link> : t('ask.tip.noAppeal')}</dd>
          </div>
          <div>
            <dt>{t('ask.tip.sender')}</dt>
            <dd>{tip.anonymous || !tip.contact ? t('ask.tip.anonymous') : [tip.contact.name, tip.contact.email, tip.contact.phone].filter(Boolean).join(' · ')}</dd>
          </div>
        </dl>
        {photos.length > 0 && (
          <ul className="ask-thumbs" aria-label={tPlural('ask.tip.photos', photos.length)}>
            {photos.map(({ photo, duplicates }, index) => (
              <li key={photo.id} className="ask-thumb">
                {photo.status === 'processed' ? (
                  <img className="ask-thumb__image" src={photo.thumbnailUrl} alt={t('ask.tip.photoAlt', { number: index + 1 })} width={96} height={96} loading="lazy" />
                ) : (
                  <span className="ask-thumb__placeholder">{photo.status === 'pending' ? t('ask.tip.photoPending') : t('ask.tip.photoRejected')}</span>
                )}
                {duplicates > 1 && photo.groupId && (
                  <button type="button" className="link-button ask-thumb__group" onClick={() => onShowGroup(photo.groupId!)}>
                    {t('ask.group.nearDuplicates', { count: duplicates })}
                  </button>
                )}
                <button type="button" className="link-button" onClick={() => onOpenOriginal(photo)}>
                  {t('ask.tip.openOriginal')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {canManage && (
          <div className="ask-actions" role="group" aria-label={t('ask.tip.actions')}>
            {TIP_ACTIONS.map((status) => (
              <button key={status} type="button" className="button button--small" disabled={busy || tip.status === status} aria-pressed={tip.status === status} onClick={() => onStatus(tip, status)}>
                {t(`ask.action.${status}`)}
              </button>
            ))}
          </div>
        )}
      </article>
    </li>
  );
}
