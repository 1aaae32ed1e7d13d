import { useId } from 'react';
import type { ApiClient, Post } from '../ui/api.ts';
import { toPercent } from '../ui/explanation.ts';
import { formatAbsoluteTime, formatCoordinate, hashtagLabel, languageName, safeHttpUrl } from '../ui/format.ts';
import { useT } from '../ui/i18n/language.tsx';
import { CATEGORY_LABELS, PRIORITY_LABELS, isCategoryId } from '../ui/taxonomy.ts';
import { CategoryChip, PriorityBadge } from './analysis-badges.tsx';
import { ExplanationChart } from './explanation-chart.tsx';
import { FeedbackForm } from './feedback-form.tsx';
import { useSourceLabel } from './post-card.tsx';

/** The content of the detail panel: text, classification with explanation and feedback, metadata, location. */
export function PostDetailBody(body: {
  post: Post;
  canGiveFeedback: boolean;
  canReveal: boolean;
  saved: string;
  api: ApiClient;
  onSaved: (post: Post) => void;
  onReveal: () => void;
  onOpenPost: (id: string) => void;
  onUnauthorized: () => void;
}) {
  const { t, language } = useT();
  const ids = useId();
  const { post: shown } = body;
  const analysis = shown.analysis;
  const labelOf = useSourceLabel();
  const original = safeHttpUrl(shown.url);
  const location = shown.location;
  return (
    <div className="detail__body">
      <p className="detail__text" dir="auto">
        {shown.text}
      </p>
      {shown.hashtags.length > 0 && <p className="detail__tags">{[...new Set(shown.hashtags)].map(hashtagLabel).join(' ')}</p>}

      <section aria-labelledby={`${ids}-classification`}>
        <h3 id={`${ids}-classification`} className="detail__heading">
          {t('detail.classification')}
        </h3>
        {analysis ? (
          <>
            <div className="detail__chips">
              <CategoryChip category={analysis.relevant ? (analysis.category ?? 'none') : 'none'} />
              {analysis.relevant && <PriorityBadge priority={analysis.priority} />}
            </div>
            <dl className="meta-list">
              <div>
                <dt>{t('detail.relevant')}</dt>
                <dd>
                  {t(analysis.relevant ? 'common.yes' : 'common.no')} ({t('detail.percent', { percent: toPercent(analysis.relevance) })})
                </dd>
              </div>
              <div>
                <dt>{t('detail.confidence')}</dt>
                <dd>{t('detail.percent', { percent: toPercent(analysis.confidence) })}</dd>
              </div>
              {analysis.places.length > 0 && (
                <div>
                  <dt>{t('post.places')}</dt>
                  <dd>{analysis.places.map((place) => place.name).join(', ')}</dd>
                </div>
              )}
              {analysis.nearDuplicateOf && (
                <div>
                  <dt>{t('detail.nearDuplicate')}</dt>
                  <dd>
                    <button type="button" className="link-button" onClick={() => body.onOpenPost(analysis.nearDuplicateOf ?? '')}>
                      {t('detail.openOriginalPost')}
                    </button>
                  </dd>
                </div>
              )}
              {analysis.feedback && (
                <div>
                  <dt>{t('detail.feedback.previous')}</dt>
                  <dd>
                    {t(CATEGORY_LABELS[isCategoryId(analysis.feedback.label) ? analysis.feedback.label : 'none'])}
                    {analysis.feedback.priority ? `, ${t(PRIORITY_LABELS[analysis.feedback.priority])}` : ''} ({formatAbsoluteTime(analysis.feedback.at, language)})
                  </dd>
                </div>
              )}
            </dl>
            <h4 className="detail__subheading">{t('detail.explanation')}</h4>
            <ExplanationChart features={analysis.explanation} />
            {body.canGiveFeedback && (
              <>
                <h4 className="detail__subheading">{t('detail.feedback')}</h4>
                <FeedbackForm key={`${shown.id}-${analysis.feedback?.at ?? ''}`} api={body.api} post={shown} onSaved={body.onSaved} onUnauthorized={body.onUnauthorized} />
              </>
            )}
            <p className="detail__saved" role="status">
              {body.saved}
            </p>
          </>
        ) : (
          <p>{t('detail.notAnalysed')}</p>
        )}
      </section>

      <section aria-labelledby={`${ids}-meta`}>
        <h3 id={`${ids}-meta`} className="detail__heading">
          {t('detail.metadata')}
        </h3>
        <dl className="meta-list">
          <div>
            <dt>{t('detail.source')}</dt>
            <dd>{labelOf(shown.source)}</dd>
          </div>
          <div>
            <dt>{t('detail.author')}</dt>
            <dd className="detail__pseudonym">{shown.authorPseudonym}</dd>
          </div>
          <div>
            <dt>{t('detail.created')}</dt>
            <dd>{formatAbsoluteTime(shown.createdAt, language)}</dd>
          </div>
          <div>
            <dt>{t('detail.received')}</dt>
            <dd>{formatAbsoluteTime(shown.receivedAt, language)}</dd>
          </div>
          <div>
            <dt>{t('detail.language')}</dt>
            <dd>{languageName(shown.language ?? analysis?.language ?? null, language) ?? t('post.languageUnknown')}</dd>
          </div>
          {shown.mentions.length > 0 && (
            <div>
              <dt>{t('detail.mentions')}</dt>
              <dd>{shown.mentions.join(', ')}</dd>
            </div>
          )}
          {(shown.replyTo ?? shown.repostOf ?? shown.quoteOf) && (
            <div>
              <dt>{t('detail.relation')}</dt>
              <dd>{[shown.replyTo && t('post.reply'), shown.repostOf && t('post.repost'), shown.quoteOf && t('post.quote')].filter(Boolean).join(', ')}</dd>
            </div>
          )}
          {original && (
            <div>
              <dt>{t('detail.link')}</dt>
              <dd>
                <a href={original} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer">
                  {t('post.openOriginalLabel', { source: labelOf(shown.source), newTab: t('common.opensInNewTab') })}
                </a>
              </dd>
            </div>
          )}
        </dl>
        {body.canReveal && (
          <button type="button" className="button button--small" onClick={body.onReveal}>
            {t('detail.reveal')}
          </button>
        )}
      </section>

      <section aria-labelledby={`${ids}-location`}>
        <h3 id={`${ids}-location`} className="detail__heading">
          {t('detail.location')}
        </h3>
        {location ? (
          <dl className="meta-list">
            {location.placeName && (
              <div>
                <dt>{t('detail.place')}</dt>
                <dd>{location.placeName}</dd>
              </div>
            )}
            <div>
              <dt>{t('detail.coordinates')}</dt>
              <dd>
                {t('post.coordinates', { lat: formatCoordinate(location.lat, language), lon: formatCoordinate(location.lon, language) })} (
                {t(location.precision === 'exact' ? 'post.placeExact' : 'post.placeApprox')})
              </dd>
            </div>
          </dl>
        ) : (
          <p>{t('detail.noLocation')}</p>
        )}
      </section>
    </div>
  );
}
