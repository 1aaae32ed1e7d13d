import type { FieldValue, FormField } from '../ui/connector-form.ts';
import { useT } from '../ui/i18n/language.tsx';

export interface SchemaFieldProps {
  field: FormField;
  idPrefix: string;
  value: FieldValue;
  /** For secrets: whether the stored config has one (shown as "set"; empty keeps it). */
  secretSet: boolean;
  error: string | null;
  onChange: (value: FieldValue) => void;
}

/** One generated form field with its label, hint and error, wired for screen readers. */
export function SchemaField({ field, idPrefix, value, secretSet, error, onChange }: SchemaFieldProps) {
  const { t } = useT();
  const id = `${idPrefix}-${field.name}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hints: string[] = [];
  if (field.description) {
    hints.push(field.description);
  }
  if (field.kind === 'list') {
    hints.push(t('sources.form.listHint'));
  } else if (field.kind === 'json') {
    hints.push(t('sources.form.jsonHint'));
  } else if (field.kind === 'secret') {
    hints.push(secretSet ? t('sources.form.secretSet') : t('sources.form.secretNotSet'));
  }
  const describedBy = [hints.length > 0 ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' ? value : '';
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined } as const;
  const requiredMark = field.required && !(field.kind === 'secret' && secretSet) && (
    <span className="field__required"> {t('form.required')}</span>
  );

  if (field.kind === 'boolean') {
    return (
      <div className="field field--check">
        <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
        <label className="field__label" htmlFor={id}>
          {field.label}
        </label>
        <FieldNotes hints={hints} hintId={hintId} error={error} errorId={errorId} />
      </div>
    );
  }

  if (field.kind === 'multiselect') {
    const chosen = new Set(Array.isArray(value) ? (value as readonly string[]) : []);
    return (
      <fieldset className="field field--group" aria-describedby={describedBy}>
        <legend className="field__label">
          {field.label}
          {requiredMark}
        </legend>
        {field.options.map((option) => (
          <label key={option} className="field__option">
            <input
              type="checkbox"
              checked={chosen.has(option)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) {
                  next.add(option);
                } else {
                  next.delete(option);
                }
                onChange(field.options.filter((o) => next.has(o)));
              }}
            />{' '}
            {option}
          </label>
        ))}
        <FieldNotes hints={hints} hintId={hintId} error={error} errorId={errorId} />
      </fieldset>
    );
  }

  let input;
  switch (field.kind) {
    case 'select':
      input = (
        <select {...common} className="field__input" value={text} onChange={(event) => onChange(event.target.value)}>
          {!field.required && <option value="">{t('sources.form.none')}</option>}
          {field.required && text === '' && <option value="">{t('sources.form.choose')}</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'list':
    case 'json':
      input = (
        <textarea
          {...common}
          className={`field__input ${field.kind === 'json' ? 'field__input--code' : ''}`}
          rows={field.kind === 'json' ? 5 : 3}
          value={text}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
    default:
      input = (
        <input
          {...common}
          className="field__input"
          type={field.kind === 'secret' ? 'password' : field.kind === 'url' ? 'url' : 'text'}
          inputMode={field.kind === 'integer' ? 'numeric' : field.kind === 'number' ? 'decimal' : undefined}
          autoComplete={field.kind === 'secret' ? 'new-password' : 'off'}
          placeholder={field.kind === 'secret' && secretSet ? t('sources.form.secretPlaceholder') : undefined}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {field.label}
        {requiredMark}
      </label>
      {input}
      <FieldNotes hints={hints} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** The hints and the error under a field, referenced by its aria-describedby. */
function FieldNotes({ hints, hintId, error, errorId }: { hints: readonly string[]; hintId: string; error: string | undefined | null; errorId: string }) {
  return (
    <>
      {hints.length > 0 && (
        <p id={hintId} className="field__hint">
          {hints.join(' ')}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}
