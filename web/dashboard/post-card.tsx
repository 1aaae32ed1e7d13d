import { memo, type MouseEvent } from 'react';
import type { Post } from '../ui/api.ts';
import { toPercent } from '../ui/explanation.ts';
import { highlightRuns } from '../ui/highlight.ts';
import type { MessageKey } from '../ui/i18n/catalogue.ts';
import { useT } from '../ui/i18n/language.tsx';
import {
  formatAbsoluteTime,
  formatCoordinate,
  formatRelativeTime,
  hashtagLabel,
  languageName,
  safeHttpUrl,
  shortPseudonym,
} from '../ui/format.ts';
import { CategoryChip, PriorityBadge } from './analysis-badges.tsx';

const KNOWN_SOURCES: Readonly<Record<string, MessageKey>> = {
  mastodon: 'source.mastodon',
  bluesky: 'source.bluesky',
  rss: 'source.rss',
  webhook: 'source.webhook',
  replay: 'source.replay',
  p2000: 'source.p2000',
  cap: 'source.cap',
  citizen: 'source.citizen',
};

/** Short marks for the source badge; the full name is always next to or inside it. */
const SOURCE_MARKS: Readonly<Record<string, string>> = {
  mastodon: 'M',
  bluesky: 'B',
  rss: 'R',
  webhook: 'W',
  replay: '↻',
  p2000: 'P',
  cap: 'C',
  citizen: 'Bw',
};

/** A BCP 47-looking tag, so that a junk language value never ends up in a `lang` attribute. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function useSourceLabel(): (source: string) => string {
  const { t } = useT();
  return (source) => {
    const key = KNOWN_SOURCES[source];
    return key ? t(key) : source;
  };
}

export interface PostCardProps {
  post: Post;
  now: number;
  onHashtag: (tag: string) => void;
  /** Opens the detail panel; the card gets a "Details" button (and a click on the card opens it too). */
  onOpen?: (post: Post) => void;
  /** What the column and the filter searched for: marked where it occurs in the text. */
  highlight?: readonly string[];
}

/** Clicks on links, buttons and selected text stay what they are; a plain click elsewhere opens the post. */
function isPlainCardClick(event: MouseEvent<HTMLElement>): boolean {
  const target = event.target as HTMLElement;
  return !target.closest('a, button, input, select, textarea') && (window.getSelection()?.isCollapsed ?? true);
}

/**
 * One post. Every field is untrusted outside content: it is rendered as text (React escapes it),
 * links are only made from http(s) URLs and open without handing over the referrer or `opener`.
 */
