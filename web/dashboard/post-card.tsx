import { memo } from 'react';
import type { Post } from '../ui/api.ts';
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
}

/**
 * One post. Every field is untrusted outside content: it is rendered as text (React escapes it),
 * links are only made from http(s) URLs and open without handing over the referrer or `opener`.
 */
export const PostCard = memo(function PostCard({ post, now, onHashtag }: PostCardProps) {
  const { t, tPlural, language } = useT();
  const labelOf = useSourceLabel();
  const sourceLabel = labelOf(post.source);
  const hashtags = [...new Set(post.hashtags)];
  const sourceClass = KNOWN_SOURCES[post.source] ? `source--${post.source}` : 'source--other';
  const originalUrl = safeHttpUrl(post.url);
  const media = post.media
    .map((item) => ({ ...item, safeUrl: safeHttpUrl(item.url) }))
    .filter((item): item is typeof item & { safeUrl: string } => item.safeUrl !== null);
  const postLanguage = languageName(post.language, language);
  const absolute = formatAbsoluteTime(post.createdAt, language);
  const textLang = post.language && LANGUAGE_TAG.test(post.language) ? post.language : undefined;
  const newTab = t('common.opensInNewTab');

  return (
    <article className="post">
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
        {post.text}
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

      {(post.location || media.length > 0 || originalUrl) && (
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
        </div>
      )}
    </article>
  );
});
