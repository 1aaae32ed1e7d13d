import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { errorMessage } from '../error-message.ts';

/** The alert of a watch view whose data could not be loaded, with the server's reason. */
export function LoadError({ error }: { error: unknown }) {
  const translator = useT();
  return (
    <p className="notice notice--error" role="alert">
      {translator.t('signals.loadError')} {errorMessage(error, translator)}
    </p>
  );
}

/** One post in a signal's, incident's or claim's list: its text, time, place and a link to its detail. */
export function PostLine({ text, createdAt, placeName, onOpen }: { text: string; createdAt: string; placeName?: string | null; onOpen?: () => void }) {
  const { t, language } = useT();
  return (
    <div>
      <p className="signals__post-text" dir="auto">
        {text}
      </p>
      <p className="signals__meta">
        <time dateTime={createdAt}>{formatAbsoluteTime(createdAt, language)}</time>
        {placeName && <> · {placeName}</>}
        {onOpen && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={onOpen}>
              {t('post.details')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}
