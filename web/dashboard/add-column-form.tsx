import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { COLUMN_KINDS, MAX_SEARCH_LENGTH, type ColumnFilter, type ColumnKind } from '../ui/columns.ts';
import type { MessageKey } from '../ui/i18n/catalogue.ts';
import { useT } from '../ui/i18n/language.tsx';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryOrNone } from '../ui/taxonomy.ts';
import { useSourceLabel } from './post-card.tsx';

const KIND_LABELS: Readonly<Record<ColumnKind, MessageKey>> = {
  all: 'column.title.all',
  relevant: 'column.title.relevant',
  highPriority: 'column.title.highPriority',
  category: 'columns.kind.category',
  search: 'columns.kind.search',
  source: 'columns.kind.source',
};

export interface AddColumnFormProps {
  sources: readonly string[];
  /** Adds the column; answers an error message key when it cannot (duplicate, too many). */
  onAdd: (filter: ColumnFilter) => MessageKey | null;
  onCancel: () => void;
}

/** The form behind "Kolom toevoegen": the kind of column and, where needed, its category, words or source. */
export function AddColumnForm({ sources, onAdd, onCancel }: AddColumnFormProps) {
  const { t } = useT();
  const labelOf = useSourceLabel();
  const ids = useId();
  const [kind, setKind] = useState<ColumnKind>('category');
  const [category, setCategory] = useState<CategoryOrNone>('fire');
  const [text, setText] = useState('');
  const [source, setSource] = useState(sources[0] ?? '');
  const [error, setError] = useState<MessageKey | null>(null);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => firstField.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let filter: ColumnFilter;
    if (kind === 'category') {
      filter = { kind, category };
    } else if (kind === 'search') {
      if (!text.trim()) {
        setError('columns.add.needText');
        return;
      }
      filter = { kind, text: text.trim().slice(0, MAX_SEARCH_LENGTH) };
    } else if (kind === 'source') {
      if (!source.trim()) {
        setError('columns.add.needSource');
        return;
      }
      filter = { kind, source: source.trim() };
    } else {
      filter = { kind };
    }
    setError(onAdd(filter));
  };

  const errorId = `${ids}-error`;
  const invalid = (field: ColumnKind) => (error !== null && kind === field ? true : undefined);

  return (
    <form className="panel add-column" onSubmit={submit} aria-labelledby={`${ids}-title`} noValidate>
      <h3 id={`${ids}-title`} className="add-column__title">
        {t('columns.add.title')}
      </h3>
      <div className="add-column__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-kind`}>
            {t('columns.add.kind')}
          </label>
          <select
            id={`${ids}-kind`}
            ref={firstField}
            className="field__input"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as ColumnKind);
              setError(null);
            }}
          >
            {COLUMN_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        {kind === 'category' && (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-category`}>
              {t('columns.add.category')}
            </label>
            <select id={`${ids}-category`} className="field__input" value={category} onChange={(event) => setCategory(event.target.value as CategoryOrNone)}>
              {[...CATEGORY_IDS, 'none' as const].map((id) => (
                <option key={id} value={id}>
                  {t(CATEGORY_LABELS[id])}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'search' && (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-text`}>
              {t('columns.add.search')}
            </label>
            <input
              id={`${ids}-text`}
              className="field__input"
              type="text"
              value={text}
              maxLength={MAX_SEARCH_LENGTH}
              autoComplete="off"
              aria-invalid={invalid('search')}
              aria-describedby={`${ids}-text-hint${invalid('search') ? ` ${errorId}` : ''}`}
              onChange={(event) => setText(event.target.value)}
            />
            <p id={`${ids}-text-hint`} className="field__hint">
              {t('columns.add.searchHint')}
            </p>
          </div>
        )}
        {kind === 'source' && (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-source`}>
              {t('columns.add.source')}
            </label>
            <input
              id={`${ids}-source`}
              className="field__input"
              type="text"
              list={`${ids}-sources`}
              value={source}
              autoComplete="off"
              aria-invalid={invalid('source')}
              aria-describedby={`${ids}-source-hint${invalid('source') ? ` ${errorId}` : ''}`}
              onChange={(event) => setSource(event.target.value)}
            />
            <datalist id={`${ids}-sources`}>
              {sources.map((s) => (
                <option key={s} value={s}>
                  {labelOf(s)}
                </option>
              ))}
            </datalist>
            <p id={`${ids}-source-hint`} className="field__hint">
              {t('columns.add.sourceHint')}
            </p>
          </div>
        )}
      </div>
      {error && (
        <p id={errorId} className="notice notice--error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="add-column__actions">
        <button type="submit" className="button button--primary button--small">
          {t('columns.add.submit')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