export const PostCard = memo(function PostCard({ post, now, onHashtag, onOpen, highlight }: PostCardProps) {
  const { t, tPlural, language } = useT();
  const labelOf = useSourceLabel();
  const sourceLabel = labelOf(post.source);
  const hashtags = [...new Set(post.hashtags)];
  const sourceClass = KNOWN_SOURCES[post.source] ? `source--${post.source}` : 'source--other';
  const originalUrl = safeHttpUrl(post.url);
  const media = post.media
    .map((item) => ({ ...item, safeUrl: safeHttpUrl(item.url) }))
    .filter((item): item is typeof item & { safeUrl: string } => item.safeUrl !== null);
  // The source's own tag, else what the pipeline detected (as the detail panel shows it).
  const tag = post.language ?? post.analysis?.language ?? null;
  const postLanguage = languageName(tag, language);
  const absolute = formatAbsoluteTime(post.createdAt, language);
  const textLang = tag && LANGUAGE_TAG.test(tag) ? tag : undefined;
  const newTab = t('common.opensInNewTab');
  const analysis = post.analysis;
  // Places named in the text; the one the location already shows is not repeated.
  const places = analysis ? [...new Set(analysis.places.map((place) => place.name))].filter((name) => name !== post.location?.placeName) : [];

  return (
    // The click handler is a mouse shortcut only; keyboard and screen-reader users have the Details button.
    <article className={`post ${onOpen ? 'post--openable' : ''}`} onClick={onOpen ? (event) => isPlainCardClick(event) && onOpen(post) : undefined}>
      <div className="post__analysis">
        {analysis ? (
          <>
            <CategoryChip category={analysis.relevant ? (analysis.category ?? 'none') : 'none'} />
            {analysis.relevant && <PriorityBadge priority={analysis.priority} />}
            <span className="post__scores">
              {t('post.scores', { relevance: toPercent(analysis.relevance), confidence: toPercent(analysis.confidence) })}
            </span>
            {analysis.nearDuplicateOf && <span className="post__duplicate">{t('post.nearDuplicate')}</span>}
            {analysis.feedback && <span className="post__reviewed">{t('post.reviewed')}</span>}
          </>
        ) : (
          <span className="post__pending">{t('post.notAnalysed')}</span>
        )}
      </div>
      <div className="post__meta">
        <span className={`source ${sourceClass}`}>
          <span className="source__mark" aria-hidden="true">
            {SOURCE_MARKS[post.source] ?? post.source.slice(0, 1).toUpperCase()}
          </span>
          <span className="source__label">{sourceLabel}</span>
        </span>
        <span className="post__author" title={t('post.pseudonymTitle', { full: post.authorPseudonym })}>
          <span className="post__pseudonym">{shortPseudonym(post.authorPseudonym)}</span>{' '}
          <span className="post__pseudonym-note">({t('post.pseudonym')})</span>
        </span>
        <time className="post__time" dateTime={post.createdAt} title={absolute}>
          {formatRelativeTime(post.createdAt, now, language, t('time.justNow'))}
          <span className="visually-hidden"> ({absolute})</span>
        </time>
        <span className="post__language">{postLanguage ?? t('post.languageUnknown')}</span>
        {post.replyTo && <span className="post__relation">{t('post.reply')}</span>}
        {post.repostOf && <span className="post__relation">{t('post.repost')}</span>}
        {post.quoteOf && <span className="post__relation">{t('post.quote')}</span>}
      </div>

      <p className="post__text" dir="auto" lang={textLang}>
        {highlight && highlight.length > 0
          ? highlightRuns(post.text, highlight).map((run, i) =>
              run.match ? (
                <mark key={i} className="post__match">
                  {run.text}
                </mark>
              ) : (
                run.text
              ),
            )
          : post.text}
      </p>

      {hashtags.length > 0 && (
        <ul className="post__tags" aria-label={t('post.hashtags')}>
          {hashtags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="tag"
                aria-label={t('post.filterHashtag', { tag: hashtagLabel(tag) })}
                onClick={() => onHashtag(tag)}
              >
                {hashtagLabel(tag)}
              </button>
            </li>
          ))}
        </ul>
      )}

      {places.length > 0 && (
        <p className="post__places">
          <span className="visually-hidden">{t('post.places')}: </span>
          {places.join(' · ')}
        </p>
      )}

      {(post.location || media.length > 0 || originalUrl || onOpen) && (
        <div className="post__footer">
          {post.location && (
            <span
              className="post__place"
              title={t(post.location.precision === 'exact' ? 'post.placeExact' : 'post.placeApprox')}
            >
              <svg className="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
                <path d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5c0 3.4 4.5 8.5 4.5 8.5s4.5-5.1 4.5-8.5A4.5 4.5 0 0 0 8 1.5Zm0 6.2a1.7 1.7 0 1 1 0-3.4 1.7 1.7 0 0 1 0 3.4Z" fill="currentColor" />
              </svg>
              {post.location.placeName ??
                t('post.coordinates', {
                  lat: formatCoordinate(post.location.lat, language),
                  lon: formatCoordinate(post.location.lon, language),
                })}
              <span className="visually-hidden">
                {' '}
                ({t(post.location.precision === 'exact' ? 'post.placeExact' : 'post.placeApprox')})
              </span>
            </span>
          )}
          {media.length > 0 && (
            <span className="post__media">
              {tPlural('post.media', media.length)}:{' '}
              {media.map((item, index) => (
                <a
                  key={`${item.safeUrl}-${index}`}
                  className="post__link"
                  href={item.safeUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  referrerPolicy="no-referrer"
                >
                  {t('post.mediaItem', { index: index + 1, type: item.type })}
                  <span className="visually-hidden"> {newTab}</span>
                </a>
              ))}
            </span>
          )}
          {originalUrl && (
            <a
              className="post__link post__original"
              href={originalUrl}
              target="_blank"
              rel="noopener noreferrer"
              referrerPolicy="no-referrer"
              aria-label={t('post.openOriginalLabel', { source: sourceLabel, newTab })}
            >
              {t('post.openOriginal')}
              <svg className="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
                <path d="M9 2h5v5h-1.5V4.6L7.1 10 6 8.9l5.4-5.4H9V2ZM3 4h4v1.5H4.5v6h6V9H12v4H3V4Z" fill="currentColor" />
              </svg>
            </a>
          )}
          {onOpen && (
            <button type="button" className="button button--small post__open" onClick={() => onOpen(post)}>
              {t('post.details')}
              <span className="visually-hidden"> {t('post.detailsOf', { author: shortPseudonym(post.authorPseudonym), time: absolute })}</span>
            </button>
          )}
        </div>
      )}
    </article>
  );
});
