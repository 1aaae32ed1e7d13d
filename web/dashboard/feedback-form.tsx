import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient, type Post, type Priority } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import { CategoryOptions, PriorityOptions } from '../ui/taxonomy-options.tsx';
import type { CategoryOrNone } from '../ui/taxonomy.ts';
import { errorMessage } from './error-message.ts';

export interface FeedbackFormProps {
  api: ApiClient;
  post: Post;
  onSaved: (post: Post) => void;
  onUnauthorized: () => void;
}

/** The label the classifier gave: its category when relevant, else `none`. */
export function currentLabel(post: Post): CategoryOrNone {
  const analysis = post.analysis;
  return analysis?.relevant ? (analysis.category ?? 'none') : 'none';
}

/**
 * "Klopt" confirms the classification as it is; "Corrigeer" opens a choice of category (or "niet
 * relevant") and an optional priority. Either way the server re-classifies at once and answers
 * the updated post, which the panel then shows.
 */
export function FeedbackForm({ api, post, onSaved, onUnauthorized }: FeedbackFormProps) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const [correcting, setCorrecting] = useState(false);
  const [label, setLabel] = useState<CategoryOrNone>(currentLabel(post));
  const [priority, setPriority] = useState<Priority | ''>('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const labelField = useRef<HTMLSelectElement>(null);
  const correctButton = useRef<HTMLButtonElement>(null);

  const send = (feedback: { label: string; priority?: Priority }) => {
    if (saving) {
      return;
    }
    setSaving(true);
    setError(null);
    api.sendFeedback(post.id, feedback).then(
      (updated) => {
        setSaving(false);
        setCorrecting(false);
        onSaved(updated);
      },
      (failure: unknown) => {
        setSaving(false);
        if (failure instanceof ApiError && failure.status === 401) {
          onUnauthorized();
        } else {
          setError(failure);
        }
      },
    );
  };

  const confirm = () => {
    const analysis = post.analysis;
    send(analysis?.relevant ? { label: currentLabel(post), priority: analysis.priority } : { label: 'none' });
  };

  const submitCorrection = (event: FormEvent) => {
    event.preventDefault();
    send(label !== 'none' && priority !== '' ? { label, priority } : { label });
  };

  return (
    <div className="feedback">
      <div className="feedback__buttons">
        <button type="button" className="button button--small" onClick={confirm} aria-disabled={saving || undefined}>
          <span aria-hidden="true">✓</span> {t('detail.confirm')}
        </button>
        <button
          ref={correctButton}
          type="button"
          className="button button--small"
          aria-expanded={correcting}
          aria-controls={`${ids}-form`}
          onClick={() => {
            setCorrecting((open) => !open);
            window.setTimeout(() => labelField.current?.focus(), 0);
          }}
        >
          {t('detail.correct')}
        </button>
      </div>
      <p className="field__hint">{t('detail.feedbackHint')}</p>

      {correcting && (
        <form id={`${ids}-form`} className="feedback__form" onSubmit={submitCorrection}>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-label`}>
              {t('detail.correct.category')}
            </label>
            <select id={`${ids}-label`} ref={labelField} className="field__input" value={label} onChange={(event) => setLabel(event.target.value as CategoryOrNone)}>
              <CategoryOptions />
              <option value="none">{t('category.none')}</option>
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-priority`}>
              {t('detail.correct.priority')}
            </label>
            <select
              id={`${ids}-priority`}
              className="field__input"
              value={label === 'none' ? '' : priority}
              disabled={label === 'none'}
              onChange={(event) => setPriority(event.target.value as Priority | '')}
            >
              <option value="">{t('detail.correct.keepPriority')}</option>
              <PriorityOptions />
            </select>
          </div>
          <div className="feedback__actions">
            <button type="submit" className="button button--primary button--small" aria-disabled={saving || undefined}>
              {saving ? t('detail.feedback.saving') : t('detail.correct.submit')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setCorrecting(false);
                correctButton.current?.focus();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {t('detail.feedback.failed')} {errorMessage(error, translator)}
        </p>
      )}
    </div>
  );
}
