import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError, type ApiClient, type Connector, type ConnectorKindInfo } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import { ConnectorCard } from './connector-card.tsx';
import { ConnectorEditor } from './connector-editor.tsx';
import { errorMessage } from './error-message.ts';

/** Health is polled this often (the brief: refreshed every 10 s). */
const REFRESH_MS = 10_000;

type Editing = { mode: 'add' } | { mode: 'edit'; connector: Connector } | null;

/** Bronnen: the organisation's connectors with their health, and adding, editing, pausing and removing them. */
export function SourcesView({ api, onUnauthorized }: { api: ApiClient; onUnauthorized: () => void }) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const [connectors, setConnectors] = useState<Connector[] | null>(null);
  const [kinds, setKinds] = useState<ConnectorKindInfo[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [now, setNow] = useState(() => Date.now());
  const [reload, setReload] = useState(0);
  const addButton = useRef<HTMLButtonElement>(null);

  const handleError = useCallback(
    (error: unknown, set: (message: string) => void) => {
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
      } else {
        set(errorMessage(error, translator));
      }
    },
    [onUnauthorized, translator],
  );

  useEffect(() => {
    api.listConnectorKinds().then(setKinds, (error: unknown) => handleError(error, setActionError));
  }, [api, handleError]);

  useEffect(() => {
    const controller = new AbortController();
    api.listConnectors({ signal: controller.signal }).then(
      (items) => {
        setConnectors(items);
        setLoadError(null);
        setNow(Date.now());
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          if (error instanceof ApiError && error.status === 401) {
            onUnauthorized();
          } else {
            setLoadError(error);
          }
        }
      },
    );
    const timer = globalThis.setTimeout(() => setReload((n) => n + 1), REFRESH_MS);
    return () => {
      controller.abort();
      globalThis.clearTimeout(timer);
    };
  }, [api, reload, onUnauthorized]);

  const replace = (saved: Connector) =>
    setConnectors((current) => {
      const list = current ?? [];
      return list.some((c) => c.id === saved.id) ? list.map((c) => (c.id === saved.id ? saved : c)) : [...list, saved];
    });

  const handleSaved = (saved: Connector) => {
    replace(saved);
    setEditing(null);
    setStatus(t('sources.saved', { name: saved.name }));
    addButton.current?.focus();
  };

  const handleToggle = (connector: Connector, enabled: boolean) => {
    setActionError(null);
    api.updateConnector(connector.id, { enabled }).then(
      (saved) => {
        replace(saved);
        setStatus(t(enabled ? 'sources.enabledStatus' : 'sources.disabledStatus', { name: saved.name }));
      },
      (error: unknown) => handleError(error, setActionError),
    );
  };

  const handleDelete = (connector: Connector) => {
    setActionError(null);
    api.deleteConnector(connector.id).then(
      () => {
        setConnectors((current) => (current ?? []).filter((c) => c.id !== connector.id));
        setStatus(t('sources.deleted', { name: connector.name }));
        addButton.current?.focus();
      },
      (error: unknown) => handleError(error, setActionError),
    );
  };

  return (
    <section className="sources" aria-labelledby={`${ids}-title`}>
      <div className="sources__header">
        <div>
          <h2 id={`${ids}-title`} className="sources__title">
            {t('sources.heading')}
          </h2>
          <p className="sources__lead">{t('sources.lead')}</p>
        </div>
        <button
          ref={addButton}
          type="button"
          className="button button--primary"
          aria-expanded={editing?.mode === 'add'}
          onClick={() => setEditing(editing?.mode === 'add' ? null : { mode: 'add' })}
          disabled={kinds.length === 0}
        >
          <span aria-hidden="true">+</span> {t('sources.add')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {actionError && (
        <p className="notice notice--error" role="alert">
          {actionError}
        </p>
      )}

      {editing && (
        <ConnectorEditor
          key={editing.mode === 'edit' ? editing.connector.id : 'add'}
          api={api}
          kinds={kinds}
          connector={editing.mode === 'edit' ? editing.connector : null}
          onSaved={handleSaved}
          onCancel={() => {
            setEditing(null);
            addButton.current?.focus();
          }}
          onUnauthorized={onUnauthorized}
        />
      )}

      {loadError !== null && (
        <div className="notice notice--error" role="alert">
          <p>
            {t('sources.loadError')} {errorMessage(loadError, translator)}
          </p>
          <button type="button" className="button button--small" onClick={() => setReload((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {connectors === null && loadError === null && <p role="status">{t('common.loading')}</p>}
      {connectors?.length === 0 && <p className="feed-state">{t('sources.empty')}</p>}
      {connectors && connectors.length > 0 && (
        <ul className="connectors" aria-label={t('sources.listLabel')}>
          {connectors.map((connector) => (
            <li key={connector.id}>
              <ConnectorCard
                connector={connector}
                kind={kinds.find((k) => k.kind === connector.kind) ?? null}
                now={now}
                onEdit={() => setEditing({ mode: 'edit', connector })}
                onToggle={(enabled) => handleToggle(connector, enabled)}
                onDelete={() => handleDelete(connector)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
