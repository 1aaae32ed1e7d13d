import type { FeatureCollection } from 'geojson';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createApiClient, type MapSettings, type Session } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { navigate } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { useResource } from '../watch/use-resource.ts';
import { municipalityOptions } from './area.ts';
import { AreaPicker } from './area-picker.tsx';
import { ChannelsFieldset, ClassificationFieldset, FieldError, TextFieldset, TopicsFieldset } from './composer-fields.tsx';
import { applyTemplate, composerBody, initialComposerState, stateFromMessage, validateComposer, type ComposerState, type FormError } from './composer-form.ts';
import { PreviewPanel } from './preview-panel.tsx';
import type { ChannelPreview, SendApi } from './send-api.ts';
import { sendMessagePath } from './send-routes.ts';

export interface ComposerViewProps {
  api: SendApi;
  session: Session;
  /** The draft to edit, or null for a new message. */
  draftId: string | null;
  onUnauthorized: () => void;
}

interface Basics {
  templates: Awaited<ReturnType<SendApi['listTemplates']>>;
  channels: Awaited<ReturnType<SendApi['listChannels']>>;
  outlines: FeatureCollection | null;
  settings: MapSettings | null;
}

/** Composer: template, texts in Dutch (and English), CAP fields, area, topics, channels, exercise, time; previews from the API. */
export function ComposerView({ api, session, draftId, onUnauthorized }: ComposerViewProps) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const client = useMemo(() => createApiClient(), []);
  const basics = useResource<Basics>(
    async (signal) => {
      const [templates, channels, outlines, settings] = await Promise.all([
        api.listTemplates({ signal }),
        api.listChannels({ signal }),
        client.getMunicipalities().catch(() => null),
        client.getMapSettings().catch(() => null),
      ]);
      return { templates, channels, outlines, settings };
    },
    'basics',
    onUnauthorized,
  );
  const ready = basics.resource.status === 'ready' ? basics.resource.value : null;
  const municipalities = useMemo(() => (ready?.outlines ? municipalityOptions(ready.outlines) : []), [ready]);

  const [state, setState] = useState<ComposerState | null>(draftId ? null : initialComposerState());
  const [savedId, setSavedId] = useState<string | null>(draftId);
  const [savedBody, setSavedBody] = useState<string | null>(null);
  const [previews, setPreviews] = useState<ChannelPreview[] | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejection, setRejection] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // A new message starts with every configured channel that reaches the public at large.
  useEffect(() => {
    if (!draftId && ready) setState((s) => (s && s.channels.length === 0 ? { ...s, channels: ready.channels.filter((c) => c.configured && c.audience === 'broadcast').map((c) => c.kind) } : s));
  }, [draftId, ready]);

  // Editing: load the stored draft once the municipality names are known (for the area's label).
  useEffect(() => {
    if (!draftId || !ready || state) return undefined;
    const controller = new AbortController();
    api.getMessage(draftId, { signal: controller.signal }).then(
      (message) => {
        const loaded = stateFromMessage(message, municipalities);
        setState(loaded);
        setSavedBody(JSON.stringify(composerBody(loaded)));
        setPreviews(message.previews);
        setRejection(message.status === 'draft' ? message.rejectionReason : null);
        if (message.status !== 'draft') navigate(sendMessagePath(message.id), { replace: true });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setNotice({ kind: 'error', text: errorMessage(error, translator) });
      },
    );
    return () => controller.abort();
  }, [api, draftId, ready, municipalities, state, translator]);

  const [templateId, setTemplateId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const template = ready?.templates.find((x) => x.id === templateId) ?? null;

  if (basics.resource.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {t('send.loadError')} {errorMessage(basics.resource.error, translator)}
      </p>
    );
  }
  if (!ready || !state) return <p role="status">{t('common.loading')}</p>;

  const current = state;
  const change = (next: Partial<ComposerState>) => setState({ ...current, ...next });
  const dirty = savedBody !== JSON.stringify(composerBody(current));
  const fieldError = (field: string) => errors.find((e) => e.field === field);

  async function save(): Promise<string | null> {
    const problems = validateComposer(current);
    setErrors(problems);
    if (problems.length > 0) {
      setNotice(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return null;
    }
    const body = composerBody(current);
    const message = savedId ? await api.editMessage(savedId, body) : await api.createMessage(body);
    setSavedId(message.id);
    setSavedBody(JSON.stringify(body));
    const detail = await api.getMessage(message.id);
    setPreviews(detail.previews);
    return message.id;
  }

  async function run(action: 'save' | 'submit') {
    setBusy(true);
    setNotice(null);
    try {
      const id = await save();
      if (id === null) return;
      if (action === 'save') {
        setNotice({ kind: 'ok', text: t('send.composer.saved') });
        return;
      }
      await api.submit(id);
      navigate(sendMessagePath(id));
    } catch (error) {
      setNotice({ kind: 'error', text: `${t('send.actionError')} ${errorMessage(error, translator)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={`send-composer${current.exercise ? ' send-composer--exercise' : ''}`}>
      <form
        className="send-composer__form"
        noValidate
        aria-labelledby={`${ids}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          void run('submit');
        }}
      >
        <h2 id={`${ids}-title`} className="send-section-title">
          {savedId ? t('send.composer.editTitle') : t('send.composer.title')}
        </h2>
        {current.exercise && (
          <p className="send-exercise-banner" role="note">
            <strong>{t('send.exercise.flag')}</strong> {t('send.exercise.banner')}
          </p>
        )}
        {rejection && <p className="notice notice--error">{t('send.composer.rejected', { reason: rejection })}</p>}
        {errors.length > 0 && (
          <div ref={summaryRef} className="notice notice--error send-error-summary" tabIndex={-1} role="alert" aria-labelledby={`${ids}-errors`}>
            <h3 id={`${ids}-errors`} className="send-error-summary__title">
              {t('send.error.summary', { count: errors.length })}
            </h3>
            <ul>
              {errors.map((error, index) => (
                <li key={`${error.field}-${index}`}>
                  <a href={`#${error.field}`} onClick={(event) => { event.preventDefault(); document.getElementById(error.field)?.focus(); }}>
                    {t(error.key, error.params)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}

        <fieldset className="send-fieldset">
          <legend className="send-fieldset__legend">{t('send.template.legend')}</legend>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-template`}>
              {t('send.template.label')}
            </label>
            <select id={`${ids}-template`} className="field__input" value={templateId} onChange={(event) => { setTemplateId(event.target.value); setValues({}); }}>
              <option value="">{t('send.template.none')}</option>
              {ready.templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          {template && (
            <>
              {template.placeholders.map((name) => (
                <div className="field" key={name}>
                  <label className="field__label" htmlFor={`${ids}-slot-${name}`}>
                    {t('send.template.slot', { name })}
                  </label>
                  <input id={`${ids}-slot-${name}`} className="field__input" value={values[name] ?? ''} onChange={(event) => setValues({ ...values, [name]: event.target.value })} />
                </div>
              ))}
              <button type="button" className="button" onClick={() => setState(applyTemplate(current, template, values))}>
                {t('send.template.apply')}
              </button>
            </>
          )}
        </fieldset>

        <TextFieldset lang="nl" value={current.nl} errors={errors} onChange={(nl) => change({ nl })} />
        <label className="send-check send-check--standalone">
          <input type="checkbox" checked={current.withEnglish} onChange={(event) => change({ withEnglish: event.target.checked })} />
          {t('send.text.withEnglish')}
        </label>
        {current.withEnglish && <TextFieldset lang="en" value={current.en} errors={errors} onChange={(en) => change({ en })} />}

        <ClassificationFieldset state={current} onChange={change} />
        <AreaPicker postcode value={current.area} onChange={(area) => change({ area })} municipalities={municipalities} outlines={ready.outlines} settings={ready.settings} invalid={fieldError('area') !== undefined} errorId="area-error" />
        <FieldError id="area-error" error={fieldError('area')} />
        <TopicsFieldset topics={current.topics} error={fieldError('topics')} onChange={(topics) => change({ topics })} />
        <ChannelsFieldset channels={current.channels} available={ready.channels} error={fieldError('channels')} onChange={(channels) => change({ channels })} />

        <fieldset className="send-fieldset">
          <legend className="send-fieldset__legend">{t('send.when.legend')}</legend>
          <label className="send-check send-check--exercise">
            <input type="checkbox" checked={current.exercise} onChange={(event) => change({ exercise: event.target.checked })} />
            {t('send.exercise.label')}
          </label>
          <div className="field">
            <label className="field__label" htmlFor="scheduled">
              {t('send.when.scheduled')}
            </label>
            <input id="scheduled" className="field__input send-input--short" type="datetime-local" value={current.scheduledFor} aria-invalid={fieldError('scheduled') ? true : undefined} aria-describedby="scheduled-hint" onChange={(event) => change({ scheduledFor: event.target.value })} />
            <p id="scheduled-hint" className="field__hint">
              {t('send.when.hint')}
            </p>
            <FieldError id="scheduled-error" error={fieldError('scheduled')} />
          </div>
        </fieldset>

        <p role="status" className={notice ? `notice notice--${notice.kind === 'ok' ? 'info' : 'error'}` : 'visually-hidden'}>
          {notice?.text ?? ''}
        </p>
        <div className="send-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run('save')}>
            {t('send.composer.save')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('send.composer.submit')}
          </button>
        </div>
        <p className="field__hint">{t('send.composer.fourEyes', { name: session.user.name || session.user.email })}</p>
      </form>
      <PreviewPanel previews={previews} stale={dirty && previews !== null} exercise={current.exercise} />
    </div>
  );
}
