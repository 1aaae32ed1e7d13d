import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient, type Connector, type ConnectorKindInfo } from '../ui/api.ts';
import { buildConfig, fieldOfError, fieldsFromSchema, fieldTextsIn, initialValues, isSecretSet, type FieldValue } from '../ui/connector-form.ts';
import { useT } from '../ui/i18n/language.tsx';
import { errorMessage } from './error-message.ts';
import { SchemaField } from './schema-field.tsx';

export interface ConnectorEditorProps {
  api: ApiClient;
  kinds: readonly ConnectorKindInfo[];
  /** The connector to edit, or null to add one. */
  connector: Connector | null;
  onSaved: (connector: Connector) => void;
  onCancel: () => void;
  onUnauthorized: () => void;
}

/** Add or edit a connector; the configuration fields come from its kind's JSON Schema. */
export function ConnectorEditor({ api, kinds, connector, onSaved, onCancel, onUnauthorized }: ConnectorEditorProps) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const editing = connector !== null;
  const [kind, setKind] = useState(connector?.kind ?? kinds[0]?.kind ?? '');
  const kindInfo = kinds.find((k) => k.kind === kind) ?? null;
  const fields = useMemo(
    () => (kindInfo ? fieldsFromSchema(kindInfo.configSchema, kindInfo.secretFields, fieldTextsIn(kindInfo.fields, language)) : []),
    [kindInfo, language],
  );
  const [name, setName] = useState(connector?.name ?? '');
  const [enabled, setEnabled] = useState(connector?.enabled ?? true);
  const [values, setValues] = useState<Record<string, FieldValue>>(() => initialValues(fields, connector?.config ?? null));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const firstField = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => firstField.current?.focus(), []);

  const changeKind = (next: string) => {
    setKind(next);
    const info = kinds.find((k) => k.kind === next);
    setValues(initialValues(info ? fieldsFromSchema(info.configSchema, info.secretFields) : [], null));
    setFieldErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving || !kindInfo) {
      return;
    }
    const { config, errors } = buildConfig(fields, values, editing ? 'edit' : 'create', connector?.config ?? null);
    const nextFieldErrors = Object.fromEntries(errors.map((e) => [e.field, t(e.key, e.params)]));
    const missingName = name.trim() === '' ? t('form.error.required') : null;
    setFieldErrors(nextFieldErrors);
    setNameError(missingName);
    if (errors.length > 0 || missingName) {
      setFormError(t('sources.form.errors'));
      // After the render that marks them: keyboard users land on the first field to fix.
      window.setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setFormError(null);
    setSaving(true);
    const request = connector
      ? api.updateConnector(connector.id, { name: name.trim(), config })
      : api.createConnector({ kind, name: name.trim(), config, enabled });
    request.then(
      (saved) => {
        setSaving(false);
        onSaved(saved);
      },
      (error: unknown) => {
        setSaving(false);
        if (error instanceof ApiError && error.status === 401) {
          onUnauthorized();
          return;
        }
        const serverErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
        const mapped: Record<string, string> = {};
        for (const fieldError of serverErrors) {
          const field = fieldOfError(fieldError, fields);
          if (field) {
            mapped[field] = fieldError.message;
          } else if (/(^|[./])name$/.test(fieldError.path)) {
            setNameError(fieldError.message);
          }
        }
        setFieldErrors(mapped);
        setFormError(`${t('sources.form.saveFailed')} ${errorMessage(error, translator)}`);
      },
    );
  };

  const title = editing ? t('sources.form.editTitle', { name: connector.name }) : t('sources.form.addTitle');

  return (
    <form ref={formRef} className="panel connector-form" onSubmit={submit} aria-labelledby={`${ids}-title`} noValidate>
      <h3 id={`${ids}-title`} className="connector-form__title">
        {title}
      </h3>
      {editing ? (
        <p className="connector-form__kind">
          {t('sources.kind')}: {kindInfo ? kindInfo.label[language] : kind}
        </p>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-kind`}>
            {t('sources.form.kind')}
          </label>
          <select id={`${ids}-kind`} ref={firstField} className="field__input" value={kind} onChange={(event) => changeKind(event.target.value)}>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label[language]} ({t(k.mode === 'push' ? 'sources.mode.push' : 'sources.mode.pull')})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-name`}>
          {t('sources.form.name')} <span className="field__required">{t('form.required')}</span>
        </label>
        <input
          id={`${ids}-name`}
          ref={editing ? firstField : undefined}
          className="field__input"
          type="text"
          value={name}
          maxLength={200}
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${ids}-name-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {nameError && (
          <p id={`${ids}-name-error`} className="field__error">
            {nameError}
          </p>
        )}
      </div>
      {!editing && (
        <div className="field field--check">
          <input id={`${ids}-enabled`} type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          <label className="field__label" htmlFor={`${ids}-enabled`}>
            {t('sources.form.enableNow')}
          </label>
        </div>
      )}
      {fields.length > 0 && (
        <fieldset className="connector-form__config">
          <legend>{t('sources.form.config')}</legend>
          {fields.map((field) => (
            <SchemaField
              key={`${kind}-${field.name}`}
              field={field}
              idPrefix={ids}
              value={values[field.name] ?? ''}
              secretSet={editing && isSecretSet(connector.config, field.name)}
              error={fieldErrors[field.name] ?? null}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            />
          ))}
        </fieldset>
      )}
      {formError && (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      )}
      <div className="connector-form__actions">
        <button type="submit" className="button button--primary" aria-disabled={saving || undefined}>
          {saving ? t('sources.form.saving') : t('sources.form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
