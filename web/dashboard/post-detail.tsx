import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { ApiError, type ApiClient, type Post } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import { useFocusTrap } from '../ui/use-focus-trap.ts';
import { CATEGORY_LABELS, PRIORITY_LABELS, isCategoryId, isPriority } from '../ui/taxonomy.ts';
import { errorMessage } from './error-message.ts';
import { PostDetailBody } from './post-detail-body.tsx';
import { RevealDialog } from './reveal-dialog.tsx';

export interface PostDetailProps {
  api: ApiClient;
  postId: string;
  /** The post as the column has it; null when only the id is known (from the map). */
  initialPost: Post | null;
  canGiveFeedback: boolean;
  canReveal: boolean;
  now: number;
  onClose: () => void;
  onPostChanged: (post: Post) => void;
  onOpenPost: (id: string) => void;
  onUnauthorized: () => void;
}

/**
 * One post in full, as a modal side panel (a native <dialog>: the rest of the page is inert while
 * it is open, Escape closes it, and focus returns to where it was). Shows the text, metadata,
 * location, the classification with its explanation, feedback and the identity reveal.
 */
export function PostDetail(props: PostDetailProps) {
  const { api, postId, initialPost, canGiveFeedback, canReveal, onClose, onPostChanged, onOpenPost, onUnauthorized } = props;
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useFocusTrap(dialogRef);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [post, setPost] = useState<Post | null>(initialPost);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [revealing, setRevealing] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      closeButton.current?.focus();
    }
    return () => {
      dialog?.close();
      // Back to the button that opened the panel; if it is gone (the post left the column), to the page.
      if (opener?.isConnected) {
        opener.focus();
      } else {
        document.getElementById('main')?.focus();
      }
    };
  }, []);

  useEffect(() => {
    setSaved('');
    setLoadError(null);
    if (initialPost?.id === postId) {
      setPost(initialPost);
      return undefined;
    }
    setPost(null);
    const controller = new AbortController();
    api.getPost(postId, { signal: controller.signal }).then(setPost, (error: unknown) => {
      if (controller.signal.aborted) {
        return;
      }
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
      } else {
        setLoadError(error);
      }
    });
    return () => controller.abort();
  }, [api, postId, initialPost, onUnauthorized]);

  const handleClose = (event: SyntheticEvent<HTMLDialogElement>) => {
    // React passes a nested dialog's close event up the tree; only our own closing counts.
    if (event.target === event.currentTarget) {
      onClose();
    }
  };

  const handleSaved = (updated: Post) => {
    setPost(updated);
    onPostChanged(updated);
    const analysis = updated.analysis;
    const category = analysis?.relevant && analysis.category && isCategoryId(analysis.category) ? analysis.category : 'none';
    setSaved(
      t('detail.feedback.saved', {
        category: t(CATEGORY_LABELS[category]),
        priority: analysis && isPriority(analysis.priority) ? t(PRIORITY_LABELS[analysis.priority]) : '–',
      }),
    );
  };

  return (
    <dialog ref={dialogRef} className="dialog detail" aria-labelledby={`${ids}-title`} onClose={handleClose}>
      <div className="dialog__header">
        <h2 id={`${ids}-title`} className="dialog__title">
          {t('detail.title')}
        </h2>
        <button ref={closeButton} type="button" className="icon-button" aria-label={t('common.close')} title={t('common.close')} onClick={() => dialogRef.current?.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>

      {!post && !loadError && <p role="status">{t('common.loading')}</p>}
      {loadError !== null && (
        <p className="notice notice--error" role="alert">
          {t('detail.loadError')} {errorMessage(loadError, translator)}
        </p>
      )}
      {post && (
        <PostDetailBody
          post={post}
          canGiveFeedback={canGiveFeedback}
          canReveal={canReveal}
          saved={saved}
          api={api}
          onSaved={handleSaved}
          onReveal={() => setRevealing(true)}
          onOpenPost={onOpenPost}
          onUnauthorized={onUnauthorized}
        />
      )}
      {revealing && post && <RevealDialog api={api} postId={post.id} onClose={() => setRevealing(false)} onUnauthorized={onUnauthorized} />}
    </dialog>
  );
}
