import { useId, type Ref } from 'react';
import { useT } from '../../ui/i18n/language.tsx';

/**
 * The NL Design System error summary: a list of what is missing, each a link to its field. It is
 * focused after a failed submit so a screen reader reads it at once.
 */
export function CitizenErrorSummary({ errors, ref }: { errors: readonly { field: string; text: string }[]; ref?: Ref<HTMLDivElement> }) {
  const { t } = useT();
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="utrecht-alert utrecht-alert--error subscribe-block subscribe-summary" tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id="error-summary-title" className="utrecht-heading-3">
            {t('subscribe.error.summary')}
          </h2>
          <ul className="utrecht-unordered-list">
            {errors.map((error) => (
              <li key={`${error.field}:${error.text}`} className="utrecht-unordered-list__item">
                <a
                  href={`#${error.field}`}
                  className="utrecht-link utrecht-link--html-a"
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(error.field)?.focus();
                  }}
                >
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The error text of one field, tied to it with aria-describedby. */
export function FieldMessage({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="utrecht-form-field-error-message">
      {text}
    </p>
  );
}

/**
 * A radio button or checkbox with its label and an optional description, NL Design System style.
 * `block` names the page's CSS block (`subscribe-choice`, `ask-choice`) for spacing.
 */
export function Choice({ type, name, checked, onChange, label, description, block = 'subscribe-choice' }: { type: 'radio' | 'checkbox'; name?: string; checked: boolean; onChange: (on: boolean) => void; label: string; description?: string; block?: string }) {
  const id = useId();
  return (
    <div className={`utrecht-form-field utrecht-form-field--${type} ${block}`}>
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type={type}
          name={name}
          className={type === 'radio' ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input'}
          checked={checked}
          aria-describedby={description ? `${id}-description` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className={`utrecht-form-label utrecht-form-label--${type}`} htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div id={`${id}-description`} className={`utrecht-form-field-description ${block}__description`}>
          {description}
        </div>
      )}
    </div>
  );
}
